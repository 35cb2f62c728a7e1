package org.ruralcredit.system.console;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.SystemFixtures;
import org.ruralcredit.system.TestDatabase;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * The tasks of loan officers, agency clerks and credit administrators in a real browser against
 * the real services, in Chinese: an award check from a CSV file and typed IDs with its CSV
 * download, model monitoring and the objection queue opening without a refusal, a consent found
 * in the gateway's list of the officer's consents and its report opened from there (the request then
 * in the officer's own report requests), a campaign opened from the list, the files of a village
 * announced again and the run followed to its end on a phone's width. Each step
 * leaves a screenshot in target/console-screenshots.
 */
@SharedStack.Uses
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleLenderAdminTasksTest {

    /** 大岚村委会 of 大岚镇: no household of the test data lives there, so a campaign over it rates nothing. */
    private static final String QUIET_VILLAGE = "330281115200";

    /** A head of household filed for these tests. */
    private static String head;

    private static ConsoleStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        stack = ConsoleStack.start();
        head = SystemFixtures.residentId('M');
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "file", SystemFixtures.householdFile(head, SystemFixtures.residentId('F')), "reason", "入户建档"))
                .post(stack.registry.baseUrl() + "/api/v1/households")
                .then()
                .statusCode(201);
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void anAgencyClerkChecksAnUploadedListAndTypedIdsAndDownloadsTheResults() throws Exception {
        String nobody = SystemFixtures.residentId('F');
        String typedNobody = SystemFixtures.residentId('M');
        Path list = Files.createTempFile("candidates-", ".csv");
        Files.writeString(
                list, "\uFEFF序号,姓名,身份证号\r\n1,陈国平," + head + "\r\n2,周丽娟," + nobody + "\r\n", StandardCharsets.UTF_8);
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("gov-clerk")) {
            browser.open("/console/award-checks");
            browser.find("#award-form");
            browser.type("programme", "2026年度文明诚信家庭");
            browser.find("#award-file").sendKeys(list.toAbsolutePath().toString());
            browser.type("ids", typedNobody + "\n12345");
            browser.click("#award-submit");

            String summary = browser.text("#award-summary");
            assertTrue(summary.contains("共 4 户"), "the file's two and the two typed are counted: " + summary);
            String results = browser.text("#award-results");
            assertTrue(
                    results.contains("文件第 2 行")
                            && results.contains("文件第 3 行")
                            && results.contains("输入第 1 行")
                            && results.contains("输入第 2 行"),
                    "each result names where its ID was given: " + results);
            assertTrue(results.contains(ResidentId.mask(nobody)), "IDs are shown masked: " + results);
            assertFalse(results.contains(nobody), "never in full");
            assertTrue(results.contains("平台上没有以此人为户主的农户信用档案"), "why a candidate failed, in Chinese: " + results);
            assertTrue(results.contains("不是 18 位身份证号"), "a typed value that is no ID is named, not sent: " + results);
            assertEquals(
                    4,
                    browser.driver()
                            .findElements(By.cssSelector("#award-results tbody tr"))
                            .size());
            assertFalse(
                    browser.driver().findElement(By.tagName("body")).getText().contains("\"status\""), "no raw JSON");
            browser.screenshot("award-check-results");

            String csv = postFormAsText(browser, "#award-download");
            assertTrue(csv.replace("\uFEFF", "").startsWith("来源,身份证号（部分隐藏）,结论,原因类别"), "a CSV in Chinese: " + csv);
            assertEquals(5, csv.strip().lines().count(), "a header and one line per candidate: " + csv);
            assertTrue(csv.contains("文件第 3 行," + ResidentId.mask(nobody) + ",未通过,平台上没有以此人为户主的农户信用档案"), csv);

            browser.driver().manage().window().setSize(new Dimension(390, 844));
            assertNoWiderThanTheWindow(browser, "award results at 390 px");
            browser.screenshot("award-check-results-390");
        }
    }

    @Test
    @Order(2)
    void theAdministratorOpensModelMonitoringWithDateFields() throws Exception {
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("credit-admin")) {
            browser.open("/console/monitoring");
            WebElement to = browser.find("#monitoring-to");
            assertEquals("date", to.getAttribute("type"));
            assertEquals(
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                    to.getAttribute("value"),
                    "the period ends today in China");
            LocalDate baselineTo =
                    LocalDate.parse(browser.find("#monitoring-baselineTo").getAttribute("value"));
            LocalDate from = LocalDate.parse(browser.find("#monitoring-from").getAttribute("value"));
            assertTrue(baselineTo.isBefore(from), "the baseline comes before the period");
            String body = browser.text("main");
            assertFalse(body.contains("baselineFrom") || body.contains("必填"), "no refusal for a missing date: " + body);
            assertFalse(browser.present("#problem"), "no refusal: " + body);
            if (browser.present("#monitoring-figures")) {
                assertTrue(browser.text("#monitoring-figures").contains("PSI"), "labelled figures");
            } else {
                // the test data has no loans with outcomes: the console says so in Chinese, with the counts
                String notice = browser.text("#monitoring-insufficient");
                assertTrue(notice.contains("监测期") && !notice.matches("(?s).*[A-Za-z].*"), "in Chinese only: " + notice);
            }
            browser.screenshot("admin-monitoring");
        }
    }

    @Test
    @Order(3)
    void theAdministratorAnswersAnObjectionFromTheQueueAfterConfirming() throws Exception {
        String text = "评级未计入我户新增的养殖收入 " + System.nanoTime();
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "OBJECTION",
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        head,
                        "section",
                        "rating",
                        "text",
                        text))
                .post(stack.gateway.baseUrl() + "/api/v1/objections")
                .then()
                .statusCode(201);
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("credit-admin")) {
            browser.open("/console/objections");
            browser.find("#objection-service-select");
            String body = browser.text("main");
            assertFalse(body.contains("must be one of") || body.contains("service"), "no English refusal: " + body);
            assertFalse(browser.present("#problem"), "no refusal at all: " + body);
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#objection-queue tbody tr"));
            assertFalse(rows.isEmpty(), "the rating service's queue holds the new objection");
            for (WebElement row : rows) {
                assertFalse(row.getAttribute("data-id").isBlank(), "no blank rows");
                assertFalse(
                        row.findElements(By.tagName("td")).get(3).getText().isBlank(),
                        "each row has its objection's text");
            }
            WebElement mine = rows.stream()
                    .filter(r -> r.getText().contains(text))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the objection is listed: " + body));
            String id = mine.getAttribute("data-id");
            assertTrue(mine.getText().contains("信用评级"), "the section by its name: " + mine.getText());
            browser.screenshot("admin-objection-queue");

            mine.findElement(By.name("answer")).sendKeys("已核实，重新评级时计入");
            mine.findElement(By.cssSelector("button")).click();
            browser.find("#answer-confirm");
            assertTrue(browser.text("#objection-facts").contains(text), "the confirmation shows what is answered");
            assertTrue(
                    browser.present("tr[data-id='" + id + "']") == false,
                    "nothing is answered yet: a confirmation page");
            browser.screenshot("admin-objection-confirm");
            browser.click("#answer-confirm-submit");
            assertTrue(browser.text("#notice").contains("已答复"));
            assertFalse(browser.present("tr[data-id='" + id + "']"), "the answered objection left the queue");
        }
    }

    @Test
    @Order(4)
    void aLoanOfficerFindsTheRecordedConsentInTheRecentListAndOpensTheReportFromIt() throws Exception {
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("loan-officer")) {
            browser.open("/console/consents/new");
            browser.find("#consent-form");
            assertEquals(
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                    browser.find("input[name='signedOn']").getAttribute("value"),
                    "signed today, China's date");
            browser.type("subjectId", head);
            browser.choose("purpose", "LOAN_APPLICATION");
            Path letter = Files.createTempFile("consent-letter-", ".pdf");
            Files.writeString(letter, "%PDF-1.4 授权书 " + head + " " + System.nanoTime());
            browser.find("#letter").sendKeys(letter.toAbsolutePath().toString());
            browser.click("#record-consent");
            String consent = browser.text("#consent-id");

            browser.open("/console/reports");
            WebElement row = browser.find("#recent-consents tr[data-id='" + consent + "']");
            assertTrue(
                    row.getText().contains(ResidentId.mask(head))
                            && row.getText().contains("贷款审批"),
                    "the consent is listed with its subject masked and its purpose: " + row.getText());
            browser.screenshot("lender-recent-consents");
            row.findElement(By.cssSelector("button.open-report")).click();

            browser.await().until(ExpectedConditions.titleContains("农户信用报告"));
            browser.find("#report");
            for (String section :
                    List.of("identity", "household", "rating", "morality", "loans", "objections", "queries")) {
                assertTrue(browser.present("#section-" + section), "the report has its " + section + " section");
            }
            String report = browser.text("#report");
            assertTrue(report.contains(consent), "the report names its consent");
            assertTrue(report.contains(ResidentId.mask(head)), "the head masked");
            assertFalse(report.contains(head), "never the full ID");
            assertTrue(report.contains("临山镇"), "the township by its name: " + report);
            assertFalse(report.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}:.*"), "no ISO instants");
            assertFalse(report.contains("PROVISIONAL") || report.contains("LOAN_APPLICATION"), "no raw codes");
            browser.screenshot("lender-household-report");

            browser.open("/console/reports");
            WebElement used = browser.find("#recent-consents tr[data-id='" + consent + "']");
            assertTrue(used.getText().contains("已使用"), "a loan application's consent is used once: " + used.getText());
            WebElement request = browser.find("#recent-reports tbody tr");
            assertTrue(
                    request.getText().contains(ResidentId.mask(head))
                            && request.getText().contains("已通过")
                            && request.getText().contains(consent),
                    "the newest own request is this one: " + request.getText());
            assertFalse(
                    browser.text("#recent-consents").matches("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}:.*")
                            || browser.text("#recent-reports").matches("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}:.*"),
                    "times as China's local time, no ISO instants");

            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.open("/console/reports");
            browser.find("#recent-consents");
            assertNoWiderThanTheWindow(browser, "recent consents at 390 px");
        }
    }

    @Test
    @Order(5)
    void theAdministratorStartsACampaignAndOpensItFromTheList() throws Exception {
        // a campaign stays open for its posting window: the previous run's is taken away first
        TestDatabase.RATING.execute("DELETE FROM campaign WHERE division_code = '" + QUIET_VILLAGE + "'");
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("credit-admin")) {
            browser.open("/console/campaigns");
            browser.find("#campaign-start");
            String option = browser.find("#campaign-start-division option[value='" + QUIET_VILLAGE + "']")
                    .getText();
            assertTrue(option.contains("大岚村"), "divisions are offered by their names: " + option);
            browser.choose("division", QUIET_VILLAGE);
            browser.type("postingDays", "1");
            browser.click("#campaign-start-submit");
            browser.find("#campaign-progress");
            String id = browser.url().replaceAll(".*/console/campaigns/([0-9a-f-]{36}).*", "$1");

            browser.open("/console/campaigns");
            WebElement row = browser.find("#recent-campaigns tr[data-id='" + id + "']");
            assertTrue(row.getText().contains("大岚镇 大岚村委会"), "the campaign's division by its name: " + row.getText());
            browser.screenshot("admin-recent-campaigns");
            row.findElement(By.cssSelector("a.open-campaign")).click();
            String status = browser.text("#campaign-status");
            assertTrue(List.of("评级中", "公示中").contains(status), "the status by its label: " + status);
            assertTrue(browser.text("#campaign-facts").contains("大岚镇 大岚村委会"));
            browser.await().until(ExpectedConditions.textToBe(By.id("campaign-status"), "公示中"));
            browser.screenshot("admin-campaign-progress");
        } finally {
            TestDatabase.RATING.execute("DELETE FROM campaign WHERE division_code = '" + QUIET_VILLAGE + "'");
        }
    }

    @Test
    @Order(6)
    void theAdministratorAnnouncesAVillagesFilesAgainAndFollowsTheRunOnAPhone() throws Exception {
        String village = "330281100202"; // 临山村, where this class filed its household
        long files =
                TestDatabase.REGISTRY.count("SELECT count(*) FROM household WHERE village_code = '" + village + "'");
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("credit-admin")) {
            browser.viewport(390, 844, true);
            browser.open("/console");
            browser.find("a[href='/console/announcements']");
            browser.open("/console/announcements");
            assertTrue(browser.text("main").contains("档案本身不变"), "the page says what a run does, in Chinese");
            browser.choose("division", village);
            browser.click("#announce-start-submit");
            browser.find("#announce-progress");
            assertEquals("重新发布已开始。", browser.text("#notice"));
            browser.await().until(ExpectedConditions.textToBe(By.id("announce-status"), "已完成"));
            String facts = browser.text("#announce-facts");
            assertTrue(facts.contains("临山镇 临山村委会"), "the division by its name: " + facts);
            assertTrue(facts.contains(files + " / " + files), "every file of the village announced: " + facts);
            assertEquals("100%", browser.text("#announce-percent"));
            assertNoWiderThanTheWindow(browser, "the run's progress on a phone");
            browser.screenshot("admin-announcement-phone");
        }
    }

    /** A post form's answer as the signed-in user gets it (same cookies, the form's own fields and token). */
    private static String postFormAsText(ConsoleBrowser browser, String formCss) {
        Object text = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; const f = document.querySelector(arguments[0]);"
                                + "fetch(f.action, {method: 'POST', credentials: 'same-origin', body: new URLSearchParams(new FormData(f))})"
                                + ".then(r => r.ok ? r.text() : 'HTTP ' + r.status).then(done).catch(e => done('ERROR ' + e));",
                        formCss);
        return String.valueOf(text);
    }

    private static void assertNoWiderThanTheWindow(ConsoleBrowser browser, String what) {
        Object widths = ((JavascriptExecutor) browser.driver())
                .executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
        List<?> w = (List<?>) widths;
        long scroll = ((Number) w.get(0)).longValue();
        long inner = ((Number) w.get(1)).longValue();
        assertTrue(scroll <= inner, what + ": the page is " + scroll + " px wide in a " + inner + " px window");
    }
}
