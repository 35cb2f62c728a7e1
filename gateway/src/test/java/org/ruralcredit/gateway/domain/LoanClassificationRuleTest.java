package org.ruralcredit.gateway.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.domain.LoanClassification.DOUBTFUL;
import static org.ruralcredit.gateway.domain.LoanClassification.LOSS;
import static org.ruralcredit.gateway.domain.LoanClassification.NORMAL;
import static org.ruralcredit.gateway.domain.LoanClassification.SPECIAL_MENTION;
import static org.ruralcredit.gateway.domain.LoanClassification.SUBSTANDARD;

class LoanClassificationRuleTest {

    /** The thresholds application.properties sets. */
    private static final LoanClassificationRule DEFAULTS = new LoanClassificationRule(90, 180, 360);

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
        "36500, LOSS"
    })
    void defaultThresholdsCountStrictlyMoreDays(int days, LoanClassification expected) {
        assertEquals(expected, DEFAULTS.fromOverdueDays(days));
    }

    @Test
    void aRegionMaySetStricterThresholds() {
        LoanClassificationRule strict = new LoanClassificationRule(60, 120, 240);
        assertEquals(NORMAL, strict.fromOverdueDays(0));
        assertEquals(SPECIAL_MENTION, strict.fromOverdueDays(60));
        assertEquals(SUBSTANDARD, strict.fromOverdueDays(61));
        assertEquals(SUBSTANDARD, strict.fromOverdueDays(120));
        assertEquals(DOUBTFUL, strict.fromOverdueDays(121));
        assertEquals(DOUBTFUL, strict.fromOverdueDays(240));
        assertEquals(LOSS, strict.fromOverdueDays(241));
        // the floor itself is a valid set: the regulation's own reading
        assertEquals(SUBSTANDARD, new LoanClassificationRule(90, 270, 360).fromOverdueDays(270));
    }

    @Test
    void theLendersClassificationWinsOverTheDays() {
        assertEquals(DOUBTFUL, DEFAULTS.classify(DOUBTFUL, 10));
        assertEquals(NORMAL, DEFAULTS.classify(NORMAL, 30));
        assertEquals(SUBSTANDARD, DEFAULTS.classify(null, 100));
    }

    @Test
    void negativeDaysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.fromOverdueDays(-1));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.classify(null, -1));
        assertThrows(IllegalArgumentException.class, () -> LoanClassificationRule.floor(-1));
    }

    @Test
    void thresholdsMustBePositive() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new LoanClassificationRule(0, 180, 360));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LoanClassificationRule(-1, 180, 360));
    }

    @Test
    void thresholdsMustStrictlyIncrease() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new LoanClassificationRule(180, 90, 360));
        assertTrue(e.getMessage().contains("strictly increase"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LoanClassificationRule(90, 90, 360));
        assertThrows(IllegalArgumentException.class, () -> new LoanClassificationRule(90, 360, 360));
        assertThrows(IllegalArgumentException.class, () -> new LoanClassificationRule(90, 300, 200));
    }

    @Test
    void thresholdsMustNotBeLaxerThanTheRegulatoryFloor() {
        // 100 days overdue would come out 关注, a class the gateway refuses from a lender
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new LoanClassificationRule(120, 180, 360));
        assertTrue(e.getMessage().contains("floor"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LoanClassificationRule(90, 271, 360));
        assertThrows(IllegalArgumentException.class, () -> new LoanClassificationRule(90, 180, 361));
    }

    @Test
    void theFloorIsFixed() {
        assertEquals(NORMAL, LoanClassificationRule.floor(0));
        assertEquals(NORMAL, LoanClassificationRule.floor(90));
        assertEquals(SUBSTANDARD, LoanClassificationRule.floor(91));
        assertEquals(SUBSTANDARD, LoanClassificationRule.floor(270));
        assertEquals(DOUBTFUL, LoanClassificationRule.floor(271));
        assertEquals(DOUBTFUL, LoanClassificationRule.floor(360));
        assertEquals(LOSS, LoanClassificationRule.floor(361));
    }

    @Test
    void nothingTheDefaultsDeriveIsBelowTheFloor() {
        for (int days = 0; days <= 400; days++) {
            assertFalse(LoanClassificationRule.floor(days).worseThan(DEFAULTS.fromOverdueDays(days)), days + " days");
        }
    }

    @Test
    void nonPerformingIsSubstandardDoubtfulAndLoss() {
        assertFalse(NORMAL.nonPerforming());
        assertFalse(SPECIAL_MENTION.nonPerforming());
        assertTrue(SUBSTANDARD.nonPerforming());
        assertTrue(DOUBTFUL.nonPerforming());
        assertTrue(LOSS.nonPerforming());
    }

    @Test
    void classesAreOrderedBySeverityAndParsedInEitherLanguage() {
        assertTrue(LOSS.worseThan(DOUBTFUL));
        assertTrue(SPECIAL_MENTION.worseThan(NORMAL));
        assertFalse(NORMAL.worseThan(NORMAL));
        assertFalse(SUBSTANDARD.worseThan(DOUBTFUL));
        assertEquals(DOUBTFUL, LoanClassification.parse("可疑"));
        assertEquals(LOSS, LoanClassification.parse(" loss "));
        assertThrows(IllegalArgumentException.class, () -> LoanClassification.parse("bad"));
    }
}
