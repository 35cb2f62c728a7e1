package org.ruralcredit.rating.domain.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoanClassifierTest {

    private final LoanClassifier classifier = LoanClassifier.withDefaults();

    @ParameterizedTest(name = "{0} days overdue -> {1}")
    @CsvSource({
            "0, NORMAL",
            "1, SPECIAL_MENTION",
            "90, SPECIAL_MENTION",
            "91, SUBSTANDARD",
            "180, SUBSTANDARD",
            "181, DOUBTFUL",
            "360, DOUBTFUL",
            "361, LOSS",
            "2000, LOSS"
    })
    void defaultThresholdsAreStrictlyGreaterThan(int days, LoanTier expected) {
        assertEquals(expected, classifier.fromDaysOverdue(days));
    }

    @Test
    void thresholdsAreConfigurable() {
        // A region that treats 30 days as 关注's end and 60 as 次级 uses its own thresholds.
        LoanClassifier strict = new LoanClassifier(new OverdueThresholds(30, 60, 120, 240));
        assertEquals(LoanTier.NORMAL, strict.fromDaysOverdue(30));
        assertEquals(LoanTier.SPECIAL_MENTION, strict.fromDaysOverdue(31));
        assertEquals(LoanTier.SUBSTANDARD, strict.fromDaysOverdue(61));
        assertEquals(LoanTier.DOUBTFUL, strict.fromDaysOverdue(121));
        assertEquals(LoanTier.LOSS, strict.fromDaysOverdue(241));
    }

    @Test
    void reportedTierWinsOverDays() {
        assertEquals(LoanTier.DOUBTFUL, classifier.classify(Optional.of(LoanTier.DOUBTFUL), 10));
        assertEquals(LoanTier.SUBSTANDARD, classifier.classify(Optional.empty(), 100));
    }

    @Test
    void onlySubstandardDoubtfulAndLossAreNonPerforming() {
        assertFalse(LoanTier.NORMAL.isNonPerforming());
        assertFalse(LoanTier.SPECIAL_MENTION.isNonPerforming());
        assertTrue(LoanTier.SUBSTANDARD.isNonPerforming());
        assertTrue(LoanTier.DOUBTFUL.isNonPerforming());
        assertTrue(LoanTier.LOSS.isNonPerforming());
    }

    @Test
    void rejectsNegativeDaysAndUnorderedThresholds() {
        assertThrows(IllegalArgumentException.class, () -> classifier.fromDaysOverdue(-1));
        assertThrows(IllegalArgumentException.class, () -> new OverdueThresholds(0, 180, 90, 360));
        assertThrows(IllegalArgumentException.class, () -> new OverdueThresholds(-1, 90, 180, 360));
    }
}
