package org.ruralcredit.commons.idempotency;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.ApiException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Idempotency-Key header: optional, else 1 to 255 printable ASCII characters taken as sent. */
class IdempotencyKeyTest {

    @Test
    void noHeaderIsNoKey() {
        assertEquals(Optional.empty(), IdempotencyKey.fromHeader(null));
    }

    @Test
    void printableAsciiUpTo255IsAKeyAsSent() {
        String uuid = "8e03978e-40d5-43e8-bc93-6894a57f9324";
        assertEquals(uuid, IdempotencyKey.fromHeader(uuid).orElseThrow().value());
        assertEquals(
                "\"quoted key\"",
                IdempotencyKey.fromHeader("\"quoted key\"").orElseThrow().value());
        assertEquals(1, IdempotencyKey.fromHeader("x").orElseThrow().value().length());
        assertEquals(
                255,
                IdempotencyKey.fromHeader("k".repeat(255)).orElseThrow().value().length());
        assertEquals("~ !", IdempotencyKey.fromHeader("~ !").orElseThrow().value());
    }

    @Test
    void emptyTooLongOrNotPrintableAsciiIsRefusedWithItsCode() {
        for (String bad : new String[] {"", "k".repeat(256), "键", "tab\there", "new\nline", "del\u007f", "é"}) {
            ApiException e = assertThrows(ApiException.class, () -> IdempotencyKey.fromHeader(bad), bad);
            assertEquals("request.idempotency-key-invalid", e.problem().code());
            assertEquals(400, e.problem().status());
        }
    }
}
