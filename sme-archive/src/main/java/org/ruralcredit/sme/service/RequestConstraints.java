package org.ruralcredit.sme.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import org.ruralcredit.commons.problem.ConstraintCodes;
import org.ruralcredit.commons.problem.Problem;

/**
 * The constraint problems of a request record, for a service that then adds the problems only it
 * can judge (a credit code's check character, with the characters it names; an official division)
 * and answers every problem at once. Validating at the resource instead would refuse the shape
 * first and the credit code only on the next try.
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
}
