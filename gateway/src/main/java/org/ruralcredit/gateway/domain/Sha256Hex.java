package org.ruralcredit.gateway.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A SHA-256 digest in hex (64 digits) when present, in either case and with white space around it
 * as it is pasted: {@link Validator#normalised} is the form stored.
 */
@Documented
@Constraint(validatedBy = Sha256Hex.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface Sha256Hex {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Sha256Hex, String> {

        private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

        /** The digest as stored: stripped, lower case. */
        public static String normalised(String hex) {
            return hex.strip().toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || HEX_64.matcher(normalised(value)).matches();
        }
    }
}
