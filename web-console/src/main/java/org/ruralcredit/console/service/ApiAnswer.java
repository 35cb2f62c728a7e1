package org.ruralcredit.console.service;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.qute.TemplateData;

/**
 * An API's answer as a page uses it: the status, the JSON body, and for a refusal the problem's
 * title, detail and field errors (RFC 9457) — never the raw body. {@code headers} holds the first
 * value of each response header by its name in any case (ETag, Idempotent-Replayed), for the
 * field app's answers, which pass some of them on.
 */
@TemplateData
@SuppressWarnings("ArrayRecordComponent") // raw is a download passed through as it came, never compared
public record ApiAnswer(
        int status,
        JsonNode body,
        byte[] raw,
        String contentType,
        String title,
        String detail,
        List<FieldProblem> fieldProblems,
        Map<String, String> headers) {

    @TemplateData
    public record FieldProblem(String field, String message) {}

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The status a page shows a refusal with: the API's own for a client's mistake, 503 when the platform failed. */
    public int pageStatus() {
        return status >= 500 ? 503 : status;
    }

    /** A response header's first value, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    public JsonNode json() {
        return body == null ? MissingNode.getInstance() : body;
    }

    /** A field's messages, for showing next to that field. */
    public List<String> messagesOf(String field) {
        return fieldProblems.stream()
                .filter(p -> p.field().equals(field))
                .map(FieldProblem::message)
                .toList();
    }
}
