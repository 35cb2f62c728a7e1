package org.ruralcredit.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ruralcredit.client.invoker.ApiException;

/**
 * A refusal from the gateway as its problem document says it: the HTTP status, the stable
 * {@link #code()} from the platform's problem catalogue (switch on this, never on the text), the
 * values the message names ({@link #args()}), the text in the language asked for, and each bad field.
 */
public final class GatewayProblem extends RuntimeException {

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One bad field: name as sent, its code and values, and the message. */
    public record FieldError(String field, String code, Map<String, Object> args, String message) {}

    private record Body(
            String type,
            String title,
            Integer status,
            String detail,
            String code,
            Map<String, Object> args,
            List<FieldError> errors) {}

    private final int status;
    private final String type;
    private final String title;
    private final String code;
    private final transient Map<String, Object> args;
    private final transient List<FieldError> errors;
    private final String retryAfter;

    private GatewayProblem(int status, Body body, String retryAfter, Throwable cause) {
        super(body.detail() != null ? body.detail() : "HTTP " + status, cause);
        this.status = status;
        this.type = body.type();
        this.title = body.title();
        this.code = body.code();
        this.args = body.args() == null ? Map.of() : Map.copyOf(body.args());
        this.errors = body.errors() == null ? List.of() : List.copyOf(body.errors());
        this.retryAfter = retryAfter;
    }

    /** The problem a generated call threw; a body that is no problem document keeps only the status. */
    public static GatewayProblem of(ApiException e) {
        Body body;
        try {
            body = e.getResponseBody() == null || e.getResponseBody().isBlank()
                    ? new Body(null, null, e.getCode(), null, null, null, null)
                    : JSON.readValue(e.getResponseBody(), new TypeReference<Body>() {});
        } catch (Exception unreadable) {
            body = new Body(null, null, e.getCode(), e.getMessage(), null, null, null);
        }
        String retryAfter = e.getResponseHeaders() == null
                ? null
                : e.getResponseHeaders().firstValue("Retry-After").orElse(null);
        return new GatewayProblem(e.getCode(), body, retryAfter, e);
    }

    public int status() {
        return status;
    }

    /** The problem type URN, e.g. {@code urn:ruralcredit:problem:validation}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The stable code, e.g. {@code consent.already-used}; null only for an answer that is no problem document. */
    public String code() {
        return code;
    }

    /** The values the message names, by name. */
    public Map<String, Object> args() {
        return args;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds to wait before trying again, when the gateway said (429, 503). */
    public String retryAfter() {
        return retryAfter;
    }
}
