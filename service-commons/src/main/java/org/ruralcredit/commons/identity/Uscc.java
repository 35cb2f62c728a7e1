package org.ruralcredit.commons.identity;

import java.util.Optional;

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters over the alphabet
 * 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z), laid out as registering authority (1), type (1),
 * division of the registering authority (6), organisation code (9) and a check character computed
 * from the first 17 with weights 3^i mod 31.
 */
public record Uscc(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public Uscc {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** The code, if it is valid; lower-case letters are accepted and upper-cased. */
    public static Optional<Uscc> parse(String text) {
        String normalised = text == null ? null : text.strip().toUpperCase(java.util.Locale.ROOT);
        return problemWith(normalised).isEmpty() ? Optional.of(new Uscc(normalised)) : Optional.empty();
    }

    /** Why {@code code} is not a valid credit code, in words a clerk understands; empty if it is valid. */
    public static Optional<String> problemWith(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("a unified social credit code is required");
        }
        if (code.length() != 18) {
            return Optional.of("must be 18 characters, not " + code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("character " + (i + 1) + " ('" + code.charAt(i)
                        + "') is not allowed in a unified social credit code (no I, O, S, V or Z)");
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Optional.of("characters 3 to 8 must be the registering authority's division code");
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of("check character is '" + code.charAt(17) + "' but should be '" + expected
                    + "': the code is mistyped");
        }
        return Optional.empty();
    }

    /** The GB 32100 check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is outside the code alphabet");
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    public EntityType entityType() {
        return EntityType.of(value.charAt(0), value.charAt(1));
    }

    /** The 6-digit county-level division of the registering authority. */
    public String registrationDivision() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
