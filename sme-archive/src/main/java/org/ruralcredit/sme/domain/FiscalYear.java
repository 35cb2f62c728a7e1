package org.ruralcredit.sme.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Year;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A fiscal year that must be there, from 1949 to the current year. The current year is read from
 * the validation clock (China Standard Time on the servers), so a year that has begun in China counts.
 */
@Documented
@Constraint(validatedBy = FiscalYear.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface FiscalYear {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FiscalYear, Integer> {

        static final int FIRST = 1949;

        @Override
        public boolean isValid(Integer value, ConstraintValidatorContext context) {
            int thisYear = Year.now(context.getClockProvider().getClock()).getValue();
            return value != null && value >= FIRST && value <= thisYear;
        }
    }
}
