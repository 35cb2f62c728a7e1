package org.ruralcredit.commons.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;

import org.ruralcredit.commons.problem.codes.CommonCodes;

/**
 * The code of a Bean Validation failure: a constraint whose message is a catalogue code in braces
 * (such as {@code {household.members.size}}) answers that code; the standard constraints'
 * default messages map to the common field codes. The code's arguments are read from the
 * constraint's attributes ({@code min}, {@code max}, {@code value}), never from the rejected value.
 */
public final class ConstraintCodes {

    private static final Pattern CODE_TEMPLATE = Pattern.compile("\\{([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)}");
    private static final Pattern STANDARD =
            Pattern.compile("\\{jakarta\\.validation\\.constraints\\.(\\w+)\\.message}");
    private static final Map<String, CommonCodes> STANDARD_CODES = Map.ofEntries(
            Map.entry("NotNull", CommonCodes.FIELD_NOT_NULL),
            Map.entry("NotBlank", CommonCodes.FIELD_NOT_BLANK),
            Map.entry("NotEmpty", CommonCodes.FIELD_NOT_EMPTY),
            Map.entry("Size", CommonCodes.FIELD_SIZE),
            Map.entry("Min", CommonCodes.FIELD_MIN),
            Map.entry("Max", CommonCodes.FIELD_MAX),
            Map.entry("DecimalMin", CommonCodes.FIELD_DECIMAL_MIN),
            Map.entry("DecimalMax", CommonCodes.FIELD_DECIMAL_MAX),
            Map.entry("Positive", CommonCodes.FIELD_POSITIVE),
            Map.entry("PositiveOrZero", CommonCodes.FIELD_NOT_NEGATIVE),
            Map.entry("PastOrPresent", CommonCodes.FIELD_NOT_FUTURE),
            Map.entry("Pattern", CommonCodes.FIELD_PATTERN));

    private ConstraintCodes() {}

    /** The platform's order of field errors: by field, then code, then message. */
    public static final Comparator<Problem.FieldError> ORDER = Comparator.comparing(Problem.FieldError::field)
            .thenComparing(f -> f.code() == null ? "" : f.code())
            .thenComparing(f -> f.message() == null ? "" : f.message());

    /**
     * The code a constraint with this message template answers: the catalogue code in braces, or
     * the common code of a standard constraint's default message; empty for a message written in
     * place (or a code the catalogue does not know).
     */
    public static Optional<ProblemCode> codeOf(String template) {
        String text = template == null ? "" : template;
        Matcher own = CODE_TEMPLATE.matcher(text);
        if (own.matches()) {
            return ProblemCatalogue.byCode(own.group(1));
        }
        Matcher standard = STANDARD.matcher(text);
        if (standard.matches()) {
            return Optional.of(STANDARD_CODES.getOrDefault(standard.group(1), CommonCodes.FIELD_INVALID));
        }
        return Optional.empty();
    }

    /** The field errors of a set of violations, in the platform's order, in a list the caller may add to. */
    public static List<Problem.FieldError> fieldErrors(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(ConstraintCodes::fieldError)
                .sorted(ORDER)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** The field error of a violation, named as the client wrote the field. */
    public static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        return fieldError(ProblemMappers.fieldOf(violation), violation);
    }

    static Problem.FieldError fieldError(String field, ConstraintViolation<?> violation) {
        ProblemCode code = codeOf(violation.getMessageTemplate()).orElse(null);
        if (code == null) {
            // a message written in place, not yet a code: kept as it is
            return new Problem.FieldError(field, violation.getMessage());
        }
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        Map<String, Object> args = new LinkedHashMap<>();
        for (String name : code.args()) {
            args.put(name, attributes.get(name));
        }
        return new Problem.FieldError(field, code.code(), args, null);
    }
}
