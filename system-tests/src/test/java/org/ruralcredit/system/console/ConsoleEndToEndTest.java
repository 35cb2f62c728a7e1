package org.ruralcredit.system.console;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.SystemFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in a real browser against the real services: people sign in on Keycloak's
 * page, work through the pages as they would, and see the platform's answers, refusals included.
 * Each step leaves a screenshot in target/console-screenshots.
 */
@SharedStack.Uses
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleEndToEndTest {

    private static final String VILLAGE = "330281100202";

    /** The household the official files in the first step; later steps work with it. */
    private static String head;

    private static String householdId;

    private static ConsoleStack stack;

    @BeforeAll
    static void startServices() throws Exception {
        stack = ConsoleStack.start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void anOfficialIsToldWhatIsWrongWithAFileThenFilesIt() throws Exception {
        head = SystemFixtures.residentId('M');
        String spouse = SystemFixtures.residentId('F');
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("official-linshan")) {
            browser.screenshot("official-workbench");
            browser.open("/console/households/new");
            browser.find("#household-form");
            fillHousehold(browser, wrongCheckDigit(head), spouse);
            browser.click("#save");

            String message = browser.text(".error[data-field='members[0].residentId']");
            assertTrue(message.contains("校验码错误"), "the refusal is shown next to the field, in Chinese: " + message);
            assertEquals(
                    wrongCheckDigit(head),
                    browser.find("input[name='members[0].residentId']").getAttribute("value"),
                    "what the official typed is still there to correct");
            browser.screenshot("household-refused-wrong-id");

            browser.type("members[0].residentId", head);
            browser.click("#save");
            browser.find("#created");
            householdId = browser.url().replaceAll(".*/console/households/([0-9a-f-]{36}).*", "$1");
            assertTrue(browser.text("#members").contains("张建国"));
            assertTrue(browser.text("#revisions").contains("1"), "the first revision is listed");
            browser.screenshot("household-filed");
        }
    }

    @Test
    @Order(2)
    void anOfficialImportsAFileWithBadRowsAndDownloadsTheErrorReport() throws Exception {
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("official-linshan")) {
            browser.open("/console/imports");
            browser.find("#import-form");
            String template = browser.fetchText("/console/imports/template.csv");
            List<String> headers = List.of(template.lines()
                    .findFirst()
                    .orElseThrow()
                    .replace("\uFEFF", "")
                    .split(","));
            assertTrue(headers.contains("户主身份证号"), "the template is the registry's: " + headers);

            String bad = wrongCheckDigit(SystemFixtures.residentId('F'));
            List<Map<String, String>> rows = List.of(
                    headRow(SystemFixtures.residentId('M'), "王立新"),
                    headRow(bad, "赵海燕"),
                    headRow(SystemFixtures.residentId('M'), "孙志强"));
            Path file = Files.createTempFile("households-", ".csv");
            Files.writeString(file, csv(headers, rows), StandardCharsets.UTF_8);

            browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
            browser.click("#upload");
            browser.find("#job-progress");
            browser.screenshot("import-in-progress");
            browser.await(Duration.ofSeconds(90))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("job-summary")));
            assertEquals("2", browser.text("#created-count"), "the two good households are filed");
            assertEquals("1", browser.text("#bad-rows"), "the bad row is counted");
            assertTrue(browser.text("#row-errors").contains("校验码错误"), "the bad row's reason is shown in Chinese");
            browser.screenshot("import-done-with-bad-row");

            String report = browser.fetchText(browser.find("#error-report").getAttribute("href"));
            assertTrue(report.contains("行号"), "the report has the template's headers: " + report);
            assertTrue(report.lines().anyMatch(l -> l.startsWith("3,")), "line 3 of the file is reported: " + report);
        }
    }

    @Test
    @Order(3)
    void aClerkProposesADeedAndTheOfficialApprovesIt() throws Exception {
        String proposal;
        try (ConsoleBrowser clerk = new ConsoleBrowser(stack.console.baseUrl()).signIn("clerk-linshan")) {
            proposal = proposeWhenKnown(clerk);
            assertTrue(clerk.present("#proposed"));
            clerk.screenshot("clerk-proposed-deed");
        }
        try (ConsoleBrowser official = new ConsoleBrowser(stack.console.baseUrl()).signIn("official-linshan")) {
            official.open("/console/deeds");
            official.find("tr[data-id='" + proposal + "']");
            official.screenshot("official-review-queue");
            official.click("tr[data-id='" + proposal + "'] summary.approve"); // approving asks to confirm first
            official.click("tr[data-id='" + proposal + "'] button.confirm-approve");
            official.find("#decided");
            assertFalse(official.present("tr[data-id='" + proposal + "']"), "the approved proposal left the queue");
            official.screenshot("official-approved-deed");
        }
        try (ConsoleBrowser clerk = new ConsoleBrowser(stack.console.baseUrl()).signIn("clerk-linshan")) {
            clerk.open("/console/deeds");
            assertTrue(
                    clerk.text("tr[data-id='" + proposal + "'] .state").contains("已通过"), "the clerk sees it approved");
        }
    }

    @Test
    @Order(4)
    void aLoanOfficerRecordsAConsentAndOpensTheReport() throws Exception {
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("loan-officer")) {
            browser.open("/console/consents/new");
            browser.find("#consent-form");
            browser.type("subjectId", head);
            browser.choose("purpose", "GUARANTEE_REVIEW");
            Path letter = Files.createTempFile("consent-letter-", ".pdf");
            Files.writeString(letter, "%PDF-1.4 授权书 " + head);
            browser.find("#letter").sendKeys(letter.toAbsolutePath().toString());
            browser.click("#record-consent");
            String consent = browser.text("#consent-id");
            browser.screenshot("consent-recorded");

            browser.click("#open-report");
            browser.await().until(ExpectedConditions.titleContains("农户信用报告"));
            String report = browser.driver().findElement(By.tagName("body")).getText();
            assertTrue(report.contains(consent), "the report names the consent it was queried under");
            assertTrue(report.contains(ResidentId.mask(head)), "the head is shown masked: " + ResidentId.mask(head));
            assertFalse(report.contains(head), "never the full resident ID");
            browser.screenshot("household-report");
        }
    }

    @Test
    @Order(5)
    void aLoanOfficerWithoutAConsentIsRefused() throws Exception {
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("loan-officer")) {
            browser.open("/console/reports");
            browser.type("consentId", UUID.randomUUID().toString());
            browser.choose("purpose", "LOAN_APPLICATION");
            browser.click("#open-report");
            String problem = browser.text("#problem");
            assertTrue(problem.contains("没有此编号的授权"), "the refusal says why: " + problem);
            assertFalse(browser.driver().getTitle().contains("农户信用报告"), "no report");
            browser.screenshot("report-refused-without-consent");
        }
    }

    @Test
    @Order(6)
    void theAdministratorSeesTheGradeChart() throws Exception {
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("credit-admin")) {
            browser.open("/console/charts");
            browser.await()
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#grade-chart[data-rendered='true'] canvas")));
            String data = browser.find("#grades-data").getAttribute("textContent");
            assertTrue(data.contains("临山镇"), "the chart is drawn from the townships' grades: " + data);
            browser.screenshot("admin-grade-chart");

            browser.click("#language");
            assertTrue(browser.text("header.top").contains("Sign out"), "the English switch works");
            browser.screenshot("admin-charts-english");
        }
    }

    private static void fillHousehold(ConsoleBrowser b, String headId, String spouseId) {
        b.choose("villageCode", VILLAGE);
        b.type("address", "临山镇临山村 12 号");
        b.type("phone", "13805741234");
        b.type("yearsResident", "30");
        b.type("members[0].name", "张建国");
        b.type("members[0].residentId", headId);
        b.choose("members[0].education", "SENIOR_HIGH");
        b.choose("members[0].labourStatus", "FULL");
        b.type("members[1].name", "李秀英");
        b.choose("members[1].relation", "SPOUSE");
        b.type("members[1].residentId", spouseId);
        b.choose("members[1].labourStatus", "FULL");
        b.choose("production.mainBusiness", "PLANTING");
        b.type("production.scale", "12");
        b.type("production.scaleUnit", "亩");
        b.type("production.yearsExperience", "15");
        b.type("production.source", "入户调查");
        b.type("land.contractedMu", "8");
        b.type("land.transferredInMu", "4");
        b.type("land.source", "入户调查");
        for (String[] f : new String[][] {
            {"assets.housing", "300000"},
            {"assets.machinery", "50000"},
            {"assets.vehicles", "60000"},
            {"assets.livestock", "0"},
            {"assets.deposits", "80000"},
            {"income.businessIncome", "150000"},
            {"income.wageIncome", "20000"},
            {"income.transferIncome", "2000"},
            {"income.productionExpenses", "50000"},
            {"income.livingExpenses", "40000"},
            {"liabilities.bankLoans", "50000"},
            {"liabilities.privateLoans", "0"},
            {"liabilities.guaranteesGiven", "0"},
            {"social.publicWelfareActivities", "3"}
        }) {
            b.type(f[0], f[1]);
        }
        for (String group : List.of("assets", "income", "liabilities", "social")) {
            b.type(group + ".source", "入户调查");
        }
    }

    /** The clerk finds the household by its head's resident ID; the moral bank learns of a new one from the registry's event. */
    private static String proposeWhenKnown(ConsoleBrowser clerk) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            clerk.open("/console/deeds/new");
            clerk.find("#deed-form");
            clerk.type("q", head); // the household is found by the registry's search
            clerk.click("#deed-search");
            clerk.click("#pick-" + householdId);
            Select rules = new Select(clerk.driver().findElement(By.name("ruleCode")));
            rules.selectByIndex(1);
            clerk.type("description", "义务清扫村道");
            clerk.type("evidenceNote", "村委会照片存档");
            clerk.click("#propose");
            if (clerk.present("#proposed")) {
                return clerk.url().replaceAll(".*proposed=([0-9a-f-]{36}).*", "$1");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the deed was not accepted: " + clerk.text("main"));
            }
            Thread.sleep(1000);
        }
    }

    private static String wrongCheckDigit(String id) {
        char check = id.charAt(17);
        char other = check == '0' ? '1' : (check == 'X' ? '0' : (char) (check == '9' ? '0' : check + 1));
        return id.substring(0, 17) + other;
    }

    /** One household of the import: the head's row only, every column of the template that a head's row has. */
    private static Map<String, String> headRow(String id, String name) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("户主身份证号", id);
        row.put("与户主关系", "户主");
        row.put("姓名", name);
        row.put("身份证号", id);
        row.put("文化程度", "初中");
        row.put("健康状况", "健康");
        row.put("劳动力状况", "全劳力");
        row.put("村代码", VILLAGE);
        row.put("住址", "临山镇临山村");
        row.put("居住年限", "25");
        row.put("主业", "种植");
        row.put("经营规模", "10");
        row.put("规模单位", "亩");
        row.put("从业年限", "10");
        row.put("承包地亩数", "6");
        row.put("流转入亩数", "4");
        for (String money : List.of(
                "住房价值", "农机价值", "车辆价值", "畜禽价值", "存款", "经营收入", "工资收入", "转移收入", "生产支出", "生活支出", "银行贷款", "民间借款", "对外担保")) {
            row.put(money, "10000");
        }
        row.put("党员户", "否");
        row.put("村干部户", "否");
        row.put("军属户", "否");
        row.put("公益活动次数", "2");
        row.put("信息日期", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
        row.put("信息来源", "入户调查");
        return row;
    }

    private static String csv(List<String> headers, List<Map<String, String>> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", headers));
        for (Map<String, String> row : rows) {
            lines.add(String.join(
                    ",", headers.stream().map(h -> row.getOrDefault(h, "")).toList()));
        }
        return String.join("\n", lines) + "\n";
    }
}
