package org.ruralcredit.commons.identity;

import java.util.regex.Pattern;

/** Mainland mobile (11 digits from 1) or fixed-line numbers, as officials write them down. */
public final class PhoneNumber {

    /** Spaces and hyphens, left out before the digits are judged. */
    public static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    /** A mobile (11 digits from 1, second 3–9) or a fixed line with its area code (10–12 digits from 0). */
    public static final Pattern NUMBER = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}");

    private PhoneNumber() {}

    /** Digits only, or null when the value is not a phone number (the caller reports it). */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = SEPARATORS.matcher(raw).replaceAll("");
        if (NUMBER.matcher(digits).matches()) {
            return digits;
        }
        return null;
    }

    /** Present but not a phone number (absent is not invalid). */
    public static boolean isInvalid(String raw) {
        return raw != null && !raw.isBlank() && normalise(raw) == null;
    }

    /** {@code 138****5678}. */
    public static String mask(String value) {
        if (value == null || value.length() < 7) {
            return value == null ? null : "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }
}
