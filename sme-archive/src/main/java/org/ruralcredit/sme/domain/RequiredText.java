package org.ruralcredit.sme.domain;

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
 * Text that must be there, not blank, at most {@link #max} characters and, with {@link #plainText},
 * plain text: one constraint, so a field answers one code whose {@code max} argument the clerk reads
 * ("required, at most 200 characters") whichever of the rules the value broke.
 */
@Documented
@Constraint(validatedBy = RequiredText.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface RequiredText {

    int max();

    boolean plainText() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RequiredText, String> {

        private int max;
        private boolean plainText;

        @Override
        public void initialize(RequiredText constraint) {
            max = constraint.max();
            plainText = constraint.plainText();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null
                    && !value.isBlank()
                    && value.length() <= max
                    && (!plainText || TextRules.isPlainText(value));
        }
    }
}
