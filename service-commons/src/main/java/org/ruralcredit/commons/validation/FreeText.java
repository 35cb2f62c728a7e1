package org.ruralcredit.commons.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Text a person types (a loan's purpose, an objection, a firm's name): not blank and at most
 * {@link #max} characters. One constraint, so a field answers one code whose {@code max} argument
 * the clerk reads ("required, at most 200 characters") whichever rule the value broke.
 * {@link #plainText} has no default: each field says whether this constraint also judges the
 * characters ({@link TextRules}), or leaves that to a constraint of its own code ({@link PersonName},
 * {@link PlainText}). {@link #optional} lets the value be absent; {@link #strip} judges it without
 * the white space around it, for a field that is stored stripped.
 */
@Documented
@Constraint(validatedBy = FreeText.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface FreeText {

    int max();

    /** Plain text ({@link TextRules#isPlainText}) under this constraint's code. */
    boolean plainText();

    /** Absent (null) is fine; present, it must still be text. */
    boolean optional() default false;

    /** Judged after leading and trailing white space is stripped. */
    boolean strip() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FreeText, String> {

        private int max;
        private boolean plainText;
        private boolean optional;
        private boolean strip;

        @Override
        public void initialize(FreeText constraint) {
            max = constraint.max();
            plainText = constraint.plainText();
            optional = constraint.optional();
            strip = constraint.strip();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return optional;
            }
            String text = strip ? value.strip() : value;
            return !text.isBlank() && text.length() <= max && (!plainText || TextRules.isPlainText(text));
        }
    }
}
