package org.ruralcredit.sme.rest;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.sme.EnterpriseChanged;
import org.ruralcredit.sme.TestFirms;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.GOV_CLERK;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.SHARED_COUNTER;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class NoLoanListTest {

    /** An industry code of this test only, so the list's filters see only its own firms. */
    private static String freshIndustry() {
        return "Q" + (1000 + new SecureRandom().nextInt(9000));
    }

    @Test
    void lendersSeePublicFactsFilterAndReportFinancing() {
        String industry = freshIndustry();
        String micro = TestFirms.archive("临山镇小微甲", "330281100203", industry, 50_000, 5);
        String medium = TestFirms.archive("临山镇中型乙", "330281100203", industry, 5_000_000, 150);
        String borrower = TestFirms.freshCode('1');
        Map<String, Object> withLoan = new HashMap<>(TestFirms.firm(borrower, "已贷款丙", "330281100203", industry, 1, 1));
        withLoan.put("hasBankLoan", true);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("application/json")
                .body(withLoan)
                .post("/api/v1/enterprises")
                .then()
                .statusCode(201);

        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("industry", industry)
                .queryParam("division", "330281100")
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.uscc", containsInAnyOrder(micro, medium))
                .body("items", everyItem(not(hasKey("details"))))
                .body("items", everyItem(not(hasKey("legalRepresentative"))));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("industry", industry)
                .queryParam("size", "MICRO")
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(200)
                .body("items.uscc", contains(micro))
                .body("items[0].size", equalTo("MICRO"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("industry", industry)
                .queryParam("division", "330282")
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));

        String financedOn = LocalDate.now(ServiceClock.CHINA).minusDays(3).toString();
        try (KafkaTail tail = KafkaTail.of("test.sme.enterprise.v1")) {
            String id = given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType("application/json")
                    .body(Map.of("uscc", micro, "amount", 300_000, "financedOn", financedOn))
                    .post("/api/v1/financing-reports")
                    .then()
                    .statusCode(201)
                    .body("institution", equalTo("YYRCB"))
                    .body("reportedBy", equalTo("loan-officer"))
                    .extract()
                    .path("id");
            // the same report again is not counted twice
            given().header("Authorization", bearer(LOAN_OFFICER))
                    .contentType("application/json")
                    .body(Map.of("uscc", micro, "amount", 300_000, "financedOn", financedOn))
                    .post("/api/v1/financing-reports")
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id));

            List<KafkaTail.Received> events = tail.await(
                    e -> e.aggregateId().equals(micro)
                            && e.dataAs(EventCatalog.SME_ENTERPRISE_CHANGED)
                                    .change()
                                    .equals(EnterpriseChanged.FINANCED),
                    2,
                    Duration.ofSeconds(8));
            assertEquals(1, events.size(), "one FINANCED event, however often the report is repeated");
            EnterpriseChanged data = events.get(0).event().dataAs(EventCatalog.SME_ENTERPRISE_CHANGED);
            assertEquals(EnterpriseChanged.FINANCED, data.change());
            assertEquals("YYRCB", data.financing().institution());
            assertEquals(300_000, data.financing().amount());
        }

        // the financed firm has left the list
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("industry", industry)
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(200)
                .body("items.uscc", contains(medium));
        // a firm with bank financing cannot be reported from the list
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("uscc", borrower, "amount", 1_000, "financedOn", financedOn))
                .post("/api/v1/financing-reports")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("division", "330281100")
                .get("/api/v1/financing-reports/conversion")
                .then()
                .statusCode(200)
                .body("byTownship.find { it.division == '330281100' }.financed", greaterThanOrEqualTo(1))
                .body("byInstitution.institution", everyItem(equalTo("YYRCB")));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("division", "330281100")
                .get("/api/v1/financing-reports/conversion")
                .then()
                .statusCode(200)
                .body("financed", greaterThanOrEqualTo(1));
    }

    @Test
    void badReportsAndFiltersAreRefused() {
        String industry = freshIndustry();
        String firm = TestFirms.archive("临山镇丁", "330281100203", industry, 1, 1);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "uscc",
                        TestFirms.broken(firm),
                        "amount",
                        -1,
                        "financedOn",
                        LocalDate.now(ServiceClock.CHINA).plusDays(5).toString()))
                .post("/api/v1/financing-reports")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("uscc", "amount", "financedOn"));
        // shared accounts report nothing; only lenders report
        given().header("Authorization", bearer(SHARED_COUNTER))
                .contentType("application/json")
                .body(Map.of("uscc", firm, "amount", 1, "financedOn", "2026-01-05"))
                .post("/api/v1/financing-reports")
                .then()
                .statusCode(403);
        for (String user : List.of(CREDIT_ADMIN, GOV_CLERK)) {
            given().header("Authorization", bearer(user))
                    .contentType("application/json")
                    .body(Map.of("uscc", firm, "amount", 1, "financedOn", "2026-01-05"))
                    .post("/api/v1/financing-reports")
                    .then()
                    .statusCode(403);
        }
        given().header("Authorization", bearer(GOV_CLERK))
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("division", "999999")
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("division"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("grade", "E")
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("grade"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("industry", industry)
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(200)
                .body("items.uscc", Matchers.hasItem(firm));
    }

    @Test
    void gradeFollowsTheFeedsAndFiltersTheList() {
        String industry = freshIndustry();
        String firm = TestFirms.archive("小曹娥镇评分厂", "330281102", industry, 200_000, 12);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("industry", industry)
                .queryParam("grade", "D")
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(200)
                .body("items.uscc", contains(firm));
        String asOf = LocalDate.now(ServiceClock.CHINA).minusDays(10).toString();
        feed(
                "market-regulation",
                asOf,
                "uscc,registrationStatus,annualReportFiled,abnormalListed\n" + firm + ",ACTIVE,true,false\n");
        feed("tax", asOf, "uscc,creditGrade,arrears\n" + firm + ",A,0\n");
        feed("social-insurance", asOf, "uscc,insuredHeadcount\n" + firm + ",12\n");
        // 15 years + 25 tax + 10 listing + 10 arrears + 6 headcount + 4 utilities + 4 cross-checks = 74
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("industry", industry)
                .queryParam("grade", "B")
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(200)
                .body("items.uscc", contains(firm))
                .body("items[0].grade", equalTo("B"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/enterprises/" + firm)
                .then()
                .statusCode(200)
                .body("details.scoreCard.total", equalTo(74))
                .body("details.scoreCard.indicators", Matchers.hasSize(8));
        feed("courts", asOf, "uscc,dishonestDebtor\n" + firm + ",true\n");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("industry", industry)
                .queryParam("grade", "D")
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(200)
                .body("items.uscc", contains(firm));
    }

    private static void feed(String source, String asOf, String csv) {
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType("text/csv")
                .body(csv)
                .queryParam("asOf", asOf)
                .post("/api/v1/feeds/" + source)
                .then()
                .statusCode(200)
                .body("stored", equalTo(1));
    }
}
