package org.ruralcredit.gateway.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.ruralcredit.commons.validation.TextRules;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Free text a person types (a loan's purpose, an objection's text): not blank, at most {@link #max}
 * characters, plain text ({@link TextRules}). One constraint, so a field answers one code whose
 * {@code max} argument the clerk reads ("required, at most 200 characters") whichever rule the
 * value broke. {@link #optional} lets it be absent; {@link #strip} judges it without the white
 * space around it, for a field that is stored stripped.
 */
@Documented
@Constraint(validatedBy = FreeText.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface FreeText {

    int max();

    /** Absent (null) is fine; present, it must still be text. */
    boolean optional() default false;

    /** Judged after leading and trailing white space is stripped. */
    boolean strip() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FreeText, String> {

        private int max;
        private boolean optional;
        private boolean strip;

        @Override
        public void initialize(FreeText constraint) {
            max = constraint.max();
            optional = constraint.optional();
            strip = constraint.strip();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return optional;
            }
            String text = strip ? value.strip() : value;
            return !text.isBlank() && text.length() <= max && TextRules.isPlainText(text);
        }
    }
}
