package org.ruralcredit.system.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.ruralcredit.system.ServiceProcess;
import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.TestDatabase;
import org.ruralcredit.testing.DemoUsers;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * The hostile-input corpus against the packaged services running as their own processes: every
 * request is refused with a 4xx problem+json that names no class and shows no stack trace, no
 * table of the service's database gains or loses a row, and the service stays ready.
 *
 * <p>Every table of every database a request could write is compared, none left out: the
 * service's own and, for the gateway, sme-archive's too (the gateway passes firms' award checks
 * and financing reports through to it). credit-rating and the gateway also write in the
 * background, from Kafka (ratings, inbox, warnings), so the fixtures wait until the new
 * household is rated and then every database is quiet at once before the first request; nothing
 * the corpus sends produces an event, so nothing can move a table behind a request's back.
 */
@SharedStack.Uses
class HostileInputTest {

    private static final Pattern LEAK = Pattern.compile("Exception|\\bat (java|org|com|io)\\.|\\.java:\\d+");
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** Every non-ASCII character as a \\u escape: a lone surrogate reaches the service as such. */
    private static final ObjectWriter ESCAPED = HostileCorpus.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
    /** Per service, the databases its requests could write. */
    private static final Map<String, List<TableCounts>> DATABASES = new HashMap<>();

    private static HostileCorpus corpus;
    private static RequestBodies bodies;

    @BeforeAll
    static void startServicesAndFixtures() throws Exception {
        SharedStack.start();
        for (String module : List.of(
                SharedStack.REGISTRY, SharedStack.MORALITY, SharedStack.SME, SharedStack.RATING, SharedStack.GATEWAY)) {
            SERVICES.put(module, SharedStack.service(module));
        }
        TableCounts registry = new TableCounts(TestDatabase.REGISTRY);
        TableCounts morality = new TableCounts(TestDatabase.MORALITY);
        TableCounts sme = new TableCounts(TestDatabase.SME);
        TableCounts rating = new TableCounts(TestDatabase.RATING);
        TableCounts gateway = new TableCounts(TestDatabase.GATEWAY);
        DATABASES.put("farmer-registry", List.of(registry));
        DATABASES.put("morality-score", List.of(morality));
        DATABASES.put("sme-archive", List.of(sme));
        DATABASES.put("credit-rating", List.of(rating));
        DATABASES.put("gateway", List.of(gateway, sme));
        corpus = HostileCorpus.load();

        Fixtures fixtures = new Fixtures();
        Fixtures.Created created = fixtures.householdKnownToMorality(url("farmer-registry"), url("morality-score"));
        String household = created.id();
        String head = created.body().at("/file/members/0/residentId").asText();
        fixtures.awaitRated(url("credit-rating"), household);
        String firm = fixtures.firm(url("sme-archive"));
        String loan = fixtures.loan(url("gateway"));
        String template = given().baseUri(url("farmer-registry"))
                .header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/imports/template.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String header = template.replace("\uFEFF", "").lines().findFirst().orElseThrow();
        bodies = new RequestBodies(
                corpus,
                new Placeholders(
                        System.nanoTime(), Map.of("household", household, "head", head, "firm", firm, "loan", loan)),
                header);
        TableCounts.awaitQuiet(
                List.of(registry, morality, sme, rating, gateway), Duration.ofSeconds(5), Duration.ofSeconds(180));
    }

    @Test
    void theCorpusIsLargeEnough() {
        Map<String, Long> perService = new TreeMap<>();
        corpus.cases().forEach(c -> perService.merge(c.service(), 1L, Long::sum));
        System.out.println("hostile corpus: " + corpus.cases().size() + " requests " + perService);
        assertTrue(
                corpus.cases().size() >= 200,
                "the corpus has only " + corpus.cases().size() + " requests");
        for (String service : SERVICES.keySet()) {
            assertTrue(
                    perService.getOrDefault(service, 0L) >= 30,
                    "the corpus sends " + service + " only " + perService.getOrDefault(service, 0L) + " requests");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIsRefusedAndNothingIsStored() {
        return corpus.cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.service() + " · " + c.name(), () -> refused(c)));
    }

    private static void refused(HostileCorpus.Case c) throws Exception {
        Map<String, Map<String, Long>> before = counts(c.service());
        Response response = send(c);
        int status = response.statusCode();
        String body = response.asString();
        String context = c.method() + " " + c.path() + " -> " + status + " " + abbreviate(body);
        assertTrue(status >= 400 && status < 500, "not a client error: " + context);
        if (c.expectedStatus() != null) {
            assertEquals(c.expectedStatus(), status, context);
        }
        assertTrue(
                String.valueOf(response.contentType()).startsWith("application/problem+json"),
                "not problem+json: " + context);
        assertFalse(LEAK.matcher(body).find(), "leaks internals: " + context);
        assertEquals(before, counts(c.service()), "rows changed: " + context);
        given().baseUri(SERVICES.get(c.service()).managementUrl())
                .get("/q/health/ready")
                .then()
                .statusCode(200);
    }

    private static Response send(HostileCorpus.Case c) throws IOException {
        JsonNode d = c.definition();
        RequestSpecification request =
                given().config(RAW).baseUri(url(c.service())).urlEncodingEnabled(false);
        if (c.user() != null) {
            // "service:<client>" calls with that service's own token (client credentials)
            request.header(
                    "Authorization",
                    c.user().startsWith("service:")
                            ? DemoUsers.serviceBearer(c.user().substring("service:".length()))
                            : bearer(c.user()));
        }
        String generate = d.path("generate").asText("");
        if (d.has("multipart")) {
            JsonNode part = d.get("multipart");
            String spec = part.get("generate").asText();
            byte[] content = spec.startsWith("zip") ? bodies.zip(spec) : bodies.generated(spec);
            request.multiPart(
                    part.path("field").asText("file"),
                    part.get("fileName").asText(),
                    content,
                    part.path("contentType").asText("text/csv"));
        } else if (d.has("raw")) {
            request.contentType(d.path("contentType").asText("application/json"))
                    .body(bodies.resolveText(d.get("raw").asText()).getBytes(StandardCharsets.UTF_8));
        } else if (!generate.isEmpty() && !generate.startsWith("members:")) {
            request.contentType(d.path("contentType").asText("application/json"))
                    .body(bodies.generated(generate));
        } else if (d.has("body") || d.has("json")) {
            request.contentType(d.path("contentType").asText("application/json"))
                    .body(ESCAPED.writeValueAsBytes(bodies.json(d)));
        }
        return request.request(c.method(), bodies.resolveText(c.path()));
    }

    /** Per database (by name), per table, the row count. */
    private static Map<String, Map<String, Long>> counts(String service) throws SQLException {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (TableCounts db : DATABASES.get(service)) {
            counts.put(db.toString(), db.counts());
        }
        return counts;
    }

    private static String url(String service) {
        return SERVICES.get(service).baseUrl();
    }

    private static String abbreviate(String body) {
        return body.length() <= 400 ? body : body.substring(0, 400) + "…";
    }
}
