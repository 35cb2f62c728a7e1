package org.ruralcredit.system.hostile;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * Real records the system tests work on, made through the services' own APIs from the corpus's
 * valid bodies: a household of 临山镇 (which the moral bank learns from registry.household.v1),
 * an archived firm of 临山镇 and a loan the lender reported to the gateway.
 */
public final class Fixtures {

    private final RequestBodies bodies;

    public Fixtures() throws IOException {
        this.bodies = new RequestBodies(HostileCorpus.load(), new Placeholders(System.nanoTime(), Map.of()), "");
    }

    /** A record made through a service's API: its id and the body that made it. */
    public record Created(String id, JsonNode body) {}

    /** A new household in the registry, once the moral bank knows it too. */
    public String household(String registryUrl, String moralityUrl) throws InterruptedException {
        return householdKnownToMorality(registryUrl, moralityUrl).id();
    }

    /** The same, with the body that made it (its head's resident ID at /file/members/0/residentId). */
    public Created householdKnownToMorality(String registryUrl, String moralityUrl) throws InterruptedException {
        Created household = householdInRegistry(registryUrl);
        await(
                moralityUrl,
                "/api/v1/households/{id}/profile",
                household.id(),
                "the moral bank did not learn household " + household.id() + " from registry.household.v1");
        return household;
    }

    /** Waits until credit-rating has rated the household (from registry.household.v1). */
    public void awaitRated(String ratingUrl, String householdId) throws InterruptedException {
        await(
                ratingUrl,
                "/api/v1/households/{id}/rating",
                householdId,
                "credit-rating did not rate household " + householdId + " from registry.household.v1");
    }

    private static void await(String baseUrl, String path, String id, String failure) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (given().baseUri(baseUrl)
                            .header("Authorization", bearer(CREDIT_ADMIN))
                            .get(path, id)
                            .statusCode()
                    == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(failure);
    }

    /** A new household in the registry alone. */
    public Created householdInRegistry(String registryUrl) {
        return created(registryUrl, OFFICIAL_LINSHAN, "/api/v1/households", "household", "id");
    }

    /** A new household's file posted to the registry, whatever the answer: for the fault suites. */
    public Response postHousehold(String registryUrl) {
        return postHousehold(registryUrl, bearer(OFFICIAL_LINSHAN));
    }

    /** The same, with the given {@code Authorization} header value. */
    public Response postHousehold(String registryUrl, String authorization) {
        return posted(registryUrl, authorization, "/api/v1/households", "household")
                .response();
    }

    private record Posted(Response response, JsonNode body) {}

    /**
     * Posts a fresh corpus body. The test databases keep every earlier run's households, so a
     * random resident ID now and then names a person already on file; such a body is made afresh
     * (that refusal is the registry being right, not the test's subject).
     */
    private Posted posted(String baseUrl, String authorization, String path, String body) {
        for (int attempt = 1; ; attempt++) {
            JsonNode json = bodies.json(HostileCorpus.JSON.createObjectNode().put("body", body));
            Response response = given().baseUri(baseUrl)
                    .header("Authorization", authorization)
                    .contentType("application/json")
                    .body(json.toString())
                    .post(path);
            if (attempt == 5
                    || response.statusCode() != 409
                    || !response.asString().contains("\"person.filed-elsewhere\"")) {
                return new Posted(response, json);
            }
        }
    }

    /**
     * A new loan the loan officer reported to the gateway; its loan number. The gateway takes a loan
     * only for a borrower the institution queried, so the officer first records the borrower's
     * loan-application consent and asks for its report.
     */
    public String loan(String gatewayUrl) {
        String ref = bodies.resolveText("${ref}");
        JsonNode json = bodies.json(HostileCorpus.JSON.createObjectNode().put("body", "loan"));
        String consent = given().baseUri(gatewayUrl)
                .header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        json.path("subjectType").asText(),
                        "subjectId",
                        json.path("subjectId").asText(),
                        "purpose",
                        "LOAN_APPLICATION",
                        "signedOn",
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString(),
                        "expiresOn",
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString(),
                        "letterSha256",
                        "ab".repeat(32)))
                .post("/api/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Response query = given().baseUri(gatewayUrl)
                .header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(Map.of("consentId", consent, "purpose", "LOAN_APPLICATION"))
                .post("/api/v1/reports/households");
        assertEquals(200, query.statusCode(), "the query before lending was refused: " + query.asString());
        Response response = given().baseUri(gatewayUrl)
                .header("Authorization", bearer(LOAN_OFFICER))
                .contentType("application/json")
                .body(json.toString())
                .put("/api/v1/loans/{ref}", ref);
        assertEquals(201, response.statusCode(), "the unbroken loan body was refused: " + response.asString());
        return ref;
    }

    /** A new firm in the archive; its credit code. */
    public String firm(String smeUrl) {
        return created(smeUrl, CREDIT_ADMIN, "/api/v1/enterprises", "firm", "uscc")
                .id();
    }

    /** Posts a corpus body unbroken: it must be accepted, or the tests built on it would prove nothing. */
    private Created created(String baseUrl, String user, String path, String body, String idField) {
        Posted posted = posted(baseUrl, bearer(user), path, body);
        Response response = posted.response();
        assertEquals(201, response.statusCode(), "the unbroken " + body + " body was refused: " + response.asString());
        return new Created(response.path(idField), posted.body());
    }
}
