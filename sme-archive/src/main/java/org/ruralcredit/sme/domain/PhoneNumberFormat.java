package org.ruralcredit.sme.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.ruralcredit.commons.identity.PhoneNumber;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A mainland mobile or landline number when present (the platform's {@link PhoneNumber} rules); blank counts as absent. */
@Documented
@Constraint(validatedBy = PhoneNumberFormat.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface PhoneNumberFormat {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PhoneNumberFormat, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return !PhoneNumber.isInvalid(value);
        }
    }
}
