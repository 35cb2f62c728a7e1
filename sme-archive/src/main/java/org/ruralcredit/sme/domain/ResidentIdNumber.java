package org.ruralcredit.sme.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.ruralcredit.commons.identity.ResidentId;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A resident ID (GB 11643) when present. A refusal answers the check's own code
 * ({@code resident-id.check-digit}, {@code resident-id.birth-date}, …), never the value; birth
 * dates are judged against today on the validation clock (China Standard Time on the servers).
 */
@Documented
@Constraint(validatedBy = ResidentIdNumber.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface ResidentIdNumber {

    /** Replaced by the refusal's own code; kept for a value the check cannot classify. */
    String message() default "{field.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ResidentIdNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            ResidentId.Result result = ResidentId.parse(
                    value, LocalDate.now(context.getClockProvider().getClock()));
            if (result.valid()) {
                return true;
            }
            if (result.refusalCode() != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                                "{" + result.refusalCode().code() + "}")
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
