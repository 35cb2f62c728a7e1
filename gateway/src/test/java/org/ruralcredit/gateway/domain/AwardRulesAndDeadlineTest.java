package org.ruralcredit.gateway.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ruralcredit.gateway.domain.AwardRules.Facts;
import org.ruralcredit.gateway.domain.AwardRules.Outcome;
import org.ruralcredit.gateway.domain.AwardRules.Reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwardRulesAndDeadlineTest {

    @Test
    void aCreditHouseholdWithoutVetoAndEnoughPointsPasses() {
        assertEquals(
                new AwardRules.Verdict(Outcome.PASS, List.of()),
                AwardRules.check(new Facts(true, true, false, 80, false), 80),
                "the threshold itself passes");
    }

    @Test
    void everyFailingConditionIsNamedByCategory() {
        assertEquals(
                List.of(Reason.NOT_CREDIT_HOUSEHOLD, Reason.MORAL_VETO, Reason.MORAL_POINTS_BELOW_THRESHOLD),
                AwardRules.check(new Facts(true, false, true, 79, false), 80).reasons());
        assertEquals(
                List.of(Reason.NOT_RATED, Reason.NO_MORAL_RECORD),
                AwardRules.check(new Facts(true, null, null, null, false), 80).reasons());
        assertEquals(
                new AwardRules.Verdict(Outcome.FAIL, List.of(Reason.NO_HOUSEHOLD_FILE)),
                AwardRules.check(new Facts(false, null, null, null, false), 80));
    }

    @Test
    void aSourceThatDidNotAnswerLeavesTheCheckUndecidedNotFailed() {
        assertEquals(
                Outcome.UNDECIDED,
                AwardRules.check(new Facts(true, true, null, null, true), 80).outcome());
    }

    @Test
    void anObjectionIsDueTwentyDaysAfterItWasRaisedAndOverdueTheDayAfter() {
        LocalDate raised = LocalDate.of(2026, 11, 18);
        LocalDate due = AnswerDeadline.dueOn(raised);
        assertEquals(LocalDate.of(2026, 12, 8), due);
        assertFalse(AnswerDeadline.overdue(due, false, due), "the due date is still in time");
        assertTrue(AnswerDeadline.overdue(due, false, due.plusDays(1)));
        assertFalse(AnswerDeadline.overdue(due, true, due.plusDays(30)), "answered ones are never overdue");
    }
}
