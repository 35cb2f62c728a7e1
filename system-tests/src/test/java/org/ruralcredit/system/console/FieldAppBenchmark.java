package org.ruralcredit.system.console;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.ruralcredit.commons.identity.ResidentId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The field app's figures (bench/scenarios/field.sh), against the platform `./stack up` runs, with
 * its demo data: the app's shell and the first village of about 1,000 households over a throttled
 * 400 kbit/s link (both ways, 100 ms round trip) — bytes on the wire as the browser counts them
 * (resource timing's transferSize: compressed bodies and headers) and the time until the app is
 * usable and the village is on the device; then 100 households captured offline and sent when the
 * signal is back, unthrottled, timed from the send until the last is filed. Prints BENCH lines.
 */
@EnabledIfSystemProperty(named = "bench.field", matches = "true")
class FieldAppBenchmark {

    private static final String CONSOLE = System.getProperty("bench.console", "http://127.0.0.1:8085");
    /** A village of 临山镇 with about a thousand households in the demo data. */
    private static final String VILLAGE = System.getProperty("bench.village", "330281100207");

    private static final int HOUSEHOLDS = Integer.getInteger("bench.sync", 100);
    /** Where the synced households are filed (they accumulate there, run after run). */
    private static final String SYNC_VILLAGE = System.getProperty("bench.sync-village", "330281100201");

    @Test
    void shellBundleAndSync() throws Exception {
        try (ConsoleBrowser app = new ConsoleBrowser(CONSOLE).signIn("official-linshan")) {
            app.network(false, 400, 100);
            app.open("/console/field/app");
            app.await(Duration.ofMinutes(2)).until(d -> app.present("body[data-state='ready']"));
            @SuppressWarnings("unchecked")
            Map<String, Object> shell = (Map<String, Object>) app.script("""
                    const nav = performance.getEntriesByType('navigation')[0];
                    const files = performance.getEntriesByType('resource').filter((r) => !r.name.includes('/console/field/api/'));
                    return { usable: performance.getEntriesByName('field-ready')[0].startTime,
                             bytes: nav.transferSize + files.reduce((n, r) => n + r.transferSize, 0),
                             files: files.length + 1 };""");
            System.out.printf(
                    "BENCH field shell: %d bytes in %d files, usable after %.2f s at 400 kbit/s%n",
                    ((Number) shell.get("bytes")).longValue(),
                    ((Number) shell.get("files")).longValue(),
                    ((Number) shell.get("usable")).doubleValue() / 1000);

            app.script("performance.clearResourceTimings();");
            double started = ((Number) app.script("return performance.now();")).doubleValue();
            app.click("li[data-village='" + VILLAGE + "'] input.take");
            app.click("#take-villages");
            app.await(Duration.ofMinutes(2))
                    .until(d -> app.text("li[data-village='" + VILLAGE + "'] .state")
                            .contains("已下载"));
            @SuppressWarnings("unchecked")
            Map<String, Object> bundle = (Map<String, Object>) app.script("""
                    const pages = performance.getEntriesByType('resource').filter((r) => r.name.includes('/households?'));
                    const all = performance.getEntriesByType('resource').filter((r) => r.name.includes('/console/field/api/'));
                    return { bytes: pages.reduce((n, r) => n + r.transferSize, 0), pages: pages.length,
                             apiBytes: all.reduce((n, r) => n + r.transferSize, 0), done: performance.now() };""");
            String count = app.text("li[data-village='" + VILLAGE + "'] .state");
            System.out.printf(
                    "BENCH field bundle: %d bytes in %d pages (%s), all API answers %d bytes, on the device %.2f s after the tap, %.2f s after the app opened%n",
                    ((Number) bundle.get("bytes")).longValue(),
                    ((Number) bundle.get("pages")).longValue(),
                    count,
                    ((Number) bundle.get("apiBytes")).longValue(),
                    (((Number) bundle.get("done")).doubleValue() - started) / 1000,
                    ((Number) bundle.get("done")).doubleValue() / 1000);

            // 100 households captured without signal (not timed) in another village, so that the measured
            // one keeps its size from run to run, then sent on this machine's own link
            app.network(false, 0, 0);
            app.click("li[data-village='" + SYNC_VILLAGE + "'] input.take");
            app.click("#take-villages");
            app.await(Duration.ofMinutes(2))
                    .until(d -> app.text("li[data-village='" + SYNC_VILLAGE + "'] .state")
                            .contains("已下载"));
            app.network(true, 0, 0);
            app.click("button.open[data-village='" + SYNC_VILLAGE + "']");
            for (int i = 0; i < HOUSEHOLDS; i++) {
                app.click("#new-household");
                app.find("#household-form");
                app.script(FILL, "临山镇林家村 " + (i + 1) + " 号", name(), residentId(i));
                save(app);
                app.find("[data-view='village']");
            }
            app.click("#go-queue");
            app.await()
                    .until(d -> d.findElements(By.cssSelector("[data-view='queue'] li.item[data-state='pending']"))
                                    .size()
                            == HOUSEHOLDS);
            app.network(false, 0, 0);
            long t0 = System.nanoTime();
            app.click("#sync-now");
            app.await(Duration.ofMinutes(5))
                    .until(d -> d.findElements(By.cssSelector("li.item[data-state='pending']"))
                                    .isEmpty()
                            && "idle".equals(app.find("body").getAttribute("data-sync")));
            double seconds = (System.nanoTime() - t0) / 1e9;
            int synced = app.driver()
                    .findElements(By.cssSelector("li.item[data-state='synced']"))
                    .size();
            System.out.printf("BENCH field sync: %d of %d households filed in %.1f s%n", synced, HOUSEHOLDS, seconds);
            assertEquals(HOUSEHOLDS, synced, "every household was filed: " + app.text("ul.queue"));
        }
    }

    /** Saves the form on the device: the app stays on its page (ConsoleBrowser.click waits for a new one after a submit). */
    private static void save(ConsoleBrowser app) {
        app.await()
                .until(ExpectedConditions.elementToBeClickable(By.id("save")))
                .click();
    }

    /** The minimal visit: address, years, the head, the production; the other parts left out. */
    private static final String FILL = """
            const set = (name, value) => {
              const c = document.querySelector(`[name="${name}"]`);
              c.value = value;
              c.dispatchEvent(new Event('change', { bubbles: true }));
            };
            set('address', arguments[0]);
            set('yearsResident', '20');
            set('members[0].name', arguments[1]);
            set('members[0].relation', 'HEAD');
            set('members[0].residentId', arguments[2]);
            set('production.mainBusiness', 'PLANTING');
            set('production.yearsExperience', '8');
            for (const s of ['land', 'assets', 'income', 'liabilities', 'social']) {
              const box = document.querySelector(`fieldset[data-section='${s}'] .include-section`);
              if (box.checked) { box.click(); }
            }""";

    /**
     * A valid resident ID of its own for each household of a run: an address code the demo data does
     * not use, birth dates a day apart from a start of this run's own, a random sequence.
     */
    private static String residentId(int i) {
        LocalDate birth = FIRST_BIRTH.plusDays(i);
        String first17 = "330299" + birth.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + ResidentId.checkCharacter(first17);
    }

    private static final LocalDate FIRST_BIRTH =
            LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(40 * 365));

    private static String name() {
        List<String> family = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴");
        String given = "建设春生秀英国平明华丽芳军强志刚桂兰玉梅海燕";
        var random = ThreadLocalRandom.current();
        return family.get(random.nextInt(family.size()))
                + given.charAt(random.nextInt(given.length()))
                + given.charAt(random.nextInt(given.length()));
    }
}
