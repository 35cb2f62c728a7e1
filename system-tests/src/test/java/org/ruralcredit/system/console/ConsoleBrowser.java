package org.ruralcredit.system.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: one fresh profile per
 * browser, so each user signs in on their own. Screenshots go to target/console-screenshots for
 * review with the build's other output.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final AtomicInteger SHOT = new AtomicInteger();

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final String base;
    private final Path profile;

    ConsoleBrowser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("console-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=zh-CN",
                "--window-size=1366,1000",
                "--user-data-dir=" + profile);
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Opens the console, signs in on Keycloak's page with the demo password, lands on the workbench. */
    ConsoleBrowser signIn(String user) {
        driver.get(base + "/console");
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo-password");
        driver.findElement(By.id("kc-login")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("user-name")));
        return this;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** The element, or a failure that says what the page showed instead. */
    WebElement find(String css) {
        try {
            return await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            try {
                screenshot("failed-" + css.replaceAll("[^A-Za-z0-9-]", ""));
                Files.writeString(
                        SCREENSHOTS.resolve("failed-" + css.replaceAll("[^A-Za-z0-9-]", "") + ".html"),
                        driver.getPageSource());
            } catch (IOException | RuntimeException ignored) {
                // the failure below says what matters
            }
            throw new AssertionError(
                    css + " not found on " + driver.getCurrentUrl() + "; the page shows: "
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Types into the visible field of that name (a page may also carry hidden fields of the same name). */
    void type(String name, String value) {
        WebElement input = visible(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    /** The first element found that a person can see. */
    WebElement visible(By by) {
        return driver.findElements(by).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseGet(() -> driver.findElement(by));
    }

    /** Waits until the element's text contains {@code fragment}, across a page that is being replaced. */
    void awaitText(String css, String fragment) {
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), fragment));
    }

    /** A date input, set the way a date picker would (typing into one depends on the locale's format). */
    void date(String name, String isoDate) {
        WebElement input = driver.findElement(By.name(name));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }

    void choose(String name, String value) {
        new Select(visible(By.name(name))).selectByValue(value);
    }

    /**
     * Clicks once the element can be clicked (after a form is sent, the next page may still be loading). A link
     * or a form's submit button leads to a new page: the click returns once that page has replaced this one, so
     * what the test reads next is never the page it left (which may show the very text it waits for).
     */
    void click(String css) {
        find(css);
        WebElement target = await().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        boolean leaves = Boolean.TRUE.equals(js.executeScript(LEAVES_PAGE, target));
        if (leaves) {
            js.executeScript("window.consoleTestLeft = false;");
        }
        target.click();
        if (leaves) {
            await().ignoring(WebDriverException.class)
                    .until(
                            d -> Boolean.TRUE.equals(
                                    ((JavascriptExecutor) d)
                                            .executeScript(
                                                    "return window.consoleTestLeft === undefined && document.readyState === 'complete';")));
        }
    }

    /** Whether clicking the element loads another page: a link elsewhere, or the submit button of a valid form. */
    private static final String LEAVES_PAGE = """
            const e = arguments[0];
            const a = e.closest('a[href]');
            if (a) {
              const href = a.getAttribute('href');
              return !href.startsWith('#') && !href.startsWith('javascript:') && !a.hasAttribute('download')
                  && (a.target === '' || a.target === '_self');
            }
            const b = e.closest('button, input[type=submit]');
            return !!b && b.type === 'submit' && !!b.form && (b.formNoValidate || b.form.noValidate || b.form.checkValidity());
            """;

    String text(String css) {
        return find(css).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** A download as the signed-in user fetches it (same cookies), read as UTF-8 text. */
    String fetchText(String path) {
        Object text = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.ok ? r.text() : 'HTTP ' + r.status)"
                                + ".then(done).catch(e => done('ERROR ' + e));",
                        path);
        return String.valueOf(text);
    }

    WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    WebDriverWait await(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    WebDriver driver() {
        return driver;
    }

    /** A script run in the page; its value as Selenium converts it (maps, lists, longs, strings). */
    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * The viewport as a device of this many CSS pixels: through Chrome's device metrics, so a
     * {@code mobile} one is a phone that honours the page's viewport meta (a window size would
     * not be, and headless windows have no chrome to subtract). Holds for later pages too.
     */
    void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /**
     * The browser's network as Chrome emulates it for this page: {@code offline}, or a link of
     * {@code kbits} kilobits per second each way with {@code latencyMs} of round trip (0: unthrottled).
     */
    void network(boolean offline, int kbits, int latencyMs) {
        driver.executeCdpCommand("Network.enable", Map.of());
        double bytesPerSecond = kbits <= 0 ? -1 : kbits * 1000 / 8.0;
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of(
                        "offline", offline,
                        "latency", latencyMs,
                        "downloadThroughput", bytesPerSecond,
                        "uploadThroughput", bytesPerSecond));
    }

    /** A script run in the page that calls its last argument with the result (a promise's value). */
    Object asyncScript(String js, Object... args) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** A script that runs in every page opened from now on, before the page's own (e.g. to listen for errors). */
    void onEveryPage(String js) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", js));
    }

    /** The HTTP status of the page's own answer (the last one, after redirects), or -1 if the browser does not say. */
    int navigationStatus() {
        Object status = script("const n = performance.getEntriesByType('navigation')[0];"
                + "return n && n.responseStatus ? n.responseStatus : -1;");
        return ((Number) status).intValue();
    }

    /** The whole page, not only what the viewport shows (at most {@code maxHeight} CSS pixels of it). */
    Path fullPageScreenshot(Path target, int maxHeight) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), maxHeight);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        return target;
    }

    /** The browser's cookies for the console as a Cookie header, for requests sent beside the browser. */
    String cookieHeader() {
        return driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The value of a cookie of the console, or null. */
    String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** A numbered screenshot named after the step, e.g. 03-household-refused.png. */
    Path screenshot(String step) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(String.format("%02d-%s.png", SHOT.incrementAndGet(), step));
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return target;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop(); // the driver process too, not only the browser
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
