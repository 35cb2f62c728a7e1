package org.ruralcredit.sme.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

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

    /** The order the platform answers Bean Validation failures in (commons' ProblemMappers). */
    private static final Comparator<Problem.FieldError> BY_FIELD =
            Comparator.comparing(Problem.FieldError::field).thenComparing(f -> f.code() == null ? "" : f.code());

    private final Validator validator;

    public RequestConstraints(Validator validator) {
        this.validator = validator;
    }

    /** The record's field problems by field and code, in a list the service adds its own problems to. */
    public List<Problem.FieldError> problemsOf(Object request) {
        return validator.validate(request).stream()
                .map(ConstraintCodes::fieldError)
                .sorted(BY_FIELD)
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
