package org.ruralcredit.gateway.domain;

import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from an alphabet of
 * 31 (digits and capitals without I, O, S, V, Z); the last is a check character computed with
 * the weights below, check = 31 − (sum mod 31), 31 taken as 0.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** The check character the first 17 characters call for; they must be in the alphabet. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The normalised code (upper-case) or the reason it is refused. */
    public static Checked check(String raw) {
        if (raw == null || raw.isBlank()) {
            return Checked.refused("is required");
        }
        String value = raw.strip().toUpperCase();
        if (value.length() != 18) {
            return Checked.refused("must be 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return Checked.refused("may only contain 0-9 and A-H J-N P-R T U W-Y (GB 32100)");
            }
        }
        if (checkCharacter(value) != value.charAt(17)) {
            return Checked.refused("has a wrong check character (GB 32100)");
        }
        return new Checked(Optional.of(value), null);
    }
}
