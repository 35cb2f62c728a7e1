package org.ruralcredit.system.authz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.ruralcredit.system.ServiceProcess;
import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.hostile.Fixtures;
import org.ruralcredit.testing.DemoUsers;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * Every operation of every service, listed from the service's own OpenAPI document, called by
 * every demo user and by nobody: who gets through must be exactly what
 * src/test/resources/authz/matrix.json declares. An operation the matrix does not declare fails
 * the test, so a new endpoint cannot ship without a decision on who may call it. Path parameters
 * of reads name real records of 临山镇, so a user of another township meets the division checks;
 * writes go out with empty bodies and unknown ids, so an allowed call stores nothing.
 */
@SharedStack.Uses
class AuthorizationMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
    private static JsonNode matrix;
    private static Map<String, String> fixtures;

    @BeforeAll
    static void startServices() throws Exception {
        SharedStack.start();
        for (String module : List.of(
                SharedStack.REGISTRY, SharedStack.RATING, SharedStack.MORALITY, SharedStack.SME, SharedStack.GATEWAY)) {
            SERVICES.put(module, SharedStack.service(module));
        }
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/authz/matrix.json")) {
            matrix = JSON.readTree(in);
        }
        Fixtures make = new Fixtures();
        fixtures = Map.of(
                "${household}",
                make.household(url("farmer-registry"), url("morality-score")),
                "${firm}",
                make.firm(url("sme-archive")));
    }

    @Test
    void whoGetsThroughIsWhatTheMatrixDeclares() throws IOException {
        List<String> callers = new ArrayList<>();
        matrix.get("callers").forEach(c -> callers.add(c.asText()));
        List<String> problems = new ArrayList<>();
        ObjectNode observed = JSON.createObjectNode();
        int calls = 0;
        for (String service : SERVICES.keySet()) {
            JsonNode declared = matrix.path("services").path(service);
            ObjectNode seen = observed.putObject(service);
            SortedSet<Endpoint> endpoints = endpointsOf(service);
            for (Endpoint endpoint : endpoints) {
                String path = endpoint.concretePath(parameters(service, endpoint.method()));
                int anonymous = call(service, endpoint.method(), path, null);
                calls++;
                if (anonymous != 401 && !isPublic(endpoint)) {
                    problems.add(
                            endpoint.service() + " " + endpoint.key() + ": no token -> " + anonymous + ", not 401");
                }
                List<String> allowed = new ArrayList<>();
                for (String caller : callers) {
                    int status = call(service, endpoint.method(), path, caller);
                    calls++;
                    if (status >= 500) {
                        problems.add(endpoint.service() + " " + endpoint.key() + ": " + caller + " -> " + status);
                    }
                    if (status != 401 && status != 403) {
                        allowed.add(caller);
                    }
                }
                seen.putPOJO(endpoint.key(), allowed);
                JsonNode expected = declared.get(endpoint.key());
                if (expected == null) {
                    problems.add(endpoint.service() + " " + endpoint.key()
                            + " is not declared in authz/matrix.json (allowed now: " + allowed + ")");
                } else {
                    List<String> expectedCallers = new ArrayList<>();
                    expected.forEach(c -> expectedCallers.add(c.asText()));
                    if (!new TreeSet<>(expectedCallers).equals(new TreeSet<>(allowed))) {
                        problems.add(endpoint.service() + " " + endpoint.key() + ": declared " + expectedCallers
                                + ", allowed " + allowed);
                    }
                }
            }
            declared.fieldNames().forEachRemaining(key -> {
                if (endpoints.stream().noneMatch(e -> e.key().equals(key))) {
                    problems.add(service + " " + key + " is declared but the service has no such operation");
                }
            });
        }
        Path out = Path.of("target", "authz-observed.json");
        Files.createDirectories(out.getParent());
        JSON.writeValue(out.toFile(), observed);
        assertTrue(calls > 0);
        if (!problems.isEmpty()) {
            fail(problems.size() + " authorization mismatch(es) in " + calls + " calls (observed matrix: "
                    + out.toAbsolutePath() + "):\n" + String.join("\n", problems));
        }
    }

    @Test
    void forgedExpiredForeignAndNonAccessTokensAreRefusedEverywhere() throws InterruptedException {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("expired", ForgedTokens.expired(DemoUsers.CREDIT_ADMIN));
        forged.put("another realm", ForgedTokens.otherRealm());
        forged.put("not a JWT", "not-a-token");
        for (String service : SERVICES.keySet()) {
            JsonNode probe = matrix.path("probes").path(service);
            String real = DemoUsers.tokenOf(probe.get("user").asText());
            Map<String, String> tokens = new LinkedHashMap<>(forged);
            tokens.put("tampered signature", ForgedTokens.tamperedSignature(real));
            tokens.put("tampered payload", ForgedTokens.tamperedPayload(real));
            tokens.put("alg none", ForgedTokens.algNone(real));
            tokens.put(
                    "an ID token", ForgedTokens.otherTokenOf(probe.get("user").asText(), "id_token"));
            tokens.put(
                    "a refresh token",
                    ForgedTokens.otherTokenOf(probe.get("user").asText(), "refresh_token"));
            assertEquals(
                    200, status(service, probe.get("path").asText(), real), service + ": the real token must pass");
            tokens.forEach((kind, token) -> assertEquals(
                    401,
                    status(service, probe.get("path").asText(), token),
                    service + ": a token that is " + kind + " must get 401"));
        }
    }

    private static int status(String service, String path, String token) {
        return given().baseUri(url(service))
                .header("Authorization", "Bearer " + token)
                .get(path)
                .statusCode();
    }

    private static SortedSet<Endpoint> endpointsOf(String service) {
        JsonNode document = given().baseUri(SERVICES.get(service).managementUrl())
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class);
        TreeSet<Endpoint> endpoints = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                        endpoints.add(new Endpoint(service, method.toUpperCase(Locale.ROOT), path.getKey()));
                    }
                }));
        assertTrue(endpoints.size() > 0, service + " lists no operations");
        return endpoints;
    }

    /** Reads name the fixtures; every other method gets a fresh unknown id where a fixture id would go. */
    private static Map<String, String> parameters(String service, String method) {
        Map<String, String> values = new TreeMap<>();
        matrix.path("parameters").path(service).properties().forEach(p -> {
            String value =
                    fixtures.getOrDefault(p.getValue().asText(), p.getValue().asText());
            boolean fixture = fixtures.containsKey(p.getValue().asText());
            values.put(
                    p.getKey(),
                    fixture && !method.equals("GET") && value.length() == 36
                            ? UUID.randomUUID().toString()
                            : value);
        });
        return values;
    }

    private static boolean isPublic(Endpoint endpoint) {
        for (JsonNode p : matrix.path("public")) {
            if (p.asText().equals(endpoint.service() + " " + endpoint.key())) {
                return true;
            }
        }
        return false;
    }

    private static int call(String service, String method, String path, String caller) {
        var request = given().baseUri(url(service)).urlEncodingEnabled(false);
        if (caller != null) {
            request.header("Authorization", bearer(caller));
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.contentType("application/json").body("{}");
        }
        return request.request(method, path).statusCode();
    }

    private static String url(String service) {
        return SERVICES.get(service).baseUrl();
    }
}
