package org.ruralcredit.gateway.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ruralcredit.commons.problem.codes.GatewayCodes;

/**
 * What a lender reports about a loan must fit the loan's own history (the data provider answers for
 * its accuracy): a loan cannot be overdue longer than it has existed, a loan long overdue cannot be
 * classified better than the regulatory floor ({@link LoanClassificationRule#floor}), and no date of
 * the loan lies before its start. Decided without a database, so each rule is tested on its own.
 */
public final class LoanStatusRules {

    private LoanStatusRules() {}

    /** One field that does not fit: the field, its code and the code's values. */
    public record FieldProblem(String field, GatewayCodes code, List<Object> args) {}

    /**
     * A status reported today for a loan that started on {@code startDate}: its overdue days and the
     * classification (null when the default for the overdue days is meant).
     */
    public static List<FieldProblem> status(
            LocalDate startDate, LocalDate today, int overdueDays, LoanClassification classification) {
        List<FieldProblem> problems = new ArrayList<>();
        long days = Math.max(0, ChronoUnit.DAYS.between(startDate, today));
        if (overdueDays > days) {
            problems.add(
                    new FieldProblem("overdueDays", GatewayCodes.LOAN_OVERDUE_SINCE_START, List.of(days, startDate)));
        }
        LoanClassification least = LoanClassificationRule.floor(overdueDays);
        if (classification != null && least.worseThan(classification)) {
            problems.add(new FieldProblem(
                    "classification",
                    GatewayCodes.LOAN_CLASSIFICATION_BELOW_OVERDUE,
                    List.of(overdueDays, least.name() + "/" + least.chinese())));
        }
        return List.copyOf(problems);
    }

    /** A settlement date, if given, is not before the loan's start. */
    public static Optional<FieldProblem> settlement(LocalDate startDate, LocalDate settledOn) {
        if (settledOn != null && settledOn.isBefore(startDate)) {
            return Optional.of(new FieldProblem("settledOn", GatewayCodes.LOAN_DATE_BEFORE_START, List.of(startDate)));
        }
        return Optional.empty();
    }
}
