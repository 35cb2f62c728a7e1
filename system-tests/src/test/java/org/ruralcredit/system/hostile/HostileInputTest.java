package org.ruralcredit.system.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ruralcredit.system.ServiceProcess;
import org.ruralcredit.system.TestDatabase;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The hostile-input corpus against the packaged services running as their own processes: every
 * request is refused with a 4xx problem+json that names no class and shows no stack trace, no
 * table of the service's database gains or loses a row, and the service stays ready.
 */
class HostileInputTest {

    private static final Pattern LEAK = Pattern.compile("Exception|\\bat (java|org|com|io)\\.|\\.java:\\d+");
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** Every non-ASCII character as a \\u escape: a lone surrogate reaches the service as such. */
    private static final ObjectWriter ESCAPED = HostileCorpus.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
    private static final Map<String, TableCounts> DATABASES = new HashMap<>();
    private static HostileCorpus corpus;
    private static RequestBodies bodies;

    @BeforeAll
    static void startServicesAndFixtures() throws Exception {
        SERVICES.put("farmer-registry", new ServiceProcess("farmer-registry", 18081).start());
        SERVICES.put("morality-score", new ServiceProcess("morality-score", 18083).start());
        SERVICES.put("sme-archive", new ServiceProcess("sme-archive", 18084).start());
        DATABASES.put("farmer-registry", new TableCounts(TestDatabase.REGISTRY));
        DATABASES.put("morality-score", new TableCounts(TestDatabase.MORALITY));
        DATABASES.put("sme-archive", new TableCounts(TestDatabase.SME));
        corpus = HostileCorpus.load();

        Fixtures fixtures = new Fixtures();
        String household = fixtures.household(url("farmer-registry"), url("morality-score"));
        String firm = fixtures.firm(url("sme-archive"));
        String template = given().baseUri(url("farmer-registry")).header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/imports/template.csv").then().statusCode(200).extract().asString();
        String header = template.replace("\uFEFF", "").lines().findFirst().orElseThrow();
        bodies = new RequestBodies(corpus, new Placeholders(System.nanoTime(), Map.of("household", household, "firm", firm)), header);
        for (TableCounts counts : DATABASES.values()) {
            counts.awaitQuiet(Duration.ofSeconds(3), Duration.ofSeconds(60));
        }
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (ServiceProcess service : SERVICES.values()) {
            service.close();
        }
    }

    @Test
    void theCorpusIsLargeEnough() {
        assertTrue(corpus.cases().size() >= 200, "the corpus has only " + corpus.cases().size() + " requests");
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIsRefusedAndNothingIsStored() {
        return corpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.service() + " · " + c.name(), () -> refused(c)));
    }

    private static void refused(HostileCorpus.Case c) throws Exception {
        TableCounts db = DATABASES.get(c.service());
        Map<String, Long> before = db.counts();
        Response response = send(c);
        int status = response.statusCode();
        String body = response.asString();
        String context = c.method() + " " + c.path() + " -> " + status + " " + abbreviate(body);
        assertTrue(status >= 400 && status < 500, "not a client error: " + context);
        if (c.expectedStatus() != null) {
            assertEquals(c.expectedStatus(), status, context);
        }
        assertTrue(String.valueOf(response.contentType()).startsWith("application/problem+json"), "not problem+json: " + context);
        assertFalse(LEAK.matcher(body).find(), "leaks internals: " + context);
        assertEquals(before, db.counts(), "rows changed: " + context);
        given().baseUri(url(c.service())).get("/q/health/ready").then().statusCode(200);
    }

    private static Response send(HostileCorpus.Case c) throws java.io.IOException {
        JsonNode d = c.definition();
        RequestSpecification request = given().config(RAW).baseUri(url(c.service())).urlEncodingEnabled(false);
        if (c.user() != null) {
            request.header("Authorization", bearer(c.user()));
        }
        String generate = d.path("generate").asText("");
        if (d.has("multipart")) {
            JsonNode part = d.get("multipart");
            String spec = part.get("generate").asText();
            byte[] content = spec.startsWith("zip") ? bodies.zip(spec) : bodies.generated(spec);
            request.multiPart(part.path("field").asText("file"), part.get("fileName").asText(), content,
                    part.path("contentType").asText("text/csv"));
        } else if (d.has("raw")) {
            request.contentType(d.path("contentType").asText("application/json"))
                    .body(bodies.resolveText(d.get("raw").asText()).getBytes(StandardCharsets.UTF_8));
        } else if (!generate.isEmpty() && !generate.startsWith("members:")) {
            request.contentType(d.path("contentType").asText("application/json")).body(bodies.generated(generate));
        } else if (d.has("body") || d.has("json")) {
            request.contentType(d.path("contentType").asText("application/json"))
                    .body(ESCAPED.writeValueAsBytes(bodies.json(d)));
        }
        return request.request(c.method(), bodies.resolveText(c.path()));
    }

    private static String url(String service) {
        return SERVICES.get(service).baseUrl();
    }

    private static String abbreviate(String body) {
        return body.length() <= 400 ? body : body.substring(0, 400) + "…";
    }

}
