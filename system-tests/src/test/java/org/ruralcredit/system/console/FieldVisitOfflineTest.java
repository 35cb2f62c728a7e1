package org.ruralcredit.system.console;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.SystemFixtures;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * The field app (入户采集) as an official uses it on a household visit, in a real browser against the
 * real platform: the village taken along, the signal gone (the browser offline and the console
 * stopped), the app reloaded from its service worker, three households, a correction and a deed
 * captured (one ID refused on the device), the signal back and everything sent once; the same queue
 * sent again files nothing twice; a correction made on a stale version shows the conflict; signing
 * out wipes the device. Screenshots: target/console-screenshots/*-field-*.png.
 */
@SharedStack.Uses
class FieldVisitOfflineTest {

    private static final String VILLAGE = "330281100202";
    private static final String OFFICIAL = "official-linshan";

    private static ConsoleStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        stack = ConsoleStack.start();
    }

    @AfterEach
    void bringTheConsoleBack() throws Exception {
        if (!stack.console.isAlive()) {
            stack.console.start();
        }
    }

    @Test
    void anOfficialWorksAVillageWithoutSignalAndEverythingArrivesOnce() throws Exception {
        String onFileHead = SystemFixtures.residentId('M');
        String toCorrect = fileHousehold(onFileHead);
        String conflictHead = SystemFixtures.residentId('M');
        String toConflict = fileHousehold(conflictHead);
        String refusedName = name("孙");
        String[] heads = {SystemFixtures.residentId('M'), SystemFixtures.residentId('M'), SystemFixtures.residentId('F')
        };
        String[] names = {name("王"), name("李"), name("赵")};

        try (ConsoleBrowser app = new ConsoleBrowser(stack.console.baseUrl()).signIn(OFFICIAL)) {
            app.open("/console/field/app");
            app.find("body[data-state='ready']");
            app.await().until(d -> Boolean.TRUE.equals(app.script("return !!navigator.serviceWorker.controller;")));
            assertEquals("在线", app.text("#net"));

            // the villages to take along: the official's township's, by name
            app.click("li[data-village='" + VILLAGE + "'] input.take");
            app.click("#take-villages");
            app.awaitText("li[data-village='" + VILLAGE + "'] .state", "已下载");
            app.screenshot("field-village-taken");

            // the signal goes: the browser has no network and the console does not answer
            app.network(true, 0, 0);
            stack.console.close();
            app.driver().navigate().refresh();
            app.find("body[data-state='ready']");
            assertEquals("offline", app.find("#net").getAttribute("data-state"), "the app knows it is offline");
            app.screenshot("field-offline-shell");

            app.click("button.open[data-village='" + VILLAGE + "']");
            String row = listed(app, toCorrect, onFileHead);
            assertTrue(app.text(row).contains("陈**"), "the head's name masked: " + app.text(row));
            assertFalse(app.text(row).matches("(?s).*\\d{17}[\\dX].*"), "no full resident ID on the device's list");

            // a household whose head's ID has a wrong check digit is refused on the device, nothing queued
            app.click("#new-household");
            fillHousehold(app, names[0], wrongCheckDigit(heads[0]));
            save(app);
            app.awaitText(".error[data-for='members[0].residentId']", "校验码");
            assertEquals("", app.text("#queue-count"), "nothing queued");
            app.screenshot("field-refused-on-device");
            app.type("members[0].residentId", heads[0]);
            save(app);
            app.find("[data-view='village']");
            for (int i = 1; i < 3; i++) {
                app.click("#new-household");
                fillHousehold(app, names[i], heads[i]);
                save(app);
                app.find("[data-view='village']");
            }
            // a head already on file in another household: only the registry can know, it will refuse
            app.click("#new-household");
            fillHousehold(app, refusedName, onFileHead);
            save(app);
            app.find("[data-view='village']");

            // a correction of the production facts and a deed, both of the household on file
            correctMainBusiness(app, listed(app, toCorrect, onFileHead), "BREEDING");
            app.click(listed(app, toCorrect, onFileHead) + " button.deed");
            app.choose("ruleCode", firstRuleCode(app));
            app.type("description", "帮助邻居抢收晚稻");
            save(app);
            app.find("[data-view='village']");

            // meanwhile a colleague corrects the other household in the office: its base is stale now
            correctMainBusiness(app, listed(app, toConflict, conflictHead), "TRADE");
            correctOnline(toConflict, "SERVICES");
            assertEquals("7", app.text("#queue-count"));
            app.click("#go-queue");
            awaitItems(app, "pending", 7);
            app.screenshot("field-queue-offline");

            // the signal is back: the queue goes out once, in order
            stack.console.start();
            app.network(false, 0, 0);
            app.click("#sync-now");
            app.await(Duration.ofSeconds(90))
                    .until(d -> d.findElements(By.cssSelector("li.item[data-state='pending']"))
                                    .isEmpty()
                            && "idle".equals(app.find("body").getAttribute("data-sync")));
            app.screenshot("field-queue-synced");
            assertEquals(
                    5,
                    app.driver()
                            .findElements(By.cssSelector("li.item[data-state='synced']"))
                            .size(),
                    "three files, a correction and a deed");
            assertEquals(
                    1,
                    app.driver()
                            .findElements(By.cssSelector("li.item[data-state='conflict']"))
                            .size());
            assertEquals(
                    1,
                    app.driver()
                            .findElements(By.cssSelector("li.item[data-state='refused']"))
                            .size());
            assertEquals(0, householdsNamed(refusedName));
            for (String name : names) {
                assertEquals(1, householdsNamed(name), name + " is on file once");
            }
            assertEquals("BREEDING", mainBusiness(toCorrect));
            assertEquals(1, proposalsFor(toCorrect));

            // the answers were lost: the same queue is sent again, under the same keys, and nothing is filed twice
            Object reset = app.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/console/field/assets/store.js').then(async (store) => {
                      let n = 0;
                      for (const item of await store.queue()) {
                        if (item.state === 'synced') { item.state = 'pending'; await store.update(item); n++; }
                      }
                      done(n);
                    }).catch((e) => done('failed ' + e));""");
            assertEquals(5L, reset);
            app.click("#go-queue");
            awaitItems(app, "pending", 5);
            app.click("#sync-now");
            app.await(Duration.ofSeconds(90))
                    .until(d -> d.findElements(By.cssSelector("li.item[data-state='pending']"))
                                    .isEmpty()
                            && "idle".equals(app.find("body").getAttribute("data-sync")));
            for (String name : names) {
                assertEquals(1, householdsNamed(name), name + " is still on file once");
            }
            assertEquals(1, proposalsFor(toCorrect), "the deed was proposed once");
            assertEquals(2, revisions(toCorrect), "the correction was made once");

            // the stale correction: both values side by side, the official keeps theirs (mine)
            app.click("li.item[data-state='conflict'] button.resolve");
            app.find("table.conflict");
            String conflict = app.text("table.conflict");
            assertTrue(conflict.contains("商贸") || conflict.contains("贸易"), "the official's value: " + conflict);
            assertTrue(conflict.contains("服务"), "the colleague's value: " + conflict);
            app.screenshot("field-conflict");
            app.click("#resend");
            app.await(Duration.ofMinutes(1))
                    .until(d -> d.findElements(By.cssSelector("[data-view='queue'] li.item[data-state='synced']"))
                                    .size()
                            == 6);
            assertEquals("TRADE", mainBusiness(toConflict));

            // the refused file: the registry's reason beside the field, the ID mended, sent again under its key
            app.click("li.item[data-state='refused'] button.mend");
            app.find("#household-form");
            String reason = app.text(".error[data-for='members[0].residentId']");
            assertFalse(reason.isBlank(), "the registry's reason stands beside the resident ID");
            app.screenshot("field-refused-by-registry");
            app.type("members[0].residentId", SystemFixtures.residentId('M'));
            save(app);
            app.find("[data-view='village']");
            app.click("#go-queue");
            app.await(Duration.ofMinutes(1))
                    .until(d -> d.findElements(By.cssSelector("[data-view='queue'] li.item[data-state='synced']"))
                                    .size()
                            == 7);
            assertEquals(1, householdsNamed(refusedName));

            // what the device keeps is sealed: the raw records are ciphertext under a key that cannot be read out
            Object sealed = app.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    const open = indexedDB.open('field-app');
                    open.onsuccess = () => {
                      const tx = open.result.transaction(['meta', 'sealed'], 'readonly');
                      const key = tx.objectStore('meta').get('key');
                      const all = tx.objectStore('sealed').getAll();
                      tx.oncomplete = () => {
                        const text = all.result.map((r) => new TextDecoder().decode(r.data)).join('');
                        done({ extractable: key.result.extractable, algorithm: key.result.algorithm.name,
                               records: all.result.length, plainName: text.includes('临山村') || text.includes('陈') });
                      };
                    };
                    open.onerror = () => done('failed');""");
            @SuppressWarnings("unchecked")
            Map<String, Object> device = (Map<String, Object>) sealed;
            assertEquals(false, device.get("extractable"));
            assertEquals("AES-GCM", device.get("algorithm"));
            assertTrue(((Number) device.get("records")).intValue() > 0);
            assertEquals(false, device.get("plainName"), "no name readable in the stored records");

            // signing out wipes the device: database, cached shell, service worker
            app.click("#logout");
            app.await().until(d -> !d.getCurrentUrl().contains("/console/field/app"));
            assertDeviceWiped(app);
        }
    }

    @Test
    void aSignInThatExpiredLosesNothingAndTheConsolesOwnSignOutWipesTheDevice() throws Exception {
        String head = SystemFixtures.residentId('M');
        String household = fileHousehold(head);
        try (ConsoleBrowser app = new ConsoleBrowser(stack.console.baseUrl()).signIn(OFFICIAL)) {
            app.open("/console/field/app");
            app.find("body[data-state='ready']");
            app.click("li[data-village='" + VILLAGE + "'] input.take");
            app.click("#take-villages");
            app.awaitText("li[data-village='" + VILLAGE + "'] .state", "已下载");

            // a deed captured without signal, then the console's session is gone (its cookies, as when it expires)
            app.network(true, 0, 0);
            app.click("button.open[data-village='" + VILLAGE + "']");
            app.click(listed(app, household, head) + " button.deed");
            app.choose("ruleCode", firstRuleCode(app));
            app.type("description", "调解邻里纠纷");
            save(app);
            app.find("[data-view='village']");
            app.driver().manage().deleteAllCookies();
            app.network(false, 0, 0);
            app.awaitText("#banner", "登录已过期");
            assertEquals("signed-out", app.find("#net").getAttribute("data-state"));
            assertEquals("1", app.text("#queue-count"), "the deed is still queued");
            assertEquals(0, proposalsFor(household));
            app.screenshot("field-signed-out");

            // signing in again from the app's link (Keycloak's own session still holds: no password asked) brings
            // the person back to the app, and the queue goes out
            app.click("#sign-in");
            app.find("body[data-state='ready']");
            assertTrue(app.url().endsWith("/console/field/app"), app.url());
            app.await(Duration.ofMinutes(1)).until(d -> "".equals(app.text("#queue-count")));
            assertEquals(1, proposalsFor(household));

            // the console's own sign-out (its header's link) wipes the device too (Clear-Site-Data)
            app.open("/console");
            app.click("a[href='/console/logout']");
            app.await().until(d -> !d.getCurrentUrl().startsWith(stack.console.baseUrl() + "/console"));
            assertDeviceWiped(app);
        }
    }

    /** Waits until the queue shows {@code count} items in {@code state} (the queue's screen is drawn after the store is read). */
    private static void awaitItems(ConsoleBrowser app, String state, int count) {
        app.await()
                .until(d -> d.findElements(By.cssSelector("[data-view='queue'] li.item[data-state='" + state + "']"))
                                .size()
                        == count);
    }

    /** What the app kept on the device, read through the browser's storage APIs: nothing. */
    private static void assertDeviceWiped(ConsoleBrowser app) {
        app.open("/console/field/assets/icon.svg");
        Object left = app.asyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => ({
                  databases: (await indexedDB.databases()).map((d) => d.name),
                  caches: await caches.keys(),
                  workers: (await navigator.serviceWorker.getRegistrations()).length,
                }))().then(done, (e) => done('failed ' + e));""");
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) left;
        assertEquals(List.of(), after.get("databases"));
        assertEquals(List.of(), after.get("caches"));
        assertEquals(0L, after.get("workers"));
    }

    /** The form as a person fills it on a visit: the basic facts, the head, the production; the other parts left out. */
    private static void fillHousehold(ConsoleBrowser app, String name, String residentId) {
        app.find("#household-form");
        app.type("address", "临山镇临山村 12 号");
        app.type("yearsResident", "30");
        app.type("members[0].name", name);
        app.choose("members[0].relation", "HEAD");
        app.type("members[0].residentId", residentId);
        app.choose("production.mainBusiness", "PLANTING");
        app.type("production.yearsExperience", "12");
        for (String section : List.of("land", "assets", "income", "liabilities", "social")) {
            app.script(
                    "const box = document.querySelector(`fieldset[data-section='${arguments[0]}'] .include-section`);"
                            + "if (box.checked) { box.click(); }",
                    section);
        }
    }

    /** Saves the form on the device: the app stays on its page (ConsoleBrowser.click waits for a new one after a submit). */
    private static void save(ConsoleBrowser app) {
        app.await()
                .until(ExpectedConditions.elementToBeClickable(By.id("save")))
                .click();
    }

    /**
     * The household's row in the village's list, found as a person finds it in a long list: by what its
     * masked entry still shows, the ID's last four characters.
     */
    private static String listed(ConsoleBrowser app, String household, String head) {
        app.find("#filter");
        app.script(
                "const f = document.getElementById('filter'); f.value = arguments[0];"
                        + "f.dispatchEvent(new Event('change', { bubbles: true }));",
                head.substring(14));
        String row = "tr[data-household='" + household + "']";
        app.find(row);
        return row;
    }

    private static void correctMainBusiness(ConsoleBrowser app, String row, String business) {
        app.click(row + " button.correct");
        app.find("#household-form");
        app.click("fieldset[data-section='production'] .include-section");
        app.choose("production.mainBusiness", business);
        app.type("production.yearsExperience", "16");
        save(app);
        app.find("[data-view='village']");
    }

    private static String firstRuleCode(ConsoleBrowser app) {
        return app.find("#ruleCode option:not([value=''])").getAttribute("value");
    }

    private static String wrongCheckDigit(String id) {
        char last = id.charAt(17);
        return id.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    /** A name of its own for each run (the test database may hold earlier runs' households). */
    private static String name(String family) {
        String given = "建设春生秀英国平明华丽芳军强志刚桂兰玉梅海燕";
        var random = ThreadLocalRandom.current();
        return family
                + given.charAt(random.nextInt(given.length()))
                + given.charAt(random.nextInt(given.length()))
                + given.charAt(random.nextInt(given.length()));
    }

    private String fileHousehold(String head) {
        Map<String, Object> file = SystemFixtures.householdFile(head, SystemFixtures.residentId('F'));
        return given().header("Authorization", bearer(OFFICIAL))
                .contentType(ContentType.JSON)
                .body(Map.of("file", file, "reason", "入户建档"))
                .post(stack.registry.baseUrl() + "/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void correctOnline(String id, String business) {
        Map<String, Object> current = given().header("Authorization", bearer(OFFICIAL))
                .get(stack.registry.baseUrl() + "/api/v1/households/" + id)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        Map<String, Object> file =
                SystemFixtures.householdFile(SystemFixtures.residentId('M'), SystemFixtures.residentId('F'));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) current.get("members");
        file.put(
                "members",
                members.stream()
                        .map(m -> Map.of(
                                "name",
                                m.get("name"),
                                "relation",
                                m.get("relation"),
                                "residentId",
                                m.get("residentId")))
                        .toList());
        Map<String, Object> production = new HashMap<>(asMap(file.get("production")));
        production.put("mainBusiness", business);
        file.put("production", production);
        given().header("Authorization", bearer(OFFICIAL))
                .contentType(ContentType.JSON)
                .body(Map.of("file", file, "reason", "办公室更正", "expectedVersion", current.get("version")))
                .put(stack.registry.baseUrl() + "/api/v1/households/" + id)
                .then()
                .statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private int householdsNamed(String name) {
        return given().header("Authorization", bearer(OFFICIAL))
                .queryParam("division", VILLAGE)
                .queryParam("q", name)
                .get(stack.registry.baseUrl() + "/api/v1/households")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }

    private String mainBusiness(String id) {
        return given().header("Authorization", bearer(OFFICIAL))
                .get(stack.registry.baseUrl() + "/api/v1/households/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("facts.production.mainBusiness");
    }

    private int revisions(String id) {
        return given().header("Authorization", bearer(OFFICIAL))
                .get(stack.registry.baseUrl() + "/api/v1/households/" + id + "/revisions")
                .then()
                .statusCode(200)
                .extract()
                .path("size()");
    }

    private int proposalsFor(String household) {
        List<String> ids = given().header("Authorization", bearer(OFFICIAL))
                .get(stack.morality.baseUrl() + "/api/v1/proposals")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.householdId == '" + household + "' }.id");
        return ids.size();
    }
}
