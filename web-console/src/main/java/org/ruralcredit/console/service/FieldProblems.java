package org.ruralcredit.console.service;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.ProblemCatalogue;

/**
 * What the field app's JSON endpoints refuse themselves, as RFC 9457 problems with stable codes in
 * the page's language, like the platform's own: the app's script switches on {@code code} and shows
 * {@code title}. A title the console has no words for yet falls back to the catalogue's title of
 * the status.
 */
@RequestScoped
public class FieldProblems {

    public static final String TYPE = "application/problem+json";

    /** Not an official or a clerk: the field app keeps files, as they do. */
    public static final String ROLE = "console.field-role";
    /** A service did not answer (refused connection, timeout, 5xx). */
    public static final String UNAVAILABLE = "console.unavailable";
    /** A post without the CSRF token of the session (the csrf of /session, as X-CSRF-TOKEN). */
    public static final String CSRF = "console.csrf-token";
    /** Any other refusal the console answers without words of its own (404 of an unknown address, ...). */
    public static final String REFUSED = "console.refused";

    /** A post whose body is not a JSON object (the registry's code and words for the same mistake). */
    public static final String BODY = "body.json-required";

    public static final String KEY_REQUIRED = "request.idempotency-key-required";
    public static final String CORRECTION_KEY = "field.correction-key";
    public static final String CORRECTION_EMPTY = "field.correction-empty";
    public static final String BASE_VERSION = "field.base-version-required";
    public static final String STALE = "household.stale-version";

    private final ConsoleLocale locale;
    private final ConsoleText text;
    private final ObjectMapper json;

    public FieldProblems(ConsoleLocale locale, ConsoleText text, ObjectMapper json) {
        this.locale = locale;
        this.text = text;
        this.json = json;
    }

    /** A problem answer; {@code detailKey} may be null, {@code extra} adds members (fields, versions). */
    public Response of(int status, String code, String titleKey, String detailKey, Map<String, ?> extra) {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", "urn:ruralcredit:problem:" + code);
        problem.put("title", title(titleKey, status));
        problem.put("status", status);
        String detail = detailKey == null ? null : words().get(detailKey);
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.put("code", code);
        extra.forEach((name, value) -> problem.set(name, json.valueToTree(value)));
        return answer(status, problem);
    }

    public Response of(int status, String code, String titleKey, String detailKey) {
        return of(status, code, titleKey, detailKey, Map.of());
    }

    /** A problem whose words are the platform catalogue's for {@code code} (e.g. household.not-found). */
    public Response catalogued(int status, String code, Map<String, Object> args) {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", "urn:ruralcredit:problem:" + code);
        problem.put("title", ProblemCatalogue.title(code, status, language()));
        problem.put("status", status);
        problem.put("detail", ProblemCatalogue.message(code, args, language()));
        problem.put("code", code);
        return answer(status, problem);
    }

    public Response role() {
        return of(403, ROLE, "error.403.title", "error.403.text");
    }

    public Response unavailable() {
        return of(503, UNAVAILABLE, "problem.unavailable", "error.503.text");
    }

    /**
     * What the console answers for {@code status} when nothing else said why: the CSRF check's 400,
     * an unknown address, another site's post (403, rest/SameOriginFilter).
     */
    public Response bare(int status) {
        return switch (status) {
            case 400 -> of(400, CSRF, "fieldapp.problem.csrf", "fieldapp.problem.csrf.text");
            default -> status >= 500 ? unavailable() : of(status, REFUSED, "problem.refused", null);
        };
    }

    /** The console's words for {@code key}, or the catalogue's title of the status when it has none. */
    private String title(String key, int status) {
        String said = words().get(key);
        return said != null ? said : ProblemCatalogue.title(null, status, language());
    }

    private Map<String, String> words() {
        return text.of(locale.language());
    }

    private Language language() {
        return "en".equals(locale.language()) ? Language.EN : Language.ZH;
    }

    private Response answer(int status, ObjectNode problem) {
        try {
            return Response.status(status)
                    .type(TYPE)
                    .header("Cache-Control", "no-store")
                    .entity(new String(json.writeValueAsBytes(problem), StandardCharsets.UTF_8))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
