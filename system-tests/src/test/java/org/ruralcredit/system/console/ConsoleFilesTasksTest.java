package org.ruralcredit.system.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

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
import org.openqa.selenium.support.ui.Select;

import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.SystemFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tasks of township officials, village clerks and the auditor in a real browser against the
 * real services: find a file by name and by resident ID, read it with its rating and moral
 * standing, correct and close it, read the villages' coverage, propose and approve a deed, and
 * filter the query register. Each page is also checked at a phone's width and for raw codes.
 */
@SharedStack.Uses
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleFilesTasksTest {

    private static final String VILLAGE = "330281100202";
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern RAW_CODE = Pattern.compile(
            "\\b(ACTIVE|CLOSED|PENDING|APPROVED|GRANTED|REFUSED|HEAD|SPOUSE|PROVISIONAL|FINAL|MOVED_AWAY|LOAN_APPLICATION|BELOW_A|[A-Z]+_[A-Z_]+)\\b");
    private static final Pattern HASH = Pattern.compile("\\b[0-9a-f]{64}\\b");

    private static String name;
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
    void anOfficialFindsAHouseholdByNameAndByResidentId() throws Exception {
        name = uniqueName();
        head = SystemFixtures.residentId('M');
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("official-linshan")) {
            householdId = fileHousehold(browser, name, head);

            browser.open("/console/households");
            String all = browser.text("#household-count");
            assertTrue(all.matches("共 [\\d,]+ 户.*"), "the list says how many files: " + all);
            long total = Long.parseLong(all.replaceAll("共 ([\\d,]+) 户.*", "$1").replace(",", ""));
            if (total > 20) {
                assertTrue(all.contains("第 1 /"), "the page number: " + all);
                browser.click("#pager-next");
                browser.awaitText("#household-count", "第 2 /"); // 下一页 leads to page 2
            }
            assertClean(browser, "household list");

            browser.type("q", name);
            browser.click("#search");
            browser.awaitText("#household-count", "找到");
            assertEquals("找到 1 户", browser.text("#household-count"), "the name finds the one file");
            assertTrue(browser.text("#households").contains(name));
            assertFalse(browser.text("#households").contains(VILLAGE), "villages by name, not code");
            browser.screenshot("files-search-by-name");

            browser.type("q", head);
            browser.click("#search");
            browser.awaitText("#household-count", "找到");
            assertEquals("找到 1 户", browser.text("#household-count"), "the full resident ID finds the file");
            assertFalse(browser.url().contains(head), "the ID is never in the address: " + browser.url());
            browser.click("#households a[href='/console/households/" + householdId + "']");
            browser.find("#household");
            assertFitsAPhone(browser, "household detail");
        }
    }

    @Test
    @Order(2)
    void anOfficialReadsTheFileCorrectsAFactAndClosesIt() throws Exception {
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("official-linshan")) {
            waitFor(browser, "/console/households/" + householdId, "#rating");
            waitFor(browser, "/console/households/" + householdId, "#moral");
            String grade = browser.text("#rating-grade");
            assertTrue(grade.contains("级"), "the grade by its label: " + grade);
            assertTrue(browser.text("#rating-score").matches("\\d+"), "the points: " + browser.text("#rating-score"));
            String reasons = browser.text("#rating-reasons");
            assertTrue(reasons.matches("(?s).*\\p{IsHan}.*"), "the reasons in Chinese: " + reasons);
            assertFalse(browser.text("#rating-status").isBlank());
            assertTrue(
                    browser.text("#moral-points").matches("\\d+.*"),
                    "the moral points: " + browser.text("#moral-points"));
            assertTrue(browser.text("#revisions").contains("新建"), "the first revision by its kind's label");
            assertClean(browser, "household detail");
            browser.screenshot("files-household-detail");

            // someone else's change between reading and saving: the page says so and keeps nothing
            browser.click("#correct");
            browser.find("#household-form");
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelector(\"input[name='expectedVersion']\").value = '0';");
            browser.type("address", "不会保存的地址");
            browser.click("#save");
            browser.find("#stale");

            browser.click("#reload");
            browser.find("#household-form");
            assertEquals(name, browser.find("input[name='members[0].name']").getAttribute("value"), "pre-filled");
            browser.type("address", "临山镇临山村 88 号");
            browser.type("reason", "户主搬至新居");
            browser.click("#save");
            browser.find("#corrected");
            assertEquals("临山镇临山村 88 号", browser.text("#address"), "the corrected fact shows");
            assertTrue(browser.text("#revisions").contains("户主搬至新居"), "the correction's reason is listed");
            assertTrue(browser.text("#revisions").contains("住址"), "the changed field by its name");
            browser.screenshot("files-household-corrected");

            browser.click("#close");
            browser.choose("reason", "MOVED_AWAY");
            browser.click("#close-next");
            assertEquals("迁出", browser.text("#confirm-reason"), "the confirmation names the reason");
            browser.screenshot("files-household-close-confirm");
            browser.click("#confirm-close-button");
            browser.find("#closed");
            assertTrue(
                    browser.text("#status").contains("已注销")
                            && browser.text("#status").contains("迁出"),
                    "closed, with the reason: " + browser.text("#status"));
            assertFalse(browser.present("#correct"), "a closed file is not corrected");
        }
    }

    @Test
    @Order(3)
    void theVillagesFiguresAgree() throws Exception {
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("official-linshan")) {
            browser.open("/console/villages");
            String village = "#coverage tr[data-code='" + VILLAGE + "']";
            long filedHere = Long.parseLong(browser.text(village + " .filed").replace(",", ""));
            browser.click(village + " .edit-profile");
            browser.type("totalHouseholds", Long.toString(filedHere + 50));
            browser.type("population", Long.toString((filedHere + 50) * 3));
            browser.type("reason", "年度统计");
            browser.click("#save-profile");
            browser.find("#profile-saved");
            assertEquals(
                    Long.toString(filedHere + 50),
                    browser.text(village + " .total").replace(",", ""),
                    "the village's households as entered");
            int checked = 0;
            List<WebElement> rows =
                    browser.driver().findElements(By.cssSelector("#coverage tbody tr, #coverage tfoot tr"));
            assertTrue(rows.size() > 1, "the township's villages are listed");
            for (WebElement row : rows) {
                String villageName =
                        row.findElement(By.cssSelector(".name, th")).getText();
                assertFalse(villageName.matches(".*\\d{12}.*"), "a name, not a code: " + villageName);
                String total =
                        row.findElement(By.cssSelector(".total")).getText().replace(",", "");
                if (!total.matches("\\d+")) {
                    continue;
                }
                long filed = Long.parseLong(
                        row.findElement(By.cssSelector(".filed")).getText().replace(",", ""));
                long households = Long.parseLong(total);
                assertTrue(filed <= households, villageName + ": filed " + filed + " > total " + households);
                String rate = row.findElement(By.cssSelector(".rate")).getText();
                BigDecimal shown = new BigDecimal(rate.replace("%", ""));
                BigDecimal expected =
                        BigDecimal.valueOf(filed * 100.0 / households).setScale(2, RoundingMode.HALF_UP);
                assertTrue(
                        shown.subtract(expected).abs().compareTo(new BigDecimal("0.01")) <= 0,
                        villageName + ": coverage " + rate + " is not " + filed + " ÷ " + households);
                checked++;
            }
            assertTrue(checked >= 2, "the village and the township's total were checked: " + checked);
            assertClean(browser, "villages");
            assertFitsAPhone(browser, "villages");
            browser.screenshot("files-villages");
        }
    }

    @Test
    @Order(4)
    void aClerkProposesADeedFoundBySearchAndTheOfficialApprovesAfterConfirming() throws Exception {
        String deedName = uniqueName();
        String deedHead = SystemFixtures.residentId('M');
        String deedHousehold;
        try (ConsoleBrowser official = new ConsoleBrowser(stack.console.baseUrl()).signIn("official-linshan")) {
            deedHousehold = fileHousehold(official, deedName, deedHead);
        }
        String evidence = "村委会照片存档 " + ThreadLocalRandom.current().nextInt(100_000);
        String proposal;
        String rule;
        try (ConsoleBrowser clerk = new ConsoleBrowser(stack.console.baseUrl()).signIn("clerk-linshan")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                clerk.open("/console/deeds/new");
                clerk.type("q", deedName);
                clerk.click("#deed-search");
                clerk.click("#pick-" + deedHousehold); // waits for the search's new page
                Select rules = new Select(clerk.driver().findElement(By.name("ruleCode")));
                rules.selectByIndex(1);
                rule = rules.getFirstSelectedOption()
                        .getText()
                        .replaceAll("（.*", "")
                        .strip();
                clerk.type("description", "义务清扫村道");
                clerk.type("evidenceNote", evidence);
                clerk.click("#propose");
                if (clerk.present("#proposed")) {
                    proposal = clerk.url().replaceAll(".*proposed=([0-9a-f-]{36}).*", "$1");
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the deed was not accepted: " + clerk.text("main"));
                }
                Thread.sleep(1000); // the moral bank learns of a new file from the registry's event
            }
            clerk.screenshot("files-clerk-proposed");
        }
        try (ConsoleBrowser official = new ConsoleBrowser(stack.console.baseUrl()).signIn("official-linshan")) {
            official.open("/console/deeds");
            String row = "tr[data-id='" + proposal + "']";
            official.find(row);
            assertEquals(deedName, official.text(row + " .head"), "the household by its head's name");
            String village = official.text(row + " .village");
            assertTrue(!village.isBlank() && !village.matches(".*\\d{12}.*"), "the village by name: " + village);
            assertEquals(rule, official.text(row + " .rule"), "the rule by its name");
            assertEquals(evidence, official.text(row + " .evidence"));
            assertTrue(
                    official.text(row + " .proposer").contains("clerk-linshan")
                            || official.text(row + " .proposer").contains("陈小燕"),
                    "who proposed it: " + official.text(row + " .proposer"));
            assertClean(official, "review queue");
            assertFitsAPhone(official, "review queue");

            official.click(row + " summary.approve");
            official.find(row + " button.confirm-approve");
            assertTrue(official.present(row), "opening the approval decides nothing");
            official.screenshot("files-official-confirm-approval");
            official.click(row + " button.confirm-approve");
            official.find("#decided");
            assertFalse(official.present(row), "the approved proposal left the queue");

            waitFor(official, "/console/households/" + deedHousehold, "#moral-entries");
            assertTrue(
                    official.text("#moral-entries").contains(rule),
                    "the file lists the deed by its rule's name: " + official.text("#moral-entries"));
            assertClean(official, "household with a deed");
        }
    }

    @Test
    @Order(5)
    void theAuditorFiltersTheRegisterByOutcome() throws Exception {
        String subject = SystemFixtures.residentId('M');
        try (ConsoleBrowser official = new ConsoleBrowser(stack.console.baseUrl()).signIn("official-linshan")) {
            fileHousehold(official, uniqueName(), subject);
        }
        try (ConsoleBrowser lender = new ConsoleBrowser(stack.console.baseUrl()).signIn("loan-officer")) {
            lender.open("/console/consents/new");
            lender.find("#consent-form");
            lender.type("subjectId", subject);
            lender.choose("purpose", "GUARANTEE_REVIEW");
            Path letter = Files.createTempFile("consent-letter-", ".pdf");
            Files.writeString(letter, "%PDF-1.4 授权书 " + subject);
            lender.find("#letter").sendKeys(letter.toAbsolutePath().toString());
            lender.click("#record-consent");
            lender.text("#consent-id");
            lender.click("#open-report"); // granted
            lender.await().until(d -> d.getTitle().contains("农户信用报告"));
            lender.open("/console/reports");
            lender.type("consentId", UUID.randomUUID().toString());
            lender.choose("purpose", "LOAN_APPLICATION");
            lender.click("#open-report"); // refused
            lender.find("#problem");
        }
        try (ConsoleBrowser auditor = new ConsoleBrowser(stack.console.baseUrl()).signIn("auditor")) {
            auditor.open("/console/register");
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            assertEquals(today, auditor.find("#register-filter-from").getAttribute("value"), "from China's today");
            assertEquals(today, auditor.find("#register-filter-to").getAttribute("value"));
            auditor.choose("outcome", "REFUSED");
            auditor.click("#register-filter-submit");
            List<String> outcomes = outcomes(auditor);
            assertFalse(outcomes.isEmpty(), "today's refused request is listed");
            assertTrue(outcomes.stream().allMatch("拒绝"::equals), "only refusals: " + outcomes);
            assertClean(auditor, "register");
            assertFalse(HASH.matcher(auditor.text("main")).find(), "no full hash on the page");
            auditor.screenshot("files-register-refused");

            auditor.choose("outcome", "GRANTED");
            auditor.click("#register-filter-submit");
            List<String> granted = outcomes(auditor);
            assertFalse(granted.isEmpty(), "today's granted report is listed");
            assertTrue(granted.stream().allMatch("已通过"::equals), "only granted: " + granted);

            auditor.click("#register-verify-submit");
            assertTrue(
                    auditor.text("#notice").contains("登记簿完整"),
                    "the chain check in Chinese: " + auditor.text("#notice"));
            assertFitsAPhone(auditor, "register");
        }
    }

    @Test
    @Order(6)
    void theImportGuideAndTheErrorReportAreInChinese() throws Exception {
        try (ConsoleBrowser browser = new ConsoleBrowser(stack.console.baseUrl()).signIn("official-linshan")) {
            browser.open("/console/imports");
            browser.find("#import-form");
            String guide = browser.text("#import-columns");
            assertTrue(guide.contains("户主的 18 位身份证号"), "the columns explained in Chinese: " + guide);
            assertClean(browser, "import page");

            String id = SystemFixtures.residentId('M');
            String bad = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
            String template = browser.fetchText("/console/imports/template.csv");
            List<String> headers = List.of(template.lines()
                    .findFirst()
                    .orElseThrow()
                    .replace("\uFEFF", "")
                    .split(","));
            String row = String.join(
                    ",",
                    headers.stream()
                            .map(h -> switch (h) {
                                case "户主身份证号", "身份证号" -> bad;
                                case "与户主关系" -> "户主";
                                case "姓名" -> uniqueName();
                                case "村代码" -> VILLAGE;
                                case "住址" -> "临山镇临山村";
                                case "居住年限" -> "20";
                                default -> "";
                            })
                            .toList());
            Path file = Files.createTempFile("households-", ".csv");
            Files.writeString(file, String.join(",", headers) + "\n" + row + "\n");
            browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
            browser.click("#upload");
            browser.await(Duration.ofSeconds(90))
                    .until(d -> !d.findElements(By.id("job-summary")).isEmpty());
            assertClean(browser, "import job");
            String report = browser.fetchText(browser.find("#error-report").getAttribute("href"));
            assertTrue(
                    report.replace("\uFEFF", "").startsWith("行号,列,原因"),
                    "a spreadsheet with Chinese headers: " + report);
            assertTrue(report.contains("校验码错误"), "the reason in Chinese: " + report);
            assertFalse(report.matches("(?s).*\\b[A-Z][a-z]+ [a-z]+ [a-z]+.*"), "no English reason: " + report);
        }
    }

    private static List<String> outcomes(ConsoleBrowser browser) {
        browser.find("#register, #register-empty");
        int column = browser.driver().findElements(By.cssSelector("#register thead th")).stream()
                        .map(WebElement::getText)
                        .toList()
                        .indexOf("结果")
                + 1;
        return browser.driver().findElements(By.cssSelector("#register tbody tr td:nth-child(" + column + ")")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Files a household through the console's form; answers its id. */
    private static String fileHousehold(ConsoleBrowser b, String headName, String headId) {
        b.open("/console/households/new");
        b.find("#household-form");
        b.choose("villageCode", VILLAGE);
        b.type("address", "临山镇临山村 12 号");
        b.type("phone", "13805741234");
        b.type("yearsResident", "30");
        b.type("members[0].name", headName);
        b.type("members[0].residentId", headId);
        b.choose("members[0].education", "SENIOR_HIGH");
        b.choose("members[0].labourStatus", "FULL");
        b.type("members[1].name", "李秀英");
        b.choose("members[1].relation", "SPOUSE");
        b.type("members[1].residentId", SystemFixtures.residentId('F'));
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
        b.click("#save");
        b.find("#created");
        return b.url().replaceAll(".*/console/households/([0-9a-f-]{36}).*", "$1");
    }

    /** Reloads the page until the element is there: ratings and the moral bank follow the registry's events. */
    private static void waitFor(ConsoleBrowser b, String path, String css) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            b.open(path);
            b.find("#household");
            if (b.present(css)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(css + " never appeared on " + path + ": " + b.text("main"));
            }
            Thread.sleep(2000);
        }
    }

    /** No ISO instant, no raw code and no English sentence on a Chinese page. */
    private static void assertClean(ConsoleBrowser b, String what) {
        String text = b.text("main");
        assertFalse(ISO_INSTANT.matcher(text).find(), what + " shows an ISO instant: " + text);
        var raw = RAW_CODE.matcher(text);
        assertFalse(raw.find(), what + " shows a raw code " + (raw.hitEnd() ? "" : raw.group()) + ": " + text);
        assertFalse(
                text.matches("(?s).*\\b[A-Z][a-z]+ [a-z]+ [a-z]+ [a-z]+.*"),
                what + " has an English sentence: " + text);
    }

    /** At 390 px the page is no wider than the window; back to the desktop's width after. */
    private static void assertFitsAPhone(ConsoleBrowser b, String what) throws Exception {
        b.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            Thread.sleep(300);
            Object wide = ((JavascriptExecutor) b.driver())
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            b.screenshot("files-phone-" + what.replace(' ', '-'));
            assertTrue(((Number) wide).longValue() <= 0, what + " is wider than a phone by " + wide + " px");
        } finally {
            b.driver().manage().window().setSize(new Dimension(1366, 1000));
        }
    }

    /** A name no earlier run used (the test database is kept between runs). */
    private static String uniqueName() {
        String given = "明华国强建军秀英丽娟志刚海燕文杰晓东春梅桂兰玉珍德福永安";
        var random = ThreadLocalRandom.current();
        StringBuilder n = new StringBuilder("欧阳");
        for (int i = 0; i < 3; i++) {
            n.append(given.charAt(random.nextInt(given.length())));
        }
        return n.toString();
    }
}
