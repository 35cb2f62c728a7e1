package org.ruralcredit.commons.problem;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.ruralcredit.commons.json.BoundedDecimals;
import org.ruralcredit.commons.problem.codes.CommonCodes;

/** Problems for bodies that are not the JSON a resource expects, named by field, free of Java types. */
final class JsonProblems {

    private JsonProblems() {}

    static Problem of(JsonProcessingException e) {
        if (e instanceof JsonParseException
                && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field '")) {
            String name = e.getOriginalMessage()
                    .substring(17, Math.max(17, e.getOriginalMessage().lastIndexOf('\'')));
            return Problem.of(CommonCodes.JSON_DUPLICATE_KEY, name);
        }
        if (e instanceof JsonParseException) {
            JsonLocation at = e.getLocation();
            return at == null
                    ? Problem.of(CommonCodes.JSON_MALFORMED)
                    : Problem.of(CommonCodes.JSON_MALFORMED_AT, at.getLineNr(), at.getColumnNr());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = pathOf(mapping);
            CommonCodes code;
            if (e instanceof UnrecognizedPropertyException) {
                code = CommonCodes.FIELD_UNKNOWN;
            } else if (e instanceof InvalidNullException) {
                code = CommonCodes.FIELD_NOT_NULL;
            } else if (e instanceof InvalidFormatException invalid
                    && invalid.getTargetType() == BigDecimal.class
                    && "decimal out of bounds".equals(invalid.getOriginalMessage())) {
                code = CommonCodes.FIELD_DECIMAL_BOUNDS;
            } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
                code = CommonCodes.FIELD_WRONG_TYPE;
            } else {
                code = CommonCodes.FIELD_INVALID;
            }
            String name = field.isEmpty() ? "body" : field;
            return Problem.invalid(
                    CommonCodes.BODY_STRUCTURE,
                    List.of(
                            code == CommonCodes.FIELD_DECIMAL_BOUNDS
                                    ? Problem.FieldError.of(
                                            name, code, BoundedDecimals.MAX_PRECISION, BoundedDecimals.MAX_SCALE)
                                    : Problem.FieldError.of(name, code)));
        }
        return Problem.of(CommonCodes.JSON_MALFORMED);
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
