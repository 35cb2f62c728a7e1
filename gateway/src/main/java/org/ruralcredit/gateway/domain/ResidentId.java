package org.ruralcredit.gateway.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A mainland resident identity number (GB 11643): 6-digit address code, 8-digit birth date,
 * 3-digit sequence and an ISO 7064 MOD 11-2 check character. The gateway checks it itself rather
 * than asking farmer-registry, so a consent with a mistyped number is refused at the counter.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ResidentId() {
    }

    /** The check character the first 17 digits call for. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * The normalised number (upper-case X) or the reason it is refused, in words a loan officer
     * understands. {@code today} bounds the birth date.
     */
    public static Checked check(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return Checked.refused("is required");
        }
        String value = raw.strip().toUpperCase();
        if (!value.matches("\\d{17}[\\dX]")) {
            return Checked.refused("must be 18 characters: 17 digits and a check digit or X");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return Checked.refused("has no valid birth date in positions 7 to 14");
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return Checked.refused("has a birth date outside 1900 to today");
        }
        if (checkCharacter(value) != value.charAt(17)) {
            return Checked.refused("has a wrong check digit (GB 11643)");
        }
        return new Checked(Optional.of(value), null);
    }

    /** {@code 330281********1234}: the address code and the last four stay readable. */
    public static String mask(String value) {
        if (value == null || value.length() < 10) {
            return value == null ? null : "*".repeat(value.length());
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
    }
}
