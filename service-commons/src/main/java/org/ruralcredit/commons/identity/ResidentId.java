package org.ruralcredit.commons.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.CommonCodes;

/**
 * A mainland resident identity number (GB 11643-1999): 6-digit address code (checked as far as
 * {@link AddressCode} explains), 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
public record ResidentId(String value, LocalDate birthDate, Sex sex) {

    public enum Sex {
        M,
        F
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** The first births that can hold a number issued under the standard's 18-digit form. */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Seventeen digits and the check character (digit or X). */
    public static final Pattern FORM = Pattern.compile("\\d{17}[\\dX]");

    /** The check character the first 17 digits call for. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * Parses and checks a number; the reason it is refused otherwise, as a code of the catalogue
     * ({@link Result#refusalCode()}) and in English words an official understands
     * ({@link Result#refusal()}). A lower-case x is accepted and stored upper-case.
     */
    public static Result parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return Result.refused(CommonCodes.FIELD_REQUIRED);
        }
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (!FORM.matcher(value).matches()) {
            return Result.refused(CommonCodes.RESIDENT_ID_LENGTH);
        }
        if (!AddressCode.plausible(value.substring(0, 6))) {
            return Result.refused(CommonCodes.RESIDENT_ID_REGION_UNKNOWN);
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return Result.refused(CommonCodes.RESIDENT_ID_BIRTH_DATE);
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return Result.refused(CommonCodes.RESIDENT_ID_BIRTH_RANGE);
        }
        if (checkCharacter(value) != value.charAt(17)) {
            return Result.refused(CommonCodes.RESIDENT_ID_CHECK_DIGIT);
        }
        Sex sex = (value.charAt(16) - '0') % 2 == 1 ? Sex.M : Sex.F;
        return new Result(Optional.of(new ResidentId(value, birth, sex)), null);
    }

    /** Why {@code raw} is not a valid number; empty when it is. */
    public static Optional<String> problemWith(String raw, LocalDate today) {
        return Optional.ofNullable(parse(raw, today).refusal());
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** {@code 330281********1234}: the address code and the last four stay readable. */
    public static String mask(String value) {
        if (value == null || value.length() < 10) {
            return value == null ? null : "*".repeat(value.length());
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
    }

    /**
     * The outcome of {@link #parse}: the number, or the code of why it is refused (a
     * {@code resident-id.*} code, or {@code field.required}); none of these codes takes arguments.
     */
    public record Result(Optional<ResidentId> id, ProblemCode refusalCode) {
        static Result refused(ProblemCode code) {
            return new Result(Optional.empty(), code);
        }

        public boolean valid() {
            return id.isPresent();
        }

        /** Why the number is refused, in English; null when it is valid. */
        public String refusal() {
            return refusalCode == null ? null : ProblemCatalogue.message(refusalCode.code(), Map.of(), Language.EN);
        }
    }
}
