package org.ruralcredit.commons.idempotency;

import java.util.Optional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.CommonCodes;

/**
 * A client's {@code Idempotency-Key} (IETF httpapi idempotency-key draft): optional, and when sent
 * 1 to 255 printable ASCII characters (space to tilde), taken exactly as sent. A client makes one
 * per request it means to send once (a UUID is usual) and sends the same key with every resend.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    /** Set to {@code true} on an answer that is the stored answer of an earlier request. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The header's description in the API documents of the operations that take it. */
    public static final String DESCRIPTION = "Optional: 1 to 255 printable ASCII characters, new for each request "
            + "and the same on every resend of it. A resend by the same caller with the same request gets "
            + "the first successful answer again (same status, body and Location, with Idempotent-Replayed: "
            + "true) and changes nothing; the same key with another request is 422 "
            + "request.idempotency-key-reused; a malformed key is 400 request.idempotency-key-invalid. "
            + "Refusals are not remembered: a refused request may be corrected and resent under its key. "
            + "A key is remembered for 30 days (the default of ruralcredit.idempotency.keep).";

    static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (!valid(value)) {
            throw ApiException.of(CommonCodes.IDEMPOTENCY_KEY_INVALID);
        }
    }

    /** The key of a request, none when the header is absent; 400 when present but malformed. */
    public static Optional<IdempotencyKey> fromHeader(String header) {
        return header == null ? Optional.empty() : Optional.of(new IdempotencyKey(header));
    }

    static boolean valid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }
}
