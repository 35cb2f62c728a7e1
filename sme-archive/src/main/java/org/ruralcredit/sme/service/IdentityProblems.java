package org.ruralcredit.sme.service;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.identity.Uscc;
import org.ruralcredit.commons.problem.Problem;

/** The field problems of a credit code or a resident ID, by catalogue code, so they are written in the caller's language. */
public final class IdentityProblems {

    private IdentityProblems() {}

    /** What is wrong with a credit code (upper-cased and stripped first), or empty when it is valid. */
    public static Optional<Problem.FieldError> uscc(String field, String code) {
        String normalised = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        return Uscc.refusal(normalised).map(r -> r.at(field));
    }

    /** What is wrong with a resident ID (never echoed), or empty when it is valid on {@code today}. */
    public static Optional<Problem.FieldError> residentId(String field, String raw, LocalDate today) {
        ResidentId.Result result = ResidentId.parse(raw, today);
        return result.valid() ? Optional.empty() : Optional.of(Problem.FieldError.of(field, result.refusalCode()));
    }
}
