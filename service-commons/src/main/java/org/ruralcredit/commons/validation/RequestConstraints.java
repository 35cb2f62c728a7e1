package org.ruralcredit.commons.validation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.ConstraintCodes;
import org.ruralcredit.commons.problem.Problem;

/**
 * The constraint problems of a request record, for a service that then adds the problems only it
 * can judge (an identifier's check character, with the characters it names; an official division; a
 * date against another field or a stored one; what the caller may name) and answers every problem
 * at once. Validating at the resource instead would refuse the shape first and the rest only on
 * the next try; validated after the service's caller checks, those keep answering first.
 */
@ApplicationScoped
public class RequestConstraints {

    private final Validator validator;

    public RequestConstraints(Validator validator) {
        this.validator = validator;
    }

    /** The record's field problems by field and code, in a list the service adds its own problems to. */
    public List<Problem.FieldError> problemsOf(Object request) {
        return ConstraintCodes.fieldErrors(validator.validate(request));
    }

    /** A 400 listing every problem in the platform's order (as the problem mapper lists a constraint's); none, nothing. */
    public static void refuseIfAny(List<Problem.FieldError> problems) {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(
                    problems.stream().sorted(ConstraintCodes.ORDER).toList());
        }
    }
}
