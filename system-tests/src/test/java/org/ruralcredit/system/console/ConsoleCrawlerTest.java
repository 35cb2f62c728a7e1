package org.ruralcredit.system.console;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.SystemFixtures;
import org.ruralcredit.testing.DemoUsers;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every page of the console that a person of each role reaches from the navigation, in a real
 * browser at a desktop width (1366×768) and a phone's (390×844, emulated as a phone so the page's
 * viewport meta counts): the links of the side navigation and the header (but the language switch
 * and signing out, which change the session rather than show a page), and on each of those pages
 * the first link in {@code main} that goes deeper than the page itself (a household of the list,
 * say), one per page. Each page is checked by {@link PageCheck} (status of its answer, raw enum
 * tokens, ISO date-times, English sentences on a Chinese page, wider than the viewport, post forms
 * without their CSRF token, the html lang, CSP violations and errors the page raised); the findings
 * are collected, not stopped at, and a role's test fails once with all of them, grouped by page.
 *
 * <p>Screenshots of every page go to target/console-crawl/&lt;role&gt;-&lt;width&gt;-&lt;page&gt;.png,
 * and every finding of every role to target/console-crawl/findings.tsv.
 */
@SharedStack.Uses
class ConsoleCrawlerTest {

    static final Path OUT = Path.of("target", "console-crawl");
    private static final Path FINDINGS = OUT.resolve("findings.tsv");
    private static final Pattern DOWNLOAD = Pattern.compile(".*\\.[A-Za-z0-9]{2,4}$");
    private static final Pattern ID_LIKE = Pattern.compile(".*[0-9].*");

    /**
     * Desktop first, then a phone's width. Both as plain viewports of that many CSS pixels
     * (window.innerWidth is exactly the width): Chrome's phone emulation zooms a page that is too
     * wide out to fit, which would hide the very overflow looked for; the viewport meta that a phone
     * needs is checked on its own.
     */
    private record Device(int width, int height) {}

    private static final List<Device> DEVICES = List.of(new Device(1366, 768), new Device(390, 844));

    private static PageCheck check;
    private static final Map<String, String> PAGE_COUNTS = new LinkedHashMap<>();

    private static ConsoleStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        check = PageCheck.fromApiDocuments(
                Path.of(System.getProperty("services.root", "..")).resolve("api"));
        stack = ConsoleStack.start();
        // at least one household in the officials' and the clerk's lists, so a household's own page is crawled
        given().header("Authorization", DemoUsers.bearer(DemoUsers.OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "file",
                        SystemFixtures.householdFile(SystemFixtures.residentId('M'), SystemFixtures.residentId('F')),
                        "reason",
                        "入户建档"))
                .post(stack.registry.baseUrl() + "/api/v1/households")
                .then()
                .statusCode(201);
        // a service's first answer after its start can take longer than the gateway's timeout (3 s) on
        // a busy machine: each is asked once before the crawl, so that the pages show the console, not the warm-up
        for (String path : List.of("/api/v1/no-loan-list", "/api/v1/warnings", "/api/v1/me")) {
            given().header("Authorization", DemoUsers.bearer(DemoUsers.LOAN_OFFICER))
                    .get(stack.gateway.baseUrl() + path);
        }
        Files.createDirectories(OUT);
        Files.writeString(FINDINGS, "role\twidth\tpage\tkind\tdetail\n");
    }

    @AfterAll
    static void stopServices() throws Exception {
        PAGE_COUNTS.forEach((role, count) -> System.out.println("[console-crawl] " + role + ": " + count));
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void townshipOfficial() throws Exception {
        crawl(DemoUsers.OFFICIAL_LINSHAN);
    }

    @Test
    void villageClerk() throws Exception {
        crawl(DemoUsers.CLERK_LINSHAN);
    }

    @Test
    void loanOfficer() throws Exception {
        crawl(DemoUsers.LOAN_OFFICER);
    }

    @Test
    void agencyClerk() throws Exception {
        crawl(DemoUsers.GOV_CLERK);
    }

    @Test
    void creditAdministrator() throws Exception {
        crawl(DemoUsers.CREDIT_ADMIN);
    }

    @Test
    void auditor() throws Exception {
        crawl(DemoUsers.AUDITOR);
    }

    /** One finding where it was seen. */
    private record Seen(String page, int width, PageCheck.Finding finding) {}

    private void crawl(String user) throws Exception {
        long started = System.nanoTime();
        String base = stack.console.baseUrl();
        List<Seen> seen = new ArrayList<>();
        try (ConsoleBrowser browser = new ConsoleBrowser(base)) {
            browser.onEveryPage(PageCheck.LISTENERS);
            browser.signIn(user);
            assertStatusProbeWorks(browser);

            browser.open("/console");
            Map<String, Object> home = probe(browser, DEVICES.get(0).width());
            Set<String> pages = new LinkedHashSet<>();
            for (String href : concat(PageCheck.strings(home.get("header")), PageCheck.strings(home.get("side")))) {
                URI uri = URI.create(href);
                if (href.startsWith(base + "/console") && !uri.getPath().equals("/console/logout")) {
                    pages.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                }
            }
            List<String> visits = new ArrayList<>(pages);
            Map<String, String> details = new LinkedHashMap<>();
            for (Device device : DEVICES) {
                browser.viewport(device.width(), device.height(), false);
                for (int i = 0; i < visits.size(); i++) {
                    String path = visits.get(i);
                    browser.open(path);
                    Map<String, Object> page = probe(browser, device.width());
                    for (PageCheck.Finding f : check.findings(page, base, device.width(), true)) {
                        seen.add(new Seen(path, device.width(), f));
                    }
                    browser.fullPageScreenshot(
                            OUT.resolve(user + "-" + device.width() + "-" + slug(path) + ".png"), 6000);
                    if (pages.contains(path) && !details.containsKey(path)) {
                        String detail = detailLink(base, path, PageCheck.strings(page.get("main")), pages, details);
                        details.put(path, detail);
                        if (detail != null) {
                            visits.add(i + 1, detail);
                        }
                    }
                }
                if (device.equals(DEVICES.get(0))) {
                    visits = List.copyOf(visits); // the phone visits the same pages, details included
                }
            }
            long detailCount = details.values().stream().filter(d -> d != null).count();
            PAGE_COUNTS.put(
                    user,
                    visits.size() + " pages (" + pages.size() + " from the navigation, " + detailCount + " details) × "
                            + DEVICES.size() + " widths in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            System.out.println("[console-crawl] " + user + ": " + PAGE_COUNTS.get(user) + ": " + visits);
        }
        record(user, seen);
        if (!seen.isEmpty()) {
            fail(report(user, seen));
        }
    }

    /** The browser states the status of a page's answer: an unknown page is 404, the workbench 200. */
    private static void assertStatusProbeWorks(ConsoleBrowser browser) {
        browser.open("/console/no-such-page");
        assertEquals(404, browser.navigationStatus(), "the browser reports the status of an unknown page");
        browser.open("/console");
        assertEquals(200, browser.navigationStatus(), "the browser reports the status of the workbench");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> probe(ConsoleBrowser browser, int width) {
        return (Map<String, Object>) browser.script(PageCheck.PROBE, width);
    }

    /**
     * The first link under main that goes deeper than the page (a household of the list): one
     * whose last step looks like an id first, else any deeper one; never a download, never a page
     * of the navigation or one already chosen.
     */
    private static String detailLink(
            String base, String page, List<String> links, Set<String> pages, Map<String, String> chosen) {
        String own = URI.create(base + page).getPath().replaceAll("/$", "");
        List<String> deeper = new ArrayList<>();
        for (String href : links) {
            if (!href.startsWith(base + "/console")) {
                continue;
            }
            URI uri = URI.create(href);
            String path = uri.getRawPath();
            String relative = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (path.startsWith(own + "/")
                    && !DOWNLOAD.matcher(path).matches()
                    && !pages.contains(relative)
                    && !chosen.containsValue(relative)) {
                deeper.add(relative);
            }
        }
        return deeper.stream()
                .filter(p -> ID_LIKE.matcher(p.substring(own.length())).matches())
                .findFirst()
                .orElse(deeper.isEmpty() ? null : deeper.get(0));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** households/3f0c…/revisions → households-id-revisions; the workbench → home. */
    static String slug(String path) {
        String s = path.replaceFirst("^/console/?", "")
                .replaceAll("\\?.*", "")
                .replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}", "id")
                .replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return s.isEmpty() ? "home" : s;
    }

    /**
     * Grouped by page, one line per kind of finding and the widths it was seen at: the offending
     * samples side by side (the first few with the text around them).
     */
    private static String report(String user, List<Seen> seen) {
        Map<String, Map<PageCheck.Finding, Set<Integer>>> byPage = new LinkedHashMap<>();
        for (Seen s : seen) {
            byPage.computeIfAbsent(s.page(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(s.finding(), f -> new TreeSet<>(Comparator.reverseOrder()))
                    .add(s.width());
        }
        StringBuilder out = new StringBuilder();
        List<String> lines = new ArrayList<>();
        byPage.forEach((page, findings) -> {
            lines.add(page);
            Map<String, List<PageCheck.Finding>> kinds = new LinkedHashMap<>();
            findings.forEach((f, widths) -> kinds.computeIfAbsent(widths + " " + f.kind(), k -> new ArrayList<>())
                    .add(f));
            kinds.forEach((line, samples) -> {
                List<String> shown = new ArrayList<>();
                for (int i = 0; i < samples.size() && i < 8; i++) {
                    shown.add(i < 2 ? samples.get(i).toString() : samples.get(i).sample());
                }
                lines.add("  - " + line + (samples.size() > 1 ? " (" + samples.size() + ")" : "") + ": "
                        + String.join(", ", shown)
                        + (samples.size() > 8 ? ", +" + (samples.size() - 8) + " more" : ""));
            });
        });
        out.append(user)
                .append(": ")
                .append(lines.size() - byPage.size())
                .append(" kinds of findings on ")
                .append(byPage.size())
                .append(" pages (widths in brackets; every occurrence in ")
                .append(FINDINGS)
                .append(")\n");
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    private static synchronized void record(String user, List<Seen> seen) throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (Seen s : seen) {
            tsv.append(String.join(
                            "\t",
                            user,
                            String.valueOf(s.width()),
                            s.page(),
                            s.finding().kind(),
                            s.finding().toString().replaceAll("[\t\n]", " ")))
                    .append('\n');
        }
        Files.writeString(FINDINGS, tsv, StandardOpenOption.APPEND);
    }
}
