package org.ruralcredit.gateway.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.ruralcredit.gateway.rest.GatewayFixtures.TODAY;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.GOV_CLERK;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** Each request's bad fields answer their catalogue code and the arguments it names, all in one 400. */
@QuarkusTest
class FieldCodesTest {

    private static ValidatableResponse send(String user, String method, String path, Object body) {
        var request = given().header("Authorization", bearer(user)).contentType("application/json");
        if (body != null) {
            request = request.body(body);
        }
        return request.request(method, path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"));
    }

    private static String code(String field) {
        return "errors.find { it.field == '" + field + "' }.code";
    }

    private static String arg(String field, String name) {
        return "errors.find { it.field == '" + field + "' }.args." + name;
    }

    @Test
    void aLoanReportNamesEachRuleItBroke() {
        send(
                        LOAN_OFFICER,
                        "PUT",
                        "/api/v1/loans/" + TestData.loanRef(),
                        Map.of(
                                "subjectType",
                                "HOUSEHOLD",
                                "subjectId",
                                TestData.residentId(),
                                "amount",
                                "0",
                                "startDate",
                                TODAY.plusDays(1).toString(),
                                "termMonths",
                                361,
                                "purpose",
                                "x".repeat(201),
                                "annualRate",
                                "0.043501",
                                "product",
                                "x".repeat(101)))
                .body("errors.field", contains("amount", "annualRate", "product", "purpose", "startDate", "termMonths"))
                .body(code("amount"), equalTo("amount.positive"))
                .body(arg("amount", "max"), equalTo(100_000_000))
                .body(code("annualRate"), equalTo("loan.annual-rate"))
                .body(code("product"), equalTo("loan.product"))
                .body(arg("product", "max"), equalTo(100))
                .body(code("purpose"), equalTo("text.required-plain"))
                .body(arg("purpose", "max"), equalTo(200))
                .body(code("startDate"), equalTo("loan.start-in-future"))
                .body(code("termMonths"), equalTo("loan.term-months"))
                .body(arg("termMonths", "min"), equalTo(1))
                .body(arg("termMonths", "max"), equalTo(360));
        send(LOAN_OFFICER, "PUT", "/api/v1/loans/bad!ref", Map.of())
                .body(
                        "errors.field",
                        contains("amount", "loanRef", "purpose", "startDate", "subjectType", "termMonths"))
                .body(code("amount"), equalTo("amount.required"))
                .body(code("loanRef"), equalTo("loan.ref"))
                .body(arg("loanRef", "max"), equalTo(64))
                .body(code("startDate"), equalTo("field.required"))
                .body(code("subjectType"), equalTo("subject-type.required"));
    }

    @Test
    void aLoanStatusSettlementAndAdverseDecisionNameTheirBadFieldsBeforeTheLoanIsLookedUp() {
        String ref = TestData.loanRef();
        send(
                        LOAN_OFFICER,
                        "POST",
                        "/api/v1/loans/" + ref + "/status",
                        Map.of("outstanding", "-1", "overdueDays", 36_501, "classification", "坏账"))
                .body("errors.field", contains("classification", "outstanding", "overdueDays"))
                .body(code("classification"), equalTo("loan.classification"))
                .body(code("outstanding"), equalTo("amount.not-negative"))
                .body(arg("outstanding", "max"), equalTo(100_000_000))
                .body(code("overdueDays"), equalTo("loan.overdue-days"));
        send(LOAN_OFFICER, "POST", "/api/v1/loans/" + ref + "/status", Map.of())
                .body("errors.field", contains("outstanding", "overdueDays"))
                .body(code("outstanding"), equalTo("amount.required"));
        send(LOAN_OFFICER, "POST", "/api/v1/loans/" + ref + "/adverse-reports/" + UUID.randomUUID() + "/approval", null)
                .body("errors.field", contains("decision"))
                .body(code("decision"), equalTo("loan.adverse.decision-required"));
        send(
                        LOAN_OFFICER,
                        "POST",
                        "/api/v1/loans/" + ref + "/settlement",
                        Map.of("settledOn", TODAY.plusDays(1).toString()))
                .body("errors.field", contains("settledOn"))
                .body(code("settledOn"), equalTo("date.not-future"));
    }

    @Test
    void aConsentNamesEachMissingOrMalformedField() {
        send(LOAN_OFFICER, "POST", "/api/v1/consents", Map.of("letterSha256", "ab".repeat(31)))
                .body("errors.field", contains("expiresOn", "letterSha256", "purpose", "signedOn", "subjectType"))
                .body(code("expiresOn"), equalTo("field.required"))
                .body(code("letterSha256"), equalTo("consent.letter-hash"))
                .body(code("purpose"), equalTo("purpose.required"))
                .body(code("signedOn"), equalTo("field.required"))
                .body(code("subjectType"), equalTo("subject-type.required"));
        send(
                        LOAN_OFFICER,
                        "POST",
                        "/api/v1/consents",
                        Map.of(
                                "subjectType",
                                "HOUSEHOLD",
                                "subjectId",
                                TestData.residentId(),
                                "purpose",
                                "LOAN_APPLICATION",
                                "signedOn",
                                TODAY.plusDays(1).toString(),
                                "expiresOn",
                                TODAY.plusDays(30).toString(),
                                "letterSha256",
                                " " + "AB".repeat(32) + " "))
                .body("errors.field", contains("signedOn"))
                .body(code("signedOn"), equalTo("date.not-future"));
    }

    @Test
    void objectionsAndTheirAnswersNameTheirBadFields() {
        send(OFFICIAL_LINSHAN, "POST", "/api/v1/objections", Map.of("section", "loans", "text", "a<b"))
                .body("errors.field", contains("kind", "subjectType", "text"))
                .body(code("kind"), equalTo("statement.kind-required"))
                .body(code("subjectType"), equalTo("subject-type.required"))
                .body(code("text"), equalTo("text.required-plain"))
                .body(arg("text", "max"), equalTo(1000));
        // the sections in the report's order, the same on every server
        send(
                        OFFICIAL_LINSHAN,
                        "POST",
                        "/api/v1/objections",
                        Map.of(
                                "kind",
                                "OBJECTION",
                                "subjectType",
                                "HOUSEHOLD",
                                "subjectId",
                                TestData.residentId(),
                                "section",
                                "salary",
                                "text",
                                "贷款记录有误"))
                .body("errors.field", contains("section"))
                .body(code("section"), equalTo("statement.section"))
                .body(
                        arg("section", "sections"),
                        contains("identity", "household", "rating", "morality", "enterprise", "loans", "queries"));
        send(CREDIT_ADMIN, "POST", "/api/v1/objections/" + UUID.randomUUID() + "/answer", null)
                .body("errors.field", contains("answer", "outcome"))
                .body(code("answer"), equalTo("text.required-plain"))
                .body(arg("answer", "max"), equalTo(1000))
                .body(code("outcome"), equalTo("objection.outcome-required"));
    }

    @Test
    void anAwardCheckNamesItsProgrammeAndItsBatch() {
        send(GOV_CLERK, "POST", "/api/v1/award-checks/households", Map.of("programme", " \n", "residentIds", List.of()))
                .body("errors.field", contains("programme", "residentIds"))
                .body(code("programme"), equalTo("text.required-plain"))
                .body(arg("programme", "max"), equalTo(100))
                .body(code("residentIds"), equalTo("award-check.resident-ids"))
                .body(arg("residentIds", "max"), equalTo(200));
    }

    @Test
    void aReportRequestNamesItsMissingFieldsOrItsMissingBody() {
        send(LOAN_OFFICER, "POST", "/api/v1/reports/households", Map.of())
                .body("errors.field", contains("consentId", "purpose"))
                .body(code("consentId"), equalTo("field.required"))
                .body(code("purpose"), equalTo("purpose.required"));
        send(LOAN_OFFICER, "POST", "/api/v1/reports/firms", null)
                .body("errors.field", contains("body"))
                .body(code("body"), equalTo("field.required"));
    }
}
