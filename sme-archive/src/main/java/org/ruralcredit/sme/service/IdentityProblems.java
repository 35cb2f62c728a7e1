package org.ruralcredit.sme.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.identity.Uscc;
import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.CommonCodes;

/** The field problems of a credit code or a resident ID, by catalogue code, so they are written in the caller's language. */
public final class IdentityProblems {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private IdentityProblems() {
    }

    /** What is wrong with a credit code (upper-cased and stripped first), or empty when it is valid. */
    public static Optional<Problem.FieldError> uscc(String field, String code) {
        String normalised = code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
        return Uscc.refusal(normalised).map(r -> r.at(field));
    }

    /** What is wrong with a resident ID (never echoed), or empty when it is valid. */
    public static Optional<Problem.FieldError> residentId(String field, String raw) {
        return ResidentId.problemWith(raw, LocalDate.now(CHINA)).map(refusal -> Problem.FieldError.of(field,
                residentIdCode(refusal)));
    }

    /** ResidentId words its refusal in English; the resident-id.* code with that English text names it. */
    static ProblemCode residentIdCode(String refusal) {
        return ProblemCatalogue.all()
                .filter(c -> (c.code().startsWith("resident-id.") || c == CommonCodes.FIELD_REQUIRED) && c.args().isEmpty())
                .filter(c -> ProblemCatalogue.message(c.code(), Map.of(), Language.EN).equals(refusal))
                .findFirst().orElse(CommonCodes.FIELD_INVALID);
    }
}
