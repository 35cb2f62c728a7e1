package org.ruralcredit.commons.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CanonicalFormTest {

    private static byte[] texts(String... values) {
        CanonicalForm form = CanonicalForm.of("test");
        for (String v : values) {
            form.text(v);
        }
        return form.bytes();
    }

    /** The expected bytes written out by hand: 4-byte big-endian length, then UTF-8. */
    private static byte[] fields(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            byte[] b = v == null ? new byte[0] : v.getBytes(StandardCharsets.UTF_8);
            int len = v == null ? -1 : b.length;
            out.writeBytes(new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertFalse(Arrays.equals(texts("ab", "c"), texts("a", "bc")));
        assertFalse(Arrays.equals(texts("a|b", "c"), texts("a", "b|c")));
        // a value that looks like the next field's length and text is still one field
        assertFalse(Arrays.equals(texts("a\u0000\u0000\u0000\u0001b"), texts("a", "b")));
        assertFalse(Arrays.equals(texts("a", ""), texts("a")));
    }

    @Test
    void theBytesAreTheKindThenEachFieldLengthPrefixed() {
        assertArrayEquals(fields("test/2", "ab", "c"), texts("ab", "c"));
    }

    @Test
    void nullIsNotTheEmptyString() {
        assertFalse(Arrays.equals(texts((String) null), texts("")));
        assertArrayEquals(fields("test/2", null, ""), texts(null, ""));
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, Arrays.copyOfRange(texts((String) null), 10, 14));
    }

    @Test
    void nonAsciiIsCountedInUtf8Bytes() {
        byte[] bytes = texts("林某");
        assertArrayEquals(fields("test/2", "林某"), bytes);
        assertEquals(6, bytes[13], "two CJK characters are six UTF-8 bytes");
        assertFalse(Arrays.equals(texts("é"), texts("e\u0301")), "no normalisation: what is stored is what is hashed");
    }

    @Test
    void textThatIsNotUnicodeIsRefusedNotReplaced() {
        assertThrows(IllegalArgumentException.class, () -> texts("a\uD800b"));
    }

    @Test
    void instantsHaveSixFractionDigitsInUtc() {
        byte[] whole = CanonicalForm.of("test")
                .instant(Instant.parse("2026-11-18T02:00:00Z"))
                .bytes();
        assertArrayEquals(fields("test/2", "2026-11-18T02:00:00.000000Z"), whole);
        byte[] millis = CanonicalForm.of("test")
                .instant(Instant.parse("2026-11-18T10:00:00.120+08:00"))
                .bytes();
        assertArrayEquals(fields("test/2", "2026-11-18T02:00:00.120000Z"), millis);
        byte[] micros = CanonicalForm.of("test")
                .instant(Instant.parse("2026-11-18T02:00:00.123456Z"))
                .bytes();
        assertArrayEquals(fields("test/2", "2026-11-18T02:00:00.123456Z"), micros);
        assertThrows(
                IllegalArgumentException.class,
                () -> CanonicalForm.of("test").instant(Instant.parse("2026-11-18T02:00:00.123456789Z")));
        assertArrayEquals(
                fields("test/2", null), CanonicalForm.of("test").instant(null).bytes());
    }

    @Test
    void numbersDatesIdsAndCodesAreWrittenOneWay() {
        UUID id = UUID.fromString("8D6C1F5E-2B1A-4F7E-9A57-0C7B7B1F7A10");
        byte[] bytes = CanonicalForm.of("test")
                .integer(-5)
                .integer(12L)
                .integer((Integer) null)
                .date(LocalDate.of(2026, 1, 2))
                .uuid(id)
                .code(Thread.State.NEW)
                .bytes();
        assertArrayEquals(
                fields("test/2", "-5", "12", null, "2026-01-02", "8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10", "NEW"), bytes);
    }

    @Test
    void theKindIsPartOfTheForm() {
        assertFalse(Arrays.equals(
                CanonicalForm.of("ledger-entry").text("x").bytes(),
                CanonicalForm.of("query-register").text("x").bytes()));
        assertThrows(IllegalArgumentException.class, () -> CanonicalForm.of(""));
    }
}
