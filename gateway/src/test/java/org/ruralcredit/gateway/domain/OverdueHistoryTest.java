package org.ruralcredit.gateway.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ruralcredit.gateway.domain.OverdueHistory.Status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverdueHistoryTest {

    private static final LocalDate D = LocalDate.of(2026, 1, 10);

    private static Status status(int month, int overdueDays, LoanClassification c) {
        return new Status(D.plusMonths(month), overdueDays, c, false);
    }

    @Test
    void aLoanAlwaysRepaidOnTimeHasNoOverdueHistory() {
        assertTrue(OverdueHistory.of(
                        List.of(status(0, 0, LoanClassification.NORMAL), status(1, 0, LoanClassification.NORMAL)))
                .isEmpty());
    }

    @Test
    void eachSpellShowsItsOverdueStatusesAndTheStatusThatEndedIt() {
        List<Status> all = List.of(
                status(0, 0, LoanClassification.NORMAL),
                status(1, 15, LoanClassification.SPECIAL_MENTION),
                status(2, 45, LoanClassification.SPECIAL_MENTION),
                status(3, 0, LoanClassification.NORMAL),
                status(4, 0, LoanClassification.NORMAL),
                status(5, 0, LoanClassification.SUBSTANDARD),
                new Status(D.plusMonths(6), 0, LoanClassification.NORMAL, true));
        List<Status> shown = OverdueHistory.of(all);
        assertEquals(
                List.of(all.get(1), all.get(2), all.get(3), all.get(5), all.get(6)),
                shown,
                "a classification worse than normal counts even without overdue days; the settlement ends the spell");
    }
}
