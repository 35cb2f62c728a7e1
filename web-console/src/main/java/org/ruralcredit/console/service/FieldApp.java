package org.ruralcredit.console.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ruralcredit.console.config.ConsoleConfig;
import org.ruralcredit.console.view.FieldCorrection;
import org.ruralcredit.console.view.FieldNames;

/**
 * The offline field app's way to the platform (入户采集): what a device downloads (the village's
 * households with masked identities, the file's field rules, the deed rules) and what it sends back
 * when it is online again (new files, corrections, deed proposals), each under the device's
 * Idempotency-Key so a resend after a lost answer files nothing twice. A file's identities never
 * reach the device: a created file is answered by its id and version only, and a correction is
 * merged here into the file as the registry holds it.
 */
@RequestScoped
public class FieldApp {

    static final String JSON = "application/json";
    /** The answers passed on from a service keep these headers: validators, caching and replay. */
    static final List<String> PASSED_HEADERS = List.of("ETag", "Cache-Control", "Retry-After", "Idempotent-Replayed");

    private final FieldRulesPaths rulesPaths;
    private final PlatformApi api;
    private final ConsolePage page;
    private final Villages villages;
    private final ConsoleText text;
    private final ConsoleConfig config;
    private final FieldProblems problems;
    private final ObjectMapper json;

    public FieldApp(
            PlatformApi api,
            ConsolePage page,
            Villages villages,
            ConsoleText text,
            ConsoleConfig config,
            FieldProblems problems,
            FieldRulesPaths rulesPaths,
            ObjectMapper json) {
        this.api = api;
        this.rulesPaths = rulesPaths;
        this.page = page;
        this.villages = villages;
        this.text = text;
        this.config = config;
        this.problems = problems;
        this.json = json;
    }

    /** Officials and clerks keep files; the field app is theirs. */
    public boolean allowed() {
        return page.user().keepsFiles();
    }

    /** Who is signed in, what they may do, the CSRF token their posts send, how long the device keeps data. */
    public Response session(String csrf) {
        ConsoleUser user = page.user();
        ObjectNode session = json.createObjectNode();
        session.put("login", user.login());
        session.put("name", user.name());
        session.put("division", user.division());
        session.put("divisionName", user.divisionName());
        session.put("official", user.official());
        session.put("clerk", user.clerk());
        session.put("language", page.language());
        session.put("csrf", csrf);
        session.put("keepDays", config.field().keepDays());
        return ok(200, session);
    }

    public Response villages() {
        ArrayNode list = json.createArrayNode();
        villages.mine().forEach(v -> list.addObject().put("code", v.value()).put("name", v.label()));
        return ok(200, list);
    }

    /** A page of the village's households as the registry answers it (200 with its ETag, or 304). */
    public Response households(String village, Integer number, Integer size, String tag) {
        return passed(api.registry(r -> r.fieldBundle(village, number, size, PlatformApi.given(tag))));
    }

    /** The household file's field rules as the registry answers them (200 with its ETag, or 304). */
    public Response rules(String tag) {
        return passed(api.registry(r -> r.fieldRules(PlatformApi.given(tag))));
    }

    /** The deed proposal's field rules as the moral bank answers them (200 with its ETag, or 304). */
    public Response proposalRules(String tag) {
        return passed(api.morality(m -> m.proposalFieldRules(PlatformApi.given(tag))));
    }

    /** The deed rules of the catalogue in force, named in the page's language. */
    public Response deedRules() {
        ApiAnswer catalogue = api.morality(m -> m.catalogue());
        if (!catalogue.ok()) {
            return passed(catalogue);
        }
        boolean en = "en".equals(page.language());
        ArrayNode rules = json.createArrayNode();
        for (JsonNode r : catalogue.json().path("rules")) {
            String zh = r.path("nameZh").asText("");
            String english = r.path("nameEn").asText("");
            rules.addObject()
                    .put("code", r.path("code").asText())
                    .put("name", en && !english.isEmpty() ? english : zh.isEmpty() ? english : zh)
                    .put("points", r.path("points").asInt())
                    .put("evidenceRequired", r.path("evidenceRequired").asBoolean(false));
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("rules", rules);
        return ok(200, answer);
    }

    /** A new file from the device: answered by its id and version only, never the file (it holds full IDs). */
    public Response create(String key, JsonNode body) {
        if (key == null || key.isEmpty()) {
            return keyRequired();
        }
        ObjectNode write = json.createObjectNode();
        write.set("file", body == null ? null : body.get("file"));
        write.put("reason", reasonOr(body, "households.defaultReason"));
        ApiAnswer answer = api.registry(r -> r.createHouseholdOnce(key, write));
        if (!answer.ok()) {
            return passed(answer);
        }
        ObjectNode created = json.createObjectNode();
        created.put("id", answer.json().path("id").asText());
        created.put("version", answer.json().path("version").asInt());
        created.put("villageCode", answer.json().path("villageCode").asText());
        created.put("replayed", replayed(answer));
        return ok(answer.status(), created);
    }

    /**
     * A correction from the device: {@code changes} replaces whole keys of the file (FieldCorrection.KEYS)
     * read at {@code baseVersion}. At that version still, the file is sent back whole with the changes
     * in place; since moved on, the changes are compared with it: already in (a resend after a lost
     * answer) is answered as done, otherwise 409 with each value that differs.
     */
    public Response correct(String householdId, String key, JsonNode body) {
        if (key == null || key.isEmpty()) {
            return keyRequired();
        }
        UUID id = uuid(householdId);
        if (id == null) {
            return problems.catalogued(404, "household.not-found", Map.of("id", householdId));
        }
        JsonNode changes = body == null ? null : body.get("changes");
        if (changes == null || !changes.isObject() || changes.isEmpty()) {
            return problems.of(400, FieldProblems.CORRECTION_EMPTY, "fieldapp.problem.correctionEmpty", null);
        }
        String refused = FieldCorrection.refusedKey(changes);
        if (refused != null) {
            return problems.of(
                    400,
                    FieldProblems.CORRECTION_KEY,
                    "fieldapp.problem.correctionKey",
                    "fieldapp.problem.correctionKey.text",
                    Map.of(
                            "key",
                            refused,
                            "allowed",
                            FieldCorrection.KEYS.stream().sorted().toList()));
        }
        JsonNode base = body.get("baseVersion");
        if (base == null || !base.canConvertToInt() || !base.isIntegralNumber() || base.asInt() < 0) {
            return problems.of(400, FieldProblems.BASE_VERSION, "fieldapp.problem.baseVersion", null);
        }
        int baseVersion = base.asInt();
        ApiAnswer current = api.registry(r -> r.household(id));
        if (!current.ok()) {
            return passed(current);
        }
        if (current.json().path("version").asInt() == baseVersion) {
            ObjectNode write = json.createObjectNode();
            write.set("file", FieldCorrection.merged(FieldCorrection.fileOf(current.json()), changes));
            write.put("reason", reasonOr(body, "household.defaultCorrection"));
            write.put("expectedVersion", baseVersion);
            ApiAnswer corrected = api.registry(r -> r.correctHouseholdOnce(id, key, write));
            if (corrected.ok()) {
                ObjectNode done = json.createObjectNode();
                done.put("id", id.toString());
                done.put("version", corrected.json().path("version").asInt());
                done.put("replayed", replayed(corrected));
                done.put("alreadyApplied", false);
                return ok(corrected.status(), done);
            }
            if (corrected.status() != 409
                    || !FieldProblems.STALE.equals(corrected.json().path("code").asText())) {
                return passed(corrected);
            }
            // corrected by someone else between the read and the write: judge against the file as it is now
            current = api.registry(r -> r.household(id));
            if (!current.ok()) {
                return passed(current);
            }
        }
        return compared(id, baseVersion, current.json(), changes);
    }

    private Response compared(UUID id, int baseVersion, JsonNode view, JsonNode changes) {
        int version = view.path("version").asInt();
        List<FieldCorrection.Difference> differences =
                FieldCorrection.differences(FieldCorrection.fileOf(view), changes);
        if (differences.isEmpty()) {
            ObjectNode done = json.createObjectNode();
            done.put("id", id.toString());
            done.put("version", version);
            done.put("replayed", false);
            done.put("alreadyApplied", true);
            return ok(200, done);
        }
        ArrayNode fields = json.createArrayNode();
        for (FieldCorrection.Difference d : differences) {
            ObjectNode field = fields.addObject();
            field.put("path", d.path());
            field.put("name", FieldNames.of(d.path(), page::word));
            field.set("mine", d.mine());
            if ("phone".equals(d.path()) && d.theirs() != null) {
                field.put("theirs", FieldCorrection.maskPhone(d.theirs().asText()));
            } else {
                field.set("theirs", d.theirs());
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("baseVersion", baseVersion);
        extra.put("currentVersion", version);
        extra.put("fields", fields);
        return problems.of(409, FieldProblems.STALE, "fieldapp.problem.stale", "fieldapp.problem.stale.text", extra);
    }

    /** A deed proposal from a clerk's (or an official's) device, kind DEED. */
    public Response propose(String key, JsonNode body) {
        if (key == null || key.isEmpty()) {
            return keyRequired();
        }
        ObjectNode proposal = json.createObjectNode();
        for (String field : List.of("householdId", "ruleCode", "deedDate", "description", "evidenceNote")) {
            JsonNode value = body == null ? null : body.get(field);
            if (value != null && !value.isNull()) {
                proposal.set(field, value);
            }
        }
        proposal.put("kind", "DEED");
        ApiAnswer answer = api.morality(m -> m.proposeOnce(key, proposal));
        if (!answer.ok()) {
            return passed(answer);
        }
        JsonNode p = answer.json().path("proposal");
        ObjectNode proposed = json.createObjectNode();
        proposed.put("id", p.path("id").asText());
        proposed.put("status", p.path("state").asText());
        proposed.put("replayed", replayed(answer));
        return ok(answer.status(), proposed);
    }

    /**
     * The words of each field of the registry's field rules ({"file.members[].name": "成员 · 姓名"}),
     * as JSON for the app's page; "{}" when the rules were never read. The rules are kept by their
     * ETag ({@link FieldRulesPaths}).
     */
    public String fieldNames() {
        Map<String, String> names = new TreeMap<>();
        for (String path : rulesPaths.paths(tag -> api.registry(r -> r.fieldRules(PlatformApi.given(tag))))) {
            String inFile = (path.startsWith("file.") ? path.substring(5) : path).replace("[]", "");
            names.put(path, FieldNames.of(inFile, page::word));
        }
        return scriptSafe(names);
    }

    /** The console's texts of the field app (keys from "fieldapp.") in the page's language, as JSON. */
    public String words() {
        Map<String, String> words = new TreeMap<>();
        text.of(page.language()).forEach((k, v) -> {
            if (k.startsWith("fieldapp.")) {
                words.put(k, v);
            }
        });
        return scriptSafe(words);
    }

    /** JSON that may stand inside a script element or an attribute: no <, > or & left (escaped in its strings). */
    private String scriptSafe(Object value) {
        try {
            return json.writeValueAsString(value)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response keyRequired() {
        return problems.of(
                400, FieldProblems.KEY_REQUIRED, "fieldapp.problem.keyRequired", "fieldapp.problem.keyRequired.text");
    }

    private String reasonOr(JsonNode body, String defaultKey) {
        String reason = body == null ? null : body.path("reason").asText(null);
        return reason == null || reason.isBlank() ? page.word(defaultKey) : reason;
    }

    private static boolean replayed(ApiAnswer answer) {
        return "true".equalsIgnoreCase(answer.header("Idempotent-Replayed"));
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A service's answer passed on as it came: status, body and type, with its validators and replay
     * header; a service that did not answer (or failed) is the console's 503 problem.
     */
    private Response passed(ApiAnswer answer) {
        if (answer.status() >= 500) {
            return problems.unavailable();
        }
        if (answer.status() >= 400 && answer.raw().length == 0) {
            return problems.of(answer.status(), FieldProblems.REFUSED, "problem.refused", null);
        }
        Response.ResponseBuilder passed = Response.status(answer.status());
        if (answer.raw().length > 0) {
            passed.entity(answer.raw()).type(answer.contentType());
        }
        for (String header : PASSED_HEADERS) {
            String value = answer.header(header);
            if (value != null) {
                passed.header(header, value);
            }
        }
        return passed.build();
    }

    private Response ok(int status, JsonNode body) {
        try {
            return Response.status(status)
                    .type(JSON)
                    .header("Cache-Control", "no-store")
                    .entity(json.writeValueAsBytes(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
