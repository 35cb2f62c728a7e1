package org.ruralcredit.system;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.ruralcredit.client.GatewayClient;
import org.ruralcredit.client.GatewayProblem;
import org.ruralcredit.client.api.ConsentsApi;
import org.ruralcredit.client.api.EarlyWarningsApi;
import org.ruralcredit.client.api.LoansApi;
import org.ruralcredit.client.api.QueryRegisterApi;
import org.ruralcredit.client.api.ReportsApi;
import org.ruralcredit.client.model.ConsentPurpose;
import org.ruralcredit.client.model.ConsentView;
import org.ruralcredit.client.model.EntryView;
import org.ruralcredit.client.model.HouseholdReport;
import org.ruralcredit.client.model.LoanView;
import org.ruralcredit.client.model.NewConsent;
import org.ruralcredit.client.model.NewLoan;
import org.ruralcredit.client.model.ReportRequest;
import org.ruralcredit.client.model.SubjectType;
import org.ruralcredit.client.model.WarningView;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.testing.DemoUsers;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.LOAN_SUPERVISOR;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * The household credit report across the real services: the gateway's read model fed by
 * farmer-registry's, credit-rating's and morality-score's events gives a complete report, still
 * complete with those three killed; corrections reach it after they come back and after the gateway
 * itself was down; and the lender flow through the lenders' generated client.
 */
@SharedStack.Uses
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HouseholdReportAcrossServicesTest {

    private static ServiceProcess registry;
    private static ServiceProcess rating;
    private static ServiceProcess morality;
    private static ServiceProcess gateway;

    @BeforeAll
    static void startServices() throws Exception {
        SharedStack.start();
        registry = SharedStack.service(SharedStack.REGISTRY);
        rating = SharedStack.service(SharedStack.RATING);
        morality = SharedStack.service(SharedStack.MORALITY);
        gateway = SharedStack.service(SharedStack.GATEWAY);
    }

    /** The services a test stopped start again for the suites after this one. */
    @AfterAll
    static void restartStopped() throws Exception {
        SharedStack.start();
    }

    @Test
    @Order(3)
    void aCompleteReportFromTheReadModelEvenWithTheServicesKilledAndTheModelCatchingUpAfter() throws Exception {
        String head = SystemFixtures.residentId('M');
        Map<String, Object> file = SystemFixtures.householdFile(head, SystemFixtures.residentId('F'));
        String householdId;
        String grade;
        try (KafkaTail tail = KafkaTail.of("test." + EventCatalog.HOUSEHOLD_RATED.topic())) {
            householdId = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .contentType(ContentType.JSON)
                    .body(Map.of("file", file, "reason", "入户建档"))
                    .post(registry.baseUrl() + "/api/v1/households")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            List<KafkaTail.Received> rated =
                    tail.await(e -> e.aggregateId().equals(householdId), 1, Duration.ofSeconds(60));
            assertEquals(1, rated.size(), "credit-rating rated the new household");
            grade = rated.get(0).event().dataAs(EventCatalog.HOUSEHOLD_RATED).grade();
        }
        String consent = given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        head,
                        "purpose",
                        "GUARANTEE_REVIEW",
                        "signedOn",
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString(),
                        "expiresOn",
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString(),
                        "letterSha256",
                        "ab".repeat(32)))
                .post(gateway.baseUrl() + "/api/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // a deed in the moral bank (which learns of the household from the registry's event), so every
        // section has something to show; the report is complete once its announcement is in the model
        approveDeed(householdId);
        Response complete = awaitReport(consent, r -> "AVAILABLE".equals(r.path("morality.status")));
        complete.then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("missing", empty())
                .body("identity.data.headName", equalTo("陈**"))
                .body("identity.data.headResidentId", equalTo(head.substring(0, 6) + "********" + head.substring(14)))
                .body("household.data.members", equalTo(2))
                .body("rating.data.current.grade", equalTo(grade))
                .body("morality.data.standing.vetoed", equalTo(false))
                .body("morality.data.recentEntries[0].ruleCode", equalTo("L02"))
                // what each of the lender's policies (or the platform's) offers, as credit-rating computes it
                .body("offer.status", equalTo("AVAILABLE"))
                .body("offer.data[0].householdId", equalTo(householdId));
        assertFalse(complete.asString().contains(head), "no plain resident ID in the report");

        // the report comes from the gateway's read model: with the three services killed it is still
        // granted and whole, the lender's offer included
        registry.kill();
        rating.kill();
        morality.kill();
        ask(consent)
                .then()
                .statusCode(200)
                .body("complete", equalTo(true))
                .body("missing", empty())
                .body("identity.data.headName", equalTo("陈**"))
                .body("household.data.members", equalTo(2))
                .body("rating.data.current.grade", equalTo(grade))
                .body("morality.status", equalTo("AVAILABLE"))
                .body("offer.status", equalTo("AVAILABLE"));

        // back again, a correction reaches the model; so does one made while the gateway is down, once it
        // is back
        SharedStack.start();
        correct(householdId, file, 1, 31);
        awaitReport(consent, r -> Integer.valueOf(2).equals(r.path("household.data.fileVersion")))
                .then()
                .body("household.data.yearsResident", equalTo(31))
                .body("complete", equalTo(true));
        gateway.kill();
        correct(householdId, file, 2, 32);
        SharedStack.start();
        awaitReport(consent, r -> Integer.valueOf(3).equals(r.path("household.data.fileVersion")))
                .then()
                .body("household.data.yearsResident", equalTo(32))
                .body("complete", equalTo(true));
    }

    /** A deed proposed by the village's clerk and approved by the township official. */
    private static void approveDeed(String householdId) throws InterruptedException {
        Map<String, Object> deed = Map.of(
                "householdId",
                householdId,
                "ruleCode",
                "L02",
                "deedDate",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString(),
                "description",
                "村民小组月度评议",
                "evidenceNote",
                "村委会记录 第12页");
        Instant deadline = Instant.now().plusSeconds(90);
        String proposal;
        while (true) {
            Response r = given().header("Authorization", bearer(CLERK_LINSHAN))
                    .contentType(ContentType.JSON)
                    .body(deed)
                    .post(morality.baseUrl() + "/api/v1/proposals");
            if (r.statusCode() == 201) {
                proposal = r.path("proposal.id");
                break;
            }
            assertTrue(Instant.now().isBefore(deadline), "the moral bank did not take the proposal: " + r.asString());
            Thread.sleep(500);
        }
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .post(morality.baseUrl() + "/api/v1/reviews/{id}/approval", proposal)
                .then()
                .statusCode(200);
    }

    /** Corrects the household's years of residence (the file as filed, sent whole). */
    private static void correct(String householdId, Map<String, Object> file, long version, int yearsResident) {
        Map<String, Object> corrected = new LinkedHashMap<>(file);
        corrected.put("yearsResident", yearsResident);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("file", corrected, "reason", "核实居住年限", "expectedVersion", version))
                .put(registry.baseUrl() + "/api/v1/households/" + householdId)
                .then()
                .statusCode(200);
    }

    private static Response ask(String consent) {
        return given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW"))
                .post(gateway.baseUrl() + "/api/v1/reports/households");
    }

    private static Response awaitReport(String consent, Predicate<Response> ready) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Response r = ask(consent);
            if (r.statusCode() == 200 && ready.test(r)) {
                return r;
            }
            assertTrue(Instant.now().isBefore(deadline), "the report did not become complete: " + r.asString());
            Thread.sleep(500);
        }
    }

    private static GatewayClient clientOf(String user) {
        return GatewayClient.of(URI.create(gateway.baseUrl()), () -> DemoUsers.tokenOf(user), "zh-CN");
    }

    /**
     * A lender's core system, written against the generated client as a lender's integrator would:
     * consent, report, a second report on the same single-use consent (refused, with its code, its
     * register entry and the Chinese text), loan report, the early warning when the household's file
     * gets worse, and the auditor's view of the register. Runs first: the next test stops services.
     */
    @Test
    @Order(1)
    void aLenderSystemRunsConsentReportLoanWarningAndRegisterThroughTheClient() throws Exception {
        String head = SystemFixtures.residentId('M');
        Map<String, Object> file = SystemFixtures.householdFile(head, SystemFixtures.residentId('F'));
        String householdId;
        try (KafkaTail tail = KafkaTail.of("test." + EventCatalog.HOUSEHOLD_RATED.topic())) {
            var created = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .contentType(ContentType.JSON)
                    .body(Map.of("file", file, "reason", "入户建档"))
                    .post(registry.baseUrl() + "/api/v1/households")
                    .then()
                    .statusCode(201)
                    .extract();
            householdId = created.path("id");
            assertEquals(
                    1,
                    tail.await(e -> e.aggregateId().equals(householdId), 1, Duration.ofSeconds(60))
                            .size(),
                    "credit-rating rated the new household");
        }

        GatewayClient lender = clientOf(LOAN_OFFICER);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ConsentView consent = GatewayClient.call(() -> lender.api(ConsentsApi::new)
                .createConsent(new NewConsent()
                        .subjectType(SubjectType.HOUSEHOLD)
                        .subjectId(head)
                        .purpose(ConsentPurpose.LOAN_APPLICATION)
                        .signedOn(today.minusDays(1))
                        .expiresOn(today.plusDays(30))
                        .letterSha256("cd".repeat(32))));
        assertNotNull(consent.getId());
        assertFalse(consent.getSubject().contains(head.substring(6, 14)), "the consent shows the subject masked");

        ReportsApi reports = lender.api(ReportsApi::new);
        HouseholdReport report = GatewayClient.call(() -> reports.requestHouseholdReport(
                new ReportRequest().consentId(consent.getId()).purpose(ConsentPurpose.LOAN_APPLICATION)));
        assertEquals(consent.getId(), report.getConsentId());
        assertEquals("330281100202", report.getIdentity().getData().getVillageCode());
        assertFalse(report.getIdentity().getData().getHeadResidentId().contains(head.substring(6, 14)));

        // a loan-application consent is single-use: the second report is refused, registered, and said in Chinese
        GatewayProblem again = assertThrows(
                GatewayProblem.class,
                () -> GatewayClient.call(() -> reports.requestHouseholdReport(
                        new ReportRequest().consentId(consent.getId()).purpose(ConsentPurpose.LOAN_APPLICATION))));
        assertEquals(403, again.status());
        assertEquals("query.consent-used", again.code());
        assertNotNull(again.args().get("entry"), "the refusal names its register entry");
        assertTrue(
                again.getMessage()
                        .codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "the refusal is written in Chinese: " + again.getMessage());

        String loanRef = "SDK-" + UUID.randomUUID();
        LoanView loan = GatewayClient.call(() -> lender.api(LoansApi::new)
                .reportLoan(
                        loanRef,
                        new NewLoan()
                                .subjectType(SubjectType.HOUSEHOLD)
                                .subjectId(head)
                                .amount(new BigDecimal("80000"))
                                .annualRate(new BigDecimal("0.045"))
                                .startDate(today)
                                .termMonths(12)
                                .product("信用贷款")
                                .purpose("扩大加工")
                                .unsecured(true)));
        assertEquals(loanRef, loan.getLoanRef());

        // the lender's open warnings, typed as the client reads them
        List<WarningView> open =
                GatewayClient.call(() -> lender.api(EarlyWarningsApi::new).listWarnings(null, 0, 100));
        assertTrue(
                open.stream().allMatch(w -> w.getId() != null && w.getKind() != null),
                "every warning has an id and a kind");

        // the auditor reads the register through the same client: the granted query and the refused one are there
        GatewayClient auditor = clientOf(AUDITOR);
        List<EntryView> entries = GatewayClient.call(
                        () -> auditor.api(QueryRegisterApi::new).listQueryRegister(0, 200))
                .getItems();
        List<EntryView> ours = entries.stream()
                .filter(e -> consent.getId().equals(e.getConsentId()))
                .toList();
        assertEquals(2, ours.size(), "both queries on the consent are registered: " + ours);
        assertEquals(
                List.of("GRANTED", "REFUSED"),
                ours.stream().map(EntryView::getOutcome).sorted().toList());
        assertTrue(GatewayClient.call(() -> auditor.api(QueryRegisterApi::new).verifyQueryRegister())
                .getValid());
    }

    /**
     * Adverse information under the rules of 征信业管理条例 Art. 15, across the services: a loan
     * officer reports a malicious default; it waits (the loan event carries no finding, the rating
     * has no veto) until a second officer approved it and the notice to the household is recorded,
     * then the household is vetoed; the household's objection suspends it and the veto goes.
     */
    @Test
    @Order(2)
    void anAdverseLoanReportTakesEffectOnlyAfterFourEyesAndNoticeAndAnObjectionSuspendsIt() throws Exception {
        String head = SystemFixtures.residentId('M');
        Map<String, Object> file = SystemFixtures.householdFile(head, SystemFixtures.residentId('F'));
        String householdId = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("file", file, "reason", "入户建档"))
                .post(registry.baseUrl() + "/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String consentId = given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "subjectType",
                        "HOUSEHOLD",
                        "subjectId",
                        head,
                        "purpose",
                        "LOAN_APPLICATION",
                        "signedOn",
                        today.minusDays(1).toString(),
                        "expiresOn",
                        today.plusDays(30).toString(),
                        "letterSha256",
                        "ef".repeat(32)))
                .post(gateway.baseUrl() + "/api/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(Map.of("consentId", consentId, "purpose", "LOAN_APPLICATION"))
                .post(gateway.baseUrl() + "/api/v1/reports/households")
                .then()
                .statusCode(200);
        String loanRef = "ADV-" + UUID.randomUUID();
        try (KafkaTail loans = KafkaTail.of("test." + EventCatalog.LOAN_CHANGED.topic())) {
            String loanId = given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "subjectType",
                            "HOUSEHOLD",
                            "subjectId",
                            head,
                            "amount",
                            50000,
                            "annualRate",
                            0.05,
                            "startDate",
                            today.minusDays(60).toString(),
                            "termMonths",
                            12,
                            "product",
                            "信用贷款",
                            "purpose",
                            "购买农资",
                            "unsecured",
                            true))
                    .put(gateway.baseUrl() + "/api/v1/loans/" + loanRef)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String reportId = given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType(ContentType.JSON)
                    .body(Map.of("outstanding", 40000, "overdueDays", 20, "maliciousDefault", true))
                    .post(gateway.baseUrl() + "/api/v1/loans/" + loanRef + "/status")
                    .then()
                    .statusCode(200)
                    .body("maliciousDefault", equalTo(false))
                    .body("adverseReport.status", equalTo("PENDING"))
                    .extract()
                    .path("adverseReport.id");
            LoanChanged pending = loanEvent(loans, loanId, c -> LoanChanged.STATUS.equals(c.cause()));
            assertFalse(pending.maliciousDefault(), "a pending finding leaves the platform as no finding");
            awaitVetoes(householdId, List.of());

            adverse(LOAN_OFFICER, loanRef, reportId, "approval", Map.of("decision", "APPROVE"))
                    .statusCode(403);
            adverse(LOAN_SUPERVISOR, loanRef, reportId, "approval", Map.of("decision", "APPROVE"))
                    .statusCode(200)
                    .body("status", equalTo("PENDING"));
            adverse(
                            LOAN_OFFICER,
                            loanRef,
                            reportId,
                            "notice",
                            Map.of("noticedOn", today.toString(), "channel", "VISIT"))
                    .statusCode(200)
                    .body("status", equalTo("EFFECTIVE"));
            LoanChanged effective = loanEvent(loans, loanId, c -> Boolean.TRUE.equals(c.maliciousDefault()));
            assertTrue(effective.revision() > pending.revision());
            awaitVetoes(householdId, List.of("MALICIOUS_DEFAULT"));

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
                            "loans",
                            "text",
                            "我户因灾延期，并非恶意逃废债"))
                    .post(gateway.baseUrl() + "/api/v1/objections")
                    .then()
                    .statusCode(201);
            LoanChanged suspended = loanEvent(loans, loanId, c -> c.revision() > effective.revision());
            assertFalse(suspended.maliciousDefault(), "the objection suspends the finding");
            awaitVetoes(householdId, List.of());
        }
    }

    private static ValidatableResponse adverse(
            String user, String loanRef, String reportId, String step, Map<String, Object> body) {
        return given().header("Authorization", bearer(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post(gateway.baseUrl() + "/api/v1/loans/" + loanRef + "/adverse-reports/" + reportId + "/" + step)
                .then();
    }

    /** The loan's first event, from here on, that matches. */
    private static LoanChanged loanEvent(KafkaTail tail, String loanId, Predicate<LoanChanged> wanted) {
        List<KafkaTail.Received> got = tail.await(
                e -> e.aggregateId().equals(loanId) && wanted.test(e.dataAs(EventCatalog.LOAN_CHANGED)),
                1,
                Duration.ofSeconds(60));
        assertEquals(1, got.size(), "the gateway published the loan's change");
        return got.get(0).event().dataAs(EventCatalog.LOAN_CHANGED);
    }

    /** The household's current vetoes; null while it has no rating yet. */
    private static List<String> vetoes(String householdId) {
        Response r = given().header("Authorization", bearer(CLERK_LINSHAN))
                .get(rating.baseUrl() + "/api/v1/households/{id}/rating", householdId);
        return r.statusCode() == 404
                ? null
                : r.then().statusCode(200).extract().jsonPath().getList("vetoes", String.class);
    }

    private static void awaitVetoes(String householdId, List<String> expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<String> seen = vetoes(householdId);
        while (!expected.equals(seen) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            seen = vetoes(householdId);
        }
        assertEquals(expected, seen, "the household's vetoes");
    }
}
