package org.ruralcredit.console.rest;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruralcredit.console.service.ApiStub;
import org.ruralcredit.console.service.ConsoleLocale;
import org.ruralcredit.console.service.ConsoleText;
import org.ruralcredit.console.service.FieldStub;
import org.ruralcredit.console.view.FieldNames;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline field app's JSON against a stand-in platform ({@link ApiStub}, {@link FieldStub}):
 * what a device downloads, passed on with its tags, and what it sends back under its
 * Idempotency-Key, with the CSRF token of its session, answered without the file's identities.
 */
@QuarkusTest
@WithTestResource(ApiStub.class)
@TestSecurity(user = "official-linshan", roles = "township-official")
@OidcSecurity(
        claims = {
            @Claim(key = "division", value = "330281103"),
            @Claim(key = "family_name", value = "林"),
            @Claim(key = "given_name", value = "国强")
        })
class FieldAppTest {

    private static final String API = "/console/field/api";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The session's CSRF token and the cookie it must match. */
    private record Csrf(String cookie, String token) {}

    @BeforeEach
    void forget() {
        ApiStub.SEEN.clear();
    }

    private static Csrf session() {
        ExtractableResponse<Response> answer =
                given().get(API + "/session").then().statusCode(200).extract();
        return new Csrf(answer.cookie("csrf-token"), answer.path("csrf"));
    }

    private static RequestSpecification posting(String key) {
        Csrf csrf = session();
        RequestSpecification post = given().cookie("csrf-token", csrf.cookie())
                .header("X-CSRF-TOKEN", csrf.token())
                .contentType("application/json");
        return key == null ? post : post.header("Idempotency-Key", key);
    }

    private static JsonNode seenBody(String call) throws Exception {
        ApiStub.Seen seen = ApiStub.SEEN.get(call);
        assertNotNull(seen, call + " did not reach the service: " + ApiStub.SEEN.keySet());
        return JSON.readTree(seen.body());
    }

    @Test
    void theSessionSaysWhoAndGivesTheTokenOfItsCookie() {
        ExtractableResponse<Response> answer = given().get(API + "/session")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("login", equalTo("official-linshan"))
                .body("name", equalTo("林国强"))
                .body("division", equalTo("330281103"))
                .body("official", equalTo(true))
                .body("clerk", equalTo(false))
                .body("keepDays", equalTo(14))
                .extract();
        String cookie = answer.cookie("csrf-token");
        assertNotNull(cookie, "the answer sets the csrf-token cookie");
        assertEquals(cookie, answer.path("csrf"));
        // a session asked again with its cookie keeps the token the device holds
        given().cookie("csrf-token", cookie)
                .get(API + "/session")
                .then()
                .statusCode(200)
                .body("csrf", equalTo(cookie));
    }

    @Test
    void anOfficialHasTheTownshipsVillages() {
        given().get(API + "/villages")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("[0].code", equalTo("330281103201"))
                .body("[0].name", equalTo("临山村"))
                .body("[1].name", equalTo("邵家丘村"));
    }

    @Test
    void aVillagesBundleIsPassedOnWithItsTagAndA304WhileItHoldsIt() {
        String body = given().get(API + "/villages/" + FieldStub.VILLAGE + "/households?page=0&size=500")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("ETag", FieldStub.BUNDLE_TAG)
                .header("Cache-Control", "private, no-cache")
                .body("households[0].headName", equalTo("王*"))
                .extract()
                .asString();
        assertEquals(JSON.valueToTree(parse(FieldStub.BUNDLE)), JSON.valueToTree(parse(body)));
        assertNull(ApiStub.SEEN
                .get("GET /api/v1/field-bundles/" + FieldStub.VILLAGE)
                .header("If-None-Match"));

        given().header("If-None-Match", FieldStub.BUNDLE_TAG)
                .get(API + "/villages/" + FieldStub.VILLAGE + "/households?page=0&size=500")
                .then()
                .statusCode(304)
                .header("ETag", FieldStub.BUNDLE_TAG);
        assertEquals(
                FieldStub.BUNDLE_TAG,
                ApiStub.SEEN
                        .get("GET /api/v1/field-bundles/" + FieldStub.VILLAGE)
                        .header("If-None-Match"));
    }

    @Test
    void theBundleTravelsGzippedWhenTheBrowserAsks() {
        given().header("Accept-Encoding", "gzip")
                .get(API + "/villages/" + FieldStub.VILLAGE + "/households")
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip")
                .body("total", equalTo(1));
    }

    @Test
    void theFieldRulesArePassedOnWithTheirTag() {
        given().get(API + "/rules")
                .then()
                .statusCode(200)
                .header("ETag", FieldStub.RULES_TAG)
                .body("fields[1].path", equalTo("file.members[].name"));
        given().header("If-None-Match", FieldStub.RULES_TAG)
                .get(API + "/rules")
                .then()
                .statusCode(304);
    }

    @Test
    void theProposalRulesArePassedOnWithTheirTag() {
        // the stub serves every API on one port: the moral bank's /api/v1/field-rules answers as the registry's
        given().get(API + "/proposal-rules")
                .then()
                .statusCode(200)
                .header("ETag", FieldStub.RULES_TAG)
                .body("fields", not(empty()));
        given().header("If-None-Match", FieldStub.RULES_TAG)
                .get(API + "/proposal-rules")
                .then()
                .statusCode(304);
    }

    @Test
    void aServiceThatFailsIsTheConsoles503Problem() {
        given().get(API + "/villages/" + FieldStub.FAILING_VILLAGE + "/households")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("code", equalTo("console.unavailable"))
                .body("title", equalTo("服务暂时不可用，请稍后重试"));
    }

    @Test
    void theDeedRulesAreTheCataloguesRulesInThePagesLanguage() {
        given().get(API + "/deed-rules")
                .then()
                .statusCode(200)
                .body("rules", hasSize(2))
                .body("rules[0].code", equalTo("D01"))
                .body("rules[0].name", equalTo("见义勇为"))
                .body("rules[0].points", equalTo(10))
                .body("rules[0].evidenceRequired", equalTo(true))
                .body("vetoes", equalTo(null));
        given().cookie(ConsoleLocale.COOKIE, "en")
                .get(API + "/deed-rules")
                .then()
                .statusCode(200)
                .body("rules[1].name", equalTo("Volunteering"));
    }

    @Test
    void aNewFileIsForwardedUnderItsKeyAndAnsweredByItsIdAndVersionOnly() throws Exception {
        String answer = posting("device-7-create-1")
                .body("""
                        {"file":{"villageCode":"330281103201","address":"临山村王家弄12号","yearsResident":30,
                         "members":[{"name":"王建国","relation":"HEAD","residentId":"330281197001011234"}]},
                         "reason":" "}""")
                .post(API + "/households")
                .then()
                .statusCode(201)
                .body("id", equalTo(FieldStub.AT_THREE))
                .body("version", equalTo(1))
                .body("villageCode", equalTo("330281103201"))
                .body("replayed", equalTo(false))
                .extract()
                .asString();
        assertEquals(Set.of("id", "version", "villageCode", "replayed"), keys(answer));
        assertFalse(answer.contains("residentId"), answer);
        assertFalse(answer.contains("330281197001011234"), answer);
        ApiStub.Seen seen = ApiStub.SEEN.get("POST /api/v1/households");
        assertEquals("device-7-create-1", seen.header("Idempotency-Key"));
        JsonNode sent = seenBody("POST /api/v1/households");
        assertEquals(
                "330281197001011234",
                sent.path("file").path("members").get(0).path("residentId").asText());
        assertEquals("入户建档", sent.path("reason").asText(), "a blank reason is the console's default");
    }

    @Test
    void aResentFileIsTheRegistrysReplay() {
        posting(FieldStub.REPLAYED_KEY)
                .body("{\"file\":{\"villageCode\":\"330281103201\"},\"reason\":\"入户建档\"}")
                .post(API + "/households")
                .then()
                .statusCode(201)
                .body("replayed", equalTo(true));
    }

    @Test
    void aPostWithoutItsIdempotencyKeyIsRefusedAndReachesNoService() {
        posting(null)
                .body("{\"file\":{}}")
                .post(API + "/households")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("request.idempotency-key-required"))
                .body("status", equalTo(400));
        posting(null)
                .body("{\"householdId\":\"x\"}")
                .post(API + "/proposals")
                .then()
                .statusCode(400)
                .body("code", equalTo("request.idempotency-key-required"));
        assertFalse(ApiStub.SEEN.containsKey("POST /api/v1/households"));
        assertFalse(ApiStub.SEEN.containsKey("POST /api/v1/proposals"));
    }

    @Test
    void aCorrectionAtTheVersionReadSendsTheWholeFileWithTheChangeInPlace() throws Exception {
        String answer = posting("device-7-fix-1")
                .body("""
                        {"baseVersion":3,"reason":"复核",
                         "changes":{"production":{"mainBusiness":"BREEDING","scale":30,"scaleUnit":"头",
                                    "yearsExperience":2,"asOf":"2026-12-01","source":"入户走访"}}}""")
                .post(API + "/households/" + FieldStub.AT_THREE + "/corrections")
                .then()
                .statusCode(200)
                .body("id", equalTo(FieldStub.AT_THREE))
                .body("version", equalTo(4))
                .body("replayed", equalTo(false))
                .body("alreadyApplied", equalTo(false))
                .extract()
                .asString();
        assertFalse(answer.contains("residentId"), answer);
        String call = "PUT /api/v1/households/" + FieldStub.AT_THREE;
        assertEquals("device-7-fix-1", ApiStub.SEEN.get(call).header("Idempotency-Key"));
        JsonNode sent = seenBody(call);
        assertEquals(3, sent.path("expectedVersion").asInt());
        assertEquals("复核", sent.path("reason").asText());
        JsonNode file = sent.path("file");
        assertEquals("BREEDING", file.path("production").path("mainBusiness").asText());
        assertEquals("头", file.path("production").path("scaleUnit").asText());
        // the rest of the file as the registry holds it, identities in full
        assertEquals(8.5, file.path("land").path("contractedMu").asDouble());
        assertEquals("13812345678", file.path("phone").asText());
        assertEquals(2, file.path("members").size());
        assertEquals(
                "330281197203041228",
                file.path("members").get(1).path("residentId").asText());
        assertFalse(file.has("facts") || file.has("id") || file.has("version"), file.toString());
        assertFalse(file.path("members").get(0).has("age"), file.toString());
    }

    @Test
    void aResendAfterTheFileMovedOnWithTheSameValuesIsAlreadyApplied() {
        posting("device-7-fix-2")
                .body("""
                        {"baseVersion":2,
                         "changes":{"phone":"138 1234 5678","yearsResident":30.0,
                                    "land":{"contractedMu":8.50,"transferredInMu":3.5,"asOf":"2026-03-01",
                                            "source":"入户走访"}}}""")
                .post(API + "/households/" + FieldStub.AT_THREE + "/corrections")
                .then()
                .statusCode(200)
                .body("version", equalTo(3))
                .body("alreadyApplied", equalTo(true))
                .body("replayed", equalTo(false));
        assertFalse(ApiStub.SEEN.containsKey("PUT /api/v1/households/" + FieldStub.AT_THREE), "nothing filed twice");
    }

    @Test
    void aCorrectionOfAFileThatMovedOnOtherwiseIsAConflictNamingEachValue() {
        posting("device-7-fix-3")
                .body("""
                        {"baseVersion":2,"changes":{"phone":"13900001111",
                         "production":{"mainBusiness":"BREEDING","scale":12.0,"scaleUnit":"亩","yearsExperience":20,
                                       "asOf":"2026-03-01","source":"入户走访"}}}""")
                .post(API + "/households/" + FieldStub.AT_THREE + "/corrections")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("household.stale-version"))
                .body("status", equalTo(409))
                .body("title", not(equalTo("")))
                .body("baseVersion", equalTo(2))
                .body("currentVersion", equalTo(3))
                .body("fields", hasSize(2))
                .body("fields[0].path", equalTo("phone"))
                .body("fields[0].mine", equalTo("13900001111"))
                .body("fields[0].theirs", equalTo("138****5678"))
                .body("fields[1].path", equalTo("production.mainBusiness"))
                .body("fields[1].mine", equalTo("BREEDING"))
                .body("fields[1].theirs", equalTo("PLANTING"));
        assertFalse(ApiStub.SEEN.containsKey("PUT /api/v1/households/" + FieldStub.AT_THREE));
    }

    @Test
    void aCorrectionOvertakenBetweenReadAndWriteIsJudgedAgainstTheFileAsItIsNow() {
        posting("device-7-fix-4")
                .body("{\"baseVersion\":3,\"changes\":{\"address\":\"临山村王家弄14号\"}}")
                .post(API + "/households/" + FieldStub.OVERTAKEN + "/corrections")
                .then()
                .statusCode(409)
                .body("code", equalTo("household.stale-version"))
                .body("fields[0].path", equalTo("address"))
                .body("fields[0].theirs", equalTo("临山村王家弄12号"));
        assertTrue(ApiStub.SEEN.containsKey("PUT /api/v1/households/" + FieldStub.OVERTAKEN));
    }

    @Test
    void aCorrectionMayChangeOnlyTheFieldKeys() {
        posting("device-7-fix-5")
                .body("{\"baseVersion\":3,\"changes\":{\"address\":\"x\",\"members\":[]}}")
                .post(API + "/households/" + FieldStub.AT_THREE + "/corrections")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("field.correction-key"))
                .body("key", equalTo("members"));
        posting("device-7-fix-6")
                .body("{\"baseVersion\":3,\"changes\":{}}")
                .post(API + "/households/" + FieldStub.AT_THREE + "/corrections")
                .then()
                .statusCode(400)
                .body("code", equalTo("field.correction-empty"));
        posting("device-7-fix-7")
                .body("[1,2]")
                .post(API + "/households/" + FieldStub.AT_THREE + "/corrections")
                .then()
                .statusCode(400)
                .body("code", equalTo("body.json-required"));
        assertFalse(ApiStub.SEEN.containsKey("PUT /api/v1/households/" + FieldStub.AT_THREE));
    }

    @Test
    void aDeedProposalIsForwardedUnderItsKeyAsADeed() throws Exception {
        posting("device-7-deed-1")
                .body("""
                        {"householdId":"%s","ruleCode":"D01","deedDate":"2026-12-01",
                         "description":"救起落水儿童","evidenceNote":"村委会证明","kind":"VETO"}""".formatted(FieldStub.AT_THREE))
                .post(API + "/proposals")
                .then()
                .statusCode(201)
                .body("id", equalTo("5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c"))
                .body("status", equalTo("PENDING"))
                .body("replayed", equalTo(false));
        assertEquals(
                "device-7-deed-1", ApiStub.SEEN.get("POST /api/v1/proposals").header("Idempotency-Key"));
        JsonNode sent = seenBody("POST /api/v1/proposals");
        assertEquals("DEED", sent.path("kind").asText());
        assertEquals("D01", sent.path("ruleCode").asText());
        assertEquals("救起落水儿童", sent.path("description").asText());
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIsRefusedAndReachesNoService() {
        Csrf csrf = session();
        given().cookie("csrf-token", csrf.cookie())
                .contentType("application/json")
                .header("Idempotency-Key", "device-7-deed-2")
                .body("{\"householdId\":\"x\",\"ruleCode\":\"D01\"}")
                .post(API + "/proposals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("console.csrf-token"));
        given().cookie("csrf-token", csrf.cookie())
                .header("X-CSRF-TOKEN", "not-" + csrf.token())
                .contentType("application/json")
                .header("Idempotency-Key", "device-7-deed-3")
                .body("{\"householdId\":\"x\",\"ruleCode\":\"D01\"}")
                .post(API + "/proposals")
                .then()
                .statusCode(400);
        assertFalse(ApiStub.SEEN.containsKey("POST /api/v1/proposals"));
    }

    @Test
    void thePageCarriesTheWordsOfTheFieldsAndTheAppsTexts() {
        String page = given().get("/console/field/app")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .extract()
                .asString();
        assertTrue(page.contains("\"file.members[].name\":\"" + words("members.name") + "\""), page);
        assertTrue(page.contains("\"file.production.mainBusiness\":\""), page);
        assertTrue(page.contains("\"fieldapp.state.pending\":\"待同步\""), page);
        assertFalse(page.contains("\"field.measure\""), "the app's texts only, not the rating tables' column names");
        assertTrue(page.contains("data-official=\"true\""), page);
    }

    @Test
    void thePageAsksForTheFieldRulesByTheTagItHoldsAndKeepsTheirWordsOnA304() {
        given().get("/console/field/app").then().statusCode(200);
        ApiStub.SEEN.clear();
        String page = given().get("/console/field/app")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        ApiStub.Seen asked = ApiStub.SEEN.get("GET /api/v1/field-rules");
        assertNotNull(asked, "the page asks whether the rules changed: " + ApiStub.SEEN.keySet());
        assertEquals(FieldStub.RULES_TAG, asked.header("If-None-Match"));
        assertTrue(page.contains("\"file.members[].name\":\"" + words("members.name") + "\""), page);
    }

    @Test
    @TestSecurity(user = "loan-officer", roles = "lender")
    @OidcSecurity(claims = @Claim(key = "institution", value = "YYRCB"))
    void aLenderHasNoFieldApp() {
        given().get(API + "/session")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("console.field-role"));
        given().get(API + "/villages/" + FieldStub.VILLAGE + "/households")
                .then()
                .statusCode(403)
                .body("code", equalTo("console.field-role"));
        given().get("/console/field/app")
                .then()
                .statusCode(403)
                .contentType(startsWith("text/html"))
                .body(containsString("无权访问"));
        assertFalse(ApiStub.SEEN.containsKey("GET /api/v1/field-bundles/" + FieldStub.VILLAGE));
    }

    @Test
    @TestSecurity(user = "clerk-linshan", roles = "village-clerk")
    @OidcSecurity(claims = @Claim(key = "division", value = "330281103201"))
    void aClerkHasTheOwnVillage() {
        given().get(API + "/session").then().statusCode(200).body("clerk", equalTo(true));
        given().get(API + "/villages")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].name", equalTo("临山村"));
    }

    @Test
    void anUnknownAddressOfTheApiIsAProblemToo() {
        given().get(API + "/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("console.refused"));
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> keys(String json) throws Exception {
        Set<String> keys = new TreeSet<>();
        JSON.readTree(json).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The words the page gives a field path, as the console's FieldNames makes them from the page's texts. */
    private static String words(String path) {
        Map<String, String> zh = new ConsoleText().of("zh");
        return FieldNames.of(path, k -> zh.getOrDefault(k, k));
    }
}
