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
 * A whole number that must be there and lie in {@link #min}..{@link #max}: one constraint, so a
 * missing value answers the same code with the same {@code min} and {@code max} arguments as one
 * out of range.
 */
@Documented
@Constraint(validatedBy = RequiredWithin.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface RequiredWithin {

    int min();

    int max();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RequiredWithin, Integer> {

        private int min;
        private int max;

        @Override
        public void initialize(RequiredWithin constraint) {
            min = constraint.min();
            max = constraint.max();
        }

        @Override
        public boolean isValid(Integer value, ConstraintValidatorContext context) {
            return value != null && value >= min && value <= max;
        }
    }
}
