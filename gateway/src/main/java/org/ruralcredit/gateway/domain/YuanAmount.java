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
 * An amount in yuan that fits in fen: at most two decimals, not negative (with {@link #positive},
 * more than 0) and at most {@link #max} yuan; absent is left to {@code @NotNull}. One constraint,
 * so every way of breaking it answers the one code with its {@code max} argument.
 */
@Documented
@Constraint(validatedBy = YuanAmount.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface YuanAmount {

    /** No rural loan is larger: 100 million yuan. */
    long max() default 100_000_000L;

    boolean positive() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<YuanAmount, BigDecimal> {

        private BigDecimal max;
        private boolean positive;

        @Override
        public void initialize(YuanAmount constraint) {
            max = BigDecimal.valueOf(constraint.max());
            positive = constraint.positive();
        }

        @Override
        public boolean isValid(BigDecimal yuan, ConstraintValidatorContext context) {
            return yuan == null
                    || (yuan.stripTrailingZeros().scale() <= 2
                            && yuan.signum() >= (positive ? 1 : 0)
                            && yuan.compareTo(max) <= 0);
        }
    }
}
