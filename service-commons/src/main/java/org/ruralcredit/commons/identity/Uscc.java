package org.ruralcredit.commons.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.CommonCodes;

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
        String normalised = text == null ? null : text.strip().toUpperCase(Locale.ROOT);
        return problemWith(normalised).isEmpty() ? Optional.of(new Uscc(normalised)) : Optional.empty();
    }

    /**
     * Why {@code code} is not a valid credit code, in words a clerk understands; empty if it is valid.
     * The same check as {@link #refusal}, worded in English here.
     */
    public static Optional<String> problemWith(String code) {
        return refusal(code)
                .map(r -> ProblemCatalogue.message(
                        r.code().code(),
                        ProblemCatalogue.args(r.code(), r.args().toArray()),
                        Language.EN));
    }

    /**
     * Why {@code code} is not a valid credit code, as a catalogue code ({@code uscc.*}) and the
     * values its text names, so the caller's language words it; empty if it is valid.
     */
    public static Optional<Refusal> refusal(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of(new Refusal(CommonCodes.USCC_REQUIRED));
        }
        if (code.length() != 18) {
            return Optional.of(new Refusal(CommonCodes.USCC_LENGTH, code.length()));
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(new Refusal(CommonCodes.USCC_CHARACTER, i + 1, String.valueOf(code.charAt(i))));
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Optional.of(new Refusal(CommonCodes.USCC_AUTHORITY));
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of(new Refusal(
                    CommonCodes.USCC_CHECK_CHARACTER, String.valueOf(code.charAt(17)), String.valueOf(expected)));
        }
        return Optional.empty();
    }

    /** A refusal of a credit code: its catalogue code and the values the code's text names, in order. */
    public record Refusal(ProblemCode code, List<Object> args) {

        Refusal(ProblemCode code, Object... args) {
            this(code, List.of(args));
        }

        /** The refusal as the problem of one field. */
        public Problem.FieldError at(String field) {
            return Problem.FieldError.of(field, code, args.toArray());
        }
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
