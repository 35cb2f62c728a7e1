package org.ruralcredit.commons.problem;

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

/** Problems for bodies that are not the JSON a resource expects, named by field, free of Java types. */
final class JsonProblems {

    private JsonProblems() {
    }

    static Problem of(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Problem.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON" + where + ".");
        }
        if (e instanceof JsonMappingException mapping) {
            String field = pathOf(mapping);
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (e instanceof InvalidNullException) {
                message = "must not be null";
            } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
                message = "has the wrong type or format";
            } else {
                message = "is invalid";
            }
            return Problem.validation("The request body does not match the expected structure.",
                    List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message)));
        }
        return Problem.of(400, "malformed-json", "Malformed JSON", "The request body could not be read as JSON.");
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
