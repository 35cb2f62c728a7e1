package org.ruralcredit.gateway.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A loan's annual interest rate as a fraction (0.0435), when given: more than 0, at most 0.36 and
 * at most five decimals. Above 36 % a year a loan contract's interest is not protected by law;
 * nothing a rural lender grants.
 */
@Documented
@Constraint(validatedBy = AnnualRate.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface AnnualRate {

    String message() default "{loan.annual-rate}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AnnualRate, BigDecimal> {

        static final BigDecimal MAX = new BigDecimal("0.36");

        @Override
        public boolean isValid(BigDecimal rate, ConstraintValidatorContext context) {
            return rate == null
                    || (rate.signum() > 0
                            && rate.compareTo(MAX) <= 0
                            && rate.stripTrailingZeros().scale() <= 5);
        }
    }
}
