package org.ruralcredit.commons.problem.codes;

import org.ruralcredit.commons.problem.ProblemCode;

/**
 * Codes every service can answer: HTTP-level refusals, unreadable bodies and parameters, and the
 * field codes of the standard constraints. Texts in {@code common.properties} and
 * {@code common_zh_CN.properties} beside this class.
 */
public enum CommonCodes implements ProblemCode {
    UNAUTHORIZED("unauthorized", 401, "unauthorized"),
    FORBIDDEN("forbidden", 403, "forbidden"),
    AUTHORIZATION_UNAVAILABLE("authorization.unavailable", 503, "authorization-unavailable"),
    PERMISSIONS_UNAVAILABLE("authorization.permissions-unavailable", 503, "authorization-unavailable"),
    BAD_REQUEST("request.bad", 400, "bad-request"),
    NOT_FOUND("not-found", 404, "not-found"),
    METHOD_NOT_ALLOWED("request.method-not-allowed", 405, "method-not-allowed"),
    NOT_ACCEPTABLE("request.not-acceptable", 406, "not-acceptable"),
    PAYLOAD_TOO_LARGE("request.too-large", 413, "payload-too-large"),
    UNSUPPORTED_MEDIA_TYPE("request.unsupported-media-type", 415, "unsupported-media-type"),
    TOO_MANY_REQUESTS("request.too-many", 429, "too-many-requests", "seconds"),
    HTTP_OTHER("request.refused", 400, "http-error", "status"),
    CONCURRENT_CHANGE("conflict.concurrent-change", 409, "conflict"),
    /** An {@code Idempotency-Key} header that is empty, longer than 255 or not printable ASCII. */
    IDEMPOTENCY_KEY_INVALID("request.idempotency-key-invalid", 400, "idempotency-key-invalid"),
    /** A key the caller already used for another request (another body or operation). */
    IDEMPOTENCY_KEY_REUSED("request.idempotency-key-reused", 422, "idempotency-key-reused"),
    INTERNAL_ERROR("internal-error", 500, "internal-error", "reference"),
    UNAVAILABLE("unavailable", 503, "unavailable", "reference"),
    DATABASE_UNAVAILABLE("database.unavailable", 503, "temporarily-unavailable"),

    JSON_MALFORMED_AT("json.malformed-at", 400, "malformed-json", "line", "column"),
    JSON_MALFORMED("json.malformed", 400, "malformed-json"),
    JSON_DUPLICATE_KEY("json.duplicate-key", 400, "malformed-json", "name"),
    /** The summary of a validation problem; its fields carry their own codes. */
    VALIDATION("validation", 400, "validation", "count"),
    BODY_STRUCTURE("validation.structure", 400, "validation"),

    FIELD_REQUIRED("field.required", 400, "validation"),
    FIELD_NOT_NULL("field.not-null", 400, "validation"),
    FIELD_NOT_BLANK("field.not-blank", 400, "validation"),
    FIELD_NOT_EMPTY("field.not-empty", 400, "validation"),
    FIELD_BODY_REQUIRED("field.body-required", 400, "validation"),
    FIELD_UNKNOWN("field.unknown", 400, "validation"),
    FIELD_WRONG_TYPE("field.wrong-type", 400, "validation"),
    FIELD_INVALID("field.invalid", 400, "validation"),
    FIELD_DECIMAL_BOUNDS("field.decimal-bounds", 400, "validation", "precision", "scale"),
    FIELD_SIZE("field.size", 400, "validation", "min", "max"),
    FIELD_MIN("field.min", 400, "validation", "value"),
    FIELD_MAX("field.max", 400, "validation", "value"),
    FIELD_DECIMAL_MIN("field.decimal-min", 400, "validation", "value"),
    FIELD_DECIMAL_MAX("field.decimal-max", 400, "validation", "value"),
    FIELD_POSITIVE("field.positive", 400, "validation"),
    FIELD_NOT_NEGATIVE("field.not-negative", 400, "validation"),
    FIELD_NOT_FUTURE("field.not-future", 400, "validation"),
    FIELD_PATTERN("field.pattern", 400, "validation"),
    FIELD_PLAIN_TEXT("field.plain-text", 400, "validation"),
    FIELD_PERSON_NAME("field.person-name", 400, "validation"),
    /** A path, query or header parameter whose value cannot be read as its type (a date {@code notadate}). */
    PARAM_UNREADABLE("param.unreadable", 400, "validation", "value"),
    FIELD_ONE_OF("field.one-of", 400, "validation", "values"),
    DIVISION_CODE("field.division-code", 400, "validation"),
    VILLAGE_CODE("field.village-code", 400, "validation"),
    TOWNSHIP_CODE("field.township-code", 400, "validation"),
    RESIDENT_ID_LENGTH("resident-id.length", 400, "validation"),
    RESIDENT_ID_REGION_UNKNOWN("resident-id.region-unknown", 400, "validation"),
    RESIDENT_ID_BIRTH_DATE("resident-id.birth-date", 400, "validation"),
    RESIDENT_ID_BIRTH_RANGE("resident-id.birth-range", 400, "validation"),
    RESIDENT_ID_CHECK_DIGIT("resident-id.check-digit", 400, "validation"),
    USCC_REQUIRED("uscc.required", 400, "validation"),
    USCC_LENGTH("uscc.length", 400, "validation", "length"),
    USCC_CHARACTER("uscc.character", 400, "validation", "position", "character"),
    USCC_AUTHORITY("uscc.authority", 400, "validation"),
    USCC_CHECK_CHARACTER("uscc.check-character", 400, "validation", "actual", "expected");

    private final Spec spec;

    CommonCodes(String code, int status, String type, String... args) {
        this.spec = new Spec(code, status, type, args);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
