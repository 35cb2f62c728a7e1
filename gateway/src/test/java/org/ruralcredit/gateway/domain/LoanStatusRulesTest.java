package org.ruralcredit.gateway.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.codes.GatewayCodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.domain.LoanClassification.DOUBTFUL;
import static org.ruralcredit.gateway.domain.LoanClassification.LOSS;
import static org.ruralcredit.gateway.domain.LoanClassification.NORMAL;
import static org.ruralcredit.gateway.domain.LoanClassification.SPECIAL_MENTION;
import static org.ruralcredit.gateway.domain.LoanClassification.SUBSTANDARD;

class LoanStatusRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    @Test
    void aLoanIsOverdueAtMostAsManyDaysAsItExists() {
        assertTrue(LoanStatusRules.status(TODAY.minusDays(30), TODAY, 30, null).isEmpty());
        List<LoanStatusRules.FieldProblem> p = LoanStatusRules.status(TODAY.minusDays(1), TODAY, 9999, null);
        assertEquals(1, p.size());
        assertEquals("overdueDays", p.get(0).field());
        assertEquals(GatewayCodes.LOAN_OVERDUE_SINCE_START, p.get(0).code());
        assertEquals(List.of(1L, TODAY.minusDays(1)), p.get(0).args());
        // a loan granted today cannot be overdue at all
        assertEquals(1, LoanStatusRules.status(TODAY, TODAY, 1, null).size());
    }

    @Test
    void theClassificationIsNeverBetterThanTheOverdueFloor() {
        LocalDate start = TODAY.minusYears(2);
        assertTrue(LoanStatusRules.status(start, TODAY, 30, NORMAL).isEmpty(), "a short delay may stay 正常");
        assertTrue(
                LoanStatusRules.status(start, TODAY, 120, DOUBTFUL).isEmpty(),
                "worse than the floor is the lender's call");
        assertEquals(
                GatewayCodes.LOAN_CLASSIFICATION_BELOW_OVERDUE,
                LoanStatusRules.status(start, TODAY, 120, SPECIAL_MENTION)
                        .get(0)
                        .code());
        assertEquals(
                "classification",
                LoanStatusRules.status(start, TODAY, 400, DOUBTFUL).get(0).field());
        assertTrue(LoanStatusRules.status(start, TODAY, 271, DOUBTFUL).isEmpty());
        assertEquals(1, LoanStatusRules.status(start, TODAY, 271, SUBSTANDARD).size());
        assertTrue(LoanStatusRules.status(start, TODAY, 400, LOSS).isEmpty());
    }

    @Test
    void aLoanIsNotSettledBeforeItStarted() {
        assertTrue(LoanStatusRules.settlement(TODAY.minusDays(10), null).isEmpty());
        assertTrue(LoanStatusRules.settlement(TODAY.minusDays(10), TODAY.minusDays(10))
                .isEmpty());
        assertEquals(
                GatewayCodes.LOAN_DATE_BEFORE_START,
                LoanStatusRules.settlement(TODAY.minusDays(10), TODAY.minusDays(11))
                        .orElseThrow()
                        .code());
    }
}
