package org.ruralcredit.gateway.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdverseRecordsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    private static AdverseRecords.History settled(LocalDate on, LoanClassification worst, int maxOverdue) {
        return new AdverseRecords.History(true, on, worst, maxOverdue);
    }

    @Test
    void anAdverseRecordIsShownForFiveYearsAfterTheLoanEndedThenExcluded() {
        assertTrue(
                AdverseRecords.shown(settled(TODAY.minusYears(5), LoanClassification.SUBSTANDARD, 120), TODAY),
                "exactly five years after: still shown");
        assertFalse(
                AdverseRecords.shown(
                        settled(TODAY.minusYears(5).minusDays(1), LoanClassification.SUBSTANDARD, 120), TODAY),
                "a day more: excluded");
    }

    @Test
    void overdueDaysAloneMakeARecordAdverse() {
        assertTrue(AdverseRecords.adverse(settled(TODAY, LoanClassification.NORMAL, 3)));
        assertFalse(AdverseRecords.shown(settled(TODAY.minusYears(6), LoanClassification.NORMAL, 3), TODAY));
    }

    @Test
    void goodRecordsAndLoansNotYetEndedAreAlwaysShown() {
        assertTrue(AdverseRecords.shown(settled(TODAY.minusYears(20), LoanClassification.NORMAL, 0), TODAY));
        assertTrue(
                AdverseRecords.shown(new AdverseRecords.History(false, null, LoanClassification.LOSS, 900), TODAY),
                "an unsettled loss is not over");
    }

    @Test
    void anEndedPublicOrderFactIsShownForFiveYearsAfterItsDateThenExcluded() {
        assertTrue(AdverseRecords.publicOrderFactShown(false, TODAY.minusYears(5), TODAY), "exactly five years: shown");
        assertFalse(
                AdverseRecords.publicOrderFactShown(false, TODAY.minusYears(5).minusDays(1), TODAY),
                "a day more: excluded");
        assertTrue(AdverseRecords.publicOrderFactShown(false, TODAY.minusMonths(3), TODAY));
    }

    @Test
    void anOngoingPublicOrderFactIsShownWhateverItsAge() {
        assertTrue(AdverseRecords.publicOrderFactShown(true, TODAY.minusYears(12), TODAY), "enforcement still running");
        assertTrue(AdverseRecords.publicOrderFactShown(false, null, TODAY), "no date: nothing to count from, kept");
    }
}
