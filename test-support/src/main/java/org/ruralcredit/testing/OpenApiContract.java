package org.ruralcredit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The API contract of a service: the document it serves at {@code /q/openapi} is the one checked
 * in at {@code api/<service>.json} (run the test with {@code -Dapi.update=true} to write it after
 * a deliberate change, then review the diff), and it holds the rules every document keeps.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Schema names that only a framework class would bring (Qute's engine, Jackson's tree, JAX-RS types). */
    private static final Pattern FRAMEWORK = Pattern.compile(
            "Engine.*|.*Impl|TemplateInstance.*|Template|ValueResolver.*|TraceManager.*|SectionHelper.*|JsonNode.*|"
                    + "ObjectNode|ArrayNode|Response|StatusType|Family|Variant|MultivaluedMap.*|EntityTag|Link|NewCookie|MediaType");

    private OpenApiContract() {}

    /** The checked-in document of a service, under the repository's {@code api/}. */
    public static Path checkedIn(String service) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("api"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no api/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("api").resolve(service + ".json");
    }

    /** Fetches the served document (the management interface of the service under test) and holds it to the checked-in one and the rules. */
    public static void assertServedDocumentIsCheckedIn(String service) {
        String served = Management.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, Object> document = read(served);
        String normalised = write(document);
        Path file = checkedIn(service);
        if (Boolean.getBoolean("api.update")) {
            try {
                Files.writeString(file, normalised, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> broken = rulesBroken(document);
        assertEquals(List.of(), broken, "the served document breaks the contract's rules");
        String expected;
        try {
            expected = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            fail("no checked-in document " + file + ": run this test with -Dapi.update=true and commit it");
            return;
        }
        assertEquals(
                write(read(expected)),
                normalised,
                "the served document differs from " + file
                        + "; if the change is deliberate, run this test with -Dapi.update=true, review the diff and note "
                        + "any breaking change in api/CHANGELOG.md");
    }

    /** The rules every document keeps: unique operationIds, a bearer scheme and the error answers on /api, no framework types. */
    @SuppressWarnings("unchecked")
    public static List<String> rulesBroken(Map<String, Object> document) {
        List<String> broken = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) op;
            String where = method.toUpperCase(Locale.ROOT) + " " + path;
            Object id = operation.get("operationId");
            if (!(id instanceof String s) || s.isBlank()) {
                broken.add(where + ": no operationId");
            } else if (!ids.add(s)) {
                broken.add(where + ": operationId " + s + " used twice");
            }
            if (operation.get("tags") == null) {
                broken.add(where + ": no tag");
            }
            Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
            if (!path.startsWith("/q/")) {
                if (operation.get("security") == null) {
                    broken.add(where + ": no security requirement");
                }
                for (String status : List.of("400", "401", "403")) {
                    if (!responses.containsKey(status)) {
                        broken.add(where + ": does not document " + status);
                    }
                }
            }
            if (method.equals("post")
                    && responses.containsKey("201")
                    && !((Map<String, Object>) responses.get("201")).containsKey("headers")) {
                broken.add(where + ": answers 201 without documenting Location");
            }
        }));
        Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
        ((Map<String, Object>) components.getOrDefault("schemas", Map.of()))
                .keySet().stream()
                        .filter(name -> FRAMEWORK.matcher(name).matches())
                        .forEach(name -> broken.add("schema " + name + " is a framework class"));
        return broken;
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Map<String, Object> document) {
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
