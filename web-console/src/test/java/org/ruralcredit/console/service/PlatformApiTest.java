package org.ruralcredit.console.service;

import java.nio.charset.StandardCharsets;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed clients against a stand-in platform ({@link ApiStub}): what a page sends (the signed-in
 * person's own token, the page's language) and how each kind of answer reaches it as an
 * {@link ApiAnswer} (a problem+json refusal intact, a service that is not there or too slow as the 503
 * answer, a download as bytes, an upload as its multipart part).
 */
@QuarkusTest
@WithTestResource(ApiStub.class)
@TestSecurity(user = "clerk-linshan", roles = "village-clerk")
@OidcSecurity(claims = @Claim(key = "division", value = "330281103201"))
class PlatformApiTest {

    private static final String HOUSEHOLD = "9d3c2b1a-4e5f-4a6b-8c7d-0e1f2a3b4c5d";

    @Test
    void theSignedInPersonsTokenAndThePagesLanguageReachTheService() {
        String token = given().get("/console/test-calls/token")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        given().get("/console/test-calls/household/" + HOUSEHOLD)
                .then()
                .statusCode(200)
                .body("status", equalTo(200))
                .body("id", equalTo(HOUSEHOLD));
        ApiStub.Seen seen = ApiStub.SEEN.get("GET /api/v1/households/" + HOUSEHOLD);
        assertEquals("Bearer " + token, seen.header("Authorization"));
        assertEquals("zh-CN", seen.header("Accept-Language"));
        assertEquals("application/json", seen.header("Accept"));

        given().cookie(ConsoleLocale.COOKIE, "en")
                .get("/console/test-calls/household/" + HOUSEHOLD)
                .then()
                .statusCode(200);
        assertEquals(
                "en", ApiStub.SEEN.get("GET /api/v1/households/" + HOUSEHOLD).header("Accept-Language"));
    }

    @Test
    void anIdThatIsNoUuidNamesNothingAndReachesNoService() {
        ApiStub.SEEN.clear();
        given().get("/console/test-calls/household/not-an-id")
                .then()
                .statusCode(200)
                .body("status", equalTo(404))
                .body("title", equalTo("请求未被接受"));
        assertTrue(ApiStub.SEEN.isEmpty(), ApiStub.SEEN.keySet().toString());
    }

    @Test
    void aProblemRefusalArrivesWithItsCodeTitleDetailAndFields() {
        given().get("/console/test-calls/duplicate")
                .then()
                .statusCode(200)
                .body("status", equalTo(409))
                .body("code", equalTo("household.duplicate-head"))
                .body("title", equalTo("户主已有档案"))
                .body("detail", equalTo("该身份证号已是另一户的户主"))
                .body("fields[0].field", equalTo("headResidentId"))
                .body("messages", contains("已是另一户的户主"));
        ApiStub.Seen seen = ApiStub.SEEN.get("POST /api/v1/households");
        assertTrue(seen.header("Content-Type").startsWith("application/json"), seen.header("Content-Type"));
        assertTrue(
                new String(seen.body(), StandardCharsets.UTF_8).contains("\"headResidentId\":\"330281199001011234\""));
    }

    @Test
    void aServiceThatDoesNotListenIsTheUnavailableAnswer() {
        given().get("/console/test-calls/consent")
                .then()
                .statusCode(200)
                .body("status", equalTo(503))
                .body("title", equalTo("服务暂时不可用，请稍后重试"))
                .body("code", nullValue());
    }

    @Test
    void aServiceThatAnswersTooLateIsTheUnavailableAnswer() {
        given().cookie(ConsoleLocale.COOKIE, "en")
                .get("/console/test-calls/models")
                .then()
                .statusCode(200)
                .body("status", equalTo(503))
                .body("title", equalTo("The service is not available right now; try again shortly"));
    }

    @Test
    void aDownloadPassesThroughAsItsBytesAndType() {
        given().get("/console/test-calls/template")
                .then()
                .statusCode(200)
                .body("status", equalTo(200))
                .body("raw", equalTo(ApiStub.TEMPLATE))
                .body("contentType", startsWith("text/csv"));
        assertEquals(
                "text/csv", ApiStub.SEEN.get("GET /api/v1/imports/template.csv").header("Accept"));
    }

    @Test
    void anImportFileGoesAsItsMultipartPart() {
        given().get("/console/test-calls/import")
                .then()
                .statusCode(200)
                .body("status", equalTo(202))
                .body("id", equalTo("0b7d5a52-3c1e-4c39-9a51-3b8f0d2b6c11"));
        ApiStub.Seen seen = ApiStub.SEEN.get("POST /api/v1/imports");
        assertTrue(seen.header("Content-Type").startsWith("multipart/form-data"), seen.header("Content-Type"));
        String body = new String(seen.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("name=\"file\""), body);
        assertTrue(body.contains("张三,330281199001011234"), body);
    }
}
