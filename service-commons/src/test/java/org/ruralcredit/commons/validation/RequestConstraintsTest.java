package org.ruralcredit.commons.validation;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.codes.CommonCodes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A service's own problems join the record's in one 400, in the platform's order. */
class RequestConstraintsTest {

    @Test
    void noProblemsRefuseNothing() {
        assertDoesNotThrow(() -> RequestConstraints.refuseIfAny(new ArrayList<>()));
    }

    @Test
    void everyProblemIsAnsweredAtOnceByFieldThenCode() {
        List<FieldError> problems = new ArrayList<>(List.of(
                FieldError.of("termMonths", CommonCodes.FIELD_REQUIRED),
                FieldError.of("amount", CommonCodes.FIELD_REQUIRED),
                FieldError.of("amount", CommonCodes.FIELD_NOT_NULL)));
        ApiException refusal = assertThrows(ApiException.class, () -> RequestConstraints.refuseIfAny(problems));
        assertEquals(400, refusal.problem().status());
        assertEquals(
                List.of("amount/field.not-null", "amount/field.required", "termMonths/field.required"),
                refusal.problem().errors().stream()
                        .map(e -> e.field() + "/" + e.code())
                        .toList());
    }
}
