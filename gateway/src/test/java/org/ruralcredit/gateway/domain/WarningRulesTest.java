package org.ruralcredit.gateway.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.gateway.domain.WarningRules.Firm;
import org.ruralcredit.gateway.domain.WarningRules.Kind;
import org.ruralcredit.gateway.domain.WarningRules.Moral;
import org.ruralcredit.gateway.domain.WarningRules.Rated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarningRulesTest {

    private static List<Kind> kinds(List<WarningRules.Trigger> triggers) {
        return triggers.stream().map(WarningRules.Trigger::kind).toList();
    }

    @Test
    void aLowerScoreUnderAnotherGradeIsADowngradeAndLosingCreditHouseholdStatusWarnsToo() {
        assertEquals(
                List.of(Kind.RATING_DOWNGRADE, Kind.CREDIT_HOUSEHOLD_LOST),
                kinds(WarningRules.onRating(new Rated("AA", 85, true), new Rated("B", 55, false))));
        assertEquals(
                List.of(Kind.RATING_DOWNGRADE),
                kinds(WarningRules.onRating(new Rated("AAA", 95, true), new Rated("AA", 85, true))));
    }

    @Test
    void aLowerScoreInTheSameGradeAnUpgradeOrAFirstRatingDoNotWarn() {
        assertTrue(WarningRules.onRating(new Rated("AA", 88, true), new Rated("AA", 84, true))
                .isEmpty());
        assertTrue(WarningRules.onRating(new Rated("A", 75, true), new Rated("AA", 85, true))
                .isEmpty());
        assertTrue(WarningRules.onRating(null, new Rated("B", 40, false)).isEmpty(), "no previous rating: no change");
    }

    @Test
    void aVetoWarnsOnceAndFewerPointsAreADeduction() {
        assertEquals(List.of(Kind.MORAL_VETO), kinds(WarningRules.onMorality(null, new Moral(70, true))));
        assertEquals(
                List.of(Kind.MORAL_VETO, Kind.MORAL_DEDUCTION),
                kinds(WarningRules.onMorality(new Moral(80, false), new Moral(70, true))));
        assertTrue(
                WarningRules.onMorality(new Moral(70, true), new Moral(70, true))
                        .isEmpty(),
                "an old veto does not warn again");
        assertEquals(
                List.of(Kind.MORAL_DEDUCTION),
                kinds(WarningRules.onMorality(new Moral(80, false), new Moral(75, false))));
        assertTrue(WarningRules.onMorality(new Moral(80, false), new Moral(85, false))
                .isEmpty());
    }

    @Test
    void aFirmWarnsWhenNewFactsLowerItsScore() {
        assertEquals(
                Kind.FIRM_ADVERSE_FACT,
                WarningRules.onFirm(new Firm(80, "A"), new Firm(62, "B"), true)
                        .orElseThrow()
                        .kind());
        assertTrue(
                WarningRules.onFirm(new Firm(80, "A"), new Firm(62, "B"), false).isEmpty(), "not a facts change");
        assertTrue(
                WarningRules.onFirm(new Firm(60, "B"), new Firm(70, "A"), true).isEmpty());
        assertTrue(WarningRules.onFirm(null, new Firm(40, "C"), true).isEmpty());
    }

    @Test
    void eachWarningIsWrittenInEitherLanguageFromTheValuesItKeeps() {
        WarningRules.Trigger lowered = WarningRules.onRating(new Rated("AA", 85, true), new Rated("B", 55, true))
                .get(0);
        assertEquals(Map.of("fromGrade", "AA", "fromScore", 85, "toGrade", "B", "toScore", 55), lowered.values());
        assertEquals("评级由 AA（85 分）降为 B（55 分）。", WarningRules.detail(lowered.kind(), lowered.values(), Language.ZH));
        assertEquals("Rating lowered from AA (85) to B (55).", lowered.detail());
        WarningRules.Trigger below = WarningRules.onRating(new Rated("A", 75, true), new Rated("BELOW_A", 50, false))
                .get(0);
        assertEquals("评级由 A（75 分）降为 A级以下（50 分）。", WarningRules.detail(below.kind(), below.values(), Language.ZH));
        assertEquals("Rating lowered from A (75) to below A (50).", below.detail());
        WarningRules.Trigger fewer = WarningRules.onMorality(new Moral(80, false), new Moral(75, false))
                .get(0);
        assertEquals("道德银行积分由 80 分降至 75 分。", WarningRules.detail(fewer.kind(), fewer.values(), Language.ZH));
        WarningRules.Trigger firm =
                WarningRules.onFirm(new Firm(80, "A"), new Firm(62, null), true).orElseThrow();
        assertEquals("新登记的事实使企业评分由 80 分降至 62 分。", WarningRules.detail(firm.kind(), firm.values(), Language.ZH));
        assertEquals("New facts lowered the firm's score from 80 to 62.", firm.detail());
        for (Kind kind : Kind.values()) {
            String zh = WarningRules.detail(
                    kind,
                    Map.of(
                            "fromGrade",
                            "A",
                            "fromScore",
                            1,
                            "toGrade",
                            "B",
                            "toScore",
                            0,
                            "fromPoints",
                            2,
                            "toPoints",
                            1),
                    Language.ZH);
            assertTrue(!zh.isBlank() && !zh.contains("null") && !zh.matches("(?s).*[a-z]{3,}.*"), kind + ": " + zh);
        }
    }
}
