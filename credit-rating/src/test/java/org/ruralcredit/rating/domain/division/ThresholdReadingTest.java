package org.ruralcredit.rating.domain.division;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.ruralcredit.rating.domain.lending.LoanPortfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 以上 / 以下 include the number (Civil Code Art. 1259); the version 2 rule sets read the source
 * texts so, version 1 stays as it was; a known failure outranks a missing figure.
 */
class ThresholdReadingTest {

    private final DivisionRatingEvaluator evaluator = new DivisionRatingEvaluator();

    private static VillageFigures village(
            int households,
            int credit,
            int borrowers,
            int withOverdue,
            String balance,
            String npl,
            String lastYearNpl) {
        return new VillageFigures(
                "330281001001",
                households,
                credit,
                new LendingFigures(
                        borrowers,
                        withOverdue,
                        new LoanPortfolio(new BigDecimal(balance), new BigDecimal(npl)),
                        Optional.ofNullable(lastYearNpl).map(BigDecimal::new)));
    }

    private static CriterionStatus status(DivisionRating rating, Measure measure) {
        return rating.criteria().stream()
                .filter(c -> c.measure() == measure)
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void eachComparisonAtItsBoundary() {
        // measured exactly 5 % (1 of 20) against a threshold of 5
        Percentage five = Percentage.of(1, 20);
        int sign = five.compareTo(new BigDecimal("5"));
        assertEquals(0, sign);
        assertTrue(Comparison.AT_LEAST.holds(sign));
        assertTrue(Comparison.AT_MOST.holds(sign));
        assertFalse(Comparison.GREATER_THAN.holds(sign));
        assertFalse(Comparison.LESS_THAN.holds(sign));
        // one part in a million above: 50,001 / 1,000,000 = 5.0001 %
        int above = Percentage.of(50_001, 1_000_000).compareTo(new BigDecimal("5"));
        assertTrue(Comparison.AT_LEAST.holds(above) && Comparison.GREATER_THAN.holds(above));
        assertFalse(Comparison.AT_MOST.holds(above) || Comparison.LESS_THAN.holds(above));
        // and below: 49,999 / 1,000,000 = 4.9999 %
        int below = Percentage.of(49_999, 1_000_000).compareTo(new BigDecimal("5"));
        assertTrue(Comparison.AT_MOST.holds(below) && Comparison.LESS_THAN.holds(below));
        assertFalse(Comparison.AT_LEAST.holds(below) || Comparison.GREATER_THAN.holds(below));
    }

    /** 以上 (at least) and 以下 (at most) include the number. */
    @Test
    void theCorrectedVersionsReadAtLeastAndAtMostAsIncludingTheNumber() {
        RuleSet regional = RuleSetCatalog.find("village-regional-50-90-3", null).orElseThrow();
        assertEquals(2, regional.version());
        assertEquals(
                List.of(
                        Criterion.of(Measure.CREDIT_HOUSEHOLD_SHARE, Comparison.AT_LEAST, "50"),
                        Criterion.of(Measure.BORROWERS_WITHOUT_OVERDUE_SHARE, Comparison.AT_LEAST, "90"),
                        Criterion.of(Measure.NPL_RATIO, Comparison.AT_MOST, "3")),
                regional.criteria());
        RuleSet village = RuleSetCatalog.defaultFor(DivisionLevel.VILLAGE);
        assertEquals(2, village.version());
        assertEquals(Comparison.AT_LEAST, village.criteria().get(1).comparison());
        assertEquals(Comparison.AT_MOST, village.criteria().get(2).comparison());
        RuleSet township = RuleSetCatalog.defaultFor(DivisionLevel.TOWNSHIP);
        assertEquals(2, township.version());
        assertEquals(Comparison.AT_LEAST, township.criteria().get(1).comparison());
        assertEquals(Comparison.AT_MOST, township.criteria().get(2).comparison());
        // version 1 is kept as it was, for the ratings made with it
        RuleSet old = RuleSetCatalog.find("village-default", 1).orElseThrow();
        assertEquals(Comparison.GREATER_THAN, old.criteria().get(1).comparison());
        assertEquals(Comparison.LESS_THAN, old.criteria().get(2).comparison());
        assertEquals(
                4,
                RuleSetCatalog.find("village-regional-50-90-3", 1)
                        .orElseThrow()
                        .criteria()
                        .size());
    }

    @Test
    void aVillageAtExactly90And3PassesTheRegionalSet() {
        // 200 households, 100 credit (50.00 %); 50 borrowers, 5 with overdue: 45 / 50 = 90.00 %;
        // NPL 30,000 of 1,000,000 = 3.00 %
        VillageFigures figures = village(200, 100, 50, 5, "1000000", "30000", "3");
        DivisionRating v2 = evaluator.evaluate(
                RuleSetCatalog.find("village-regional-50-90-3", 2).orElseThrow(), figures);
        assertEquals(RatingOutcome.PASSED, v2.outcome());
        // version 1 read 90 % and 3 % as strict, and failed the same village
        DivisionRating v1 = evaluator.evaluate(DefaultRuleSets.VILLAGE_REGIONAL_50_90_3, figures);
        assertEquals(RatingOutcome.FAILED, v1.outcome());
        assertEquals(CriterionStatus.FAIL, status(v1, Measure.BORROWERS_WITHOUT_OVERDUE_SHARE));
        assertEquals(CriterionStatus.FAIL, status(v1, Measure.NPL_RATIO));
    }

    @Test
    void aVillageAtExactly85And5PassesTheDefaultSetsLendingCriteria() {
        // 100 borrowers, 15 overdue: 85.00 %; NPL 50,000 of 1,000,000 = 5.00 %, last year 4.5: growth 0.5
        VillageFigures figures = village(100, 70, 100, 15, "1000000", "50000", "4.5");
        DivisionRating v2 = evaluator.evaluate(DefaultRuleSets.VILLAGE_V2, figures);
        assertEquals(RatingOutcome.PASSED, v2.outcome());
        assertEquals(
                RatingOutcome.FAILED,
                evaluator.evaluate(DefaultRuleSets.VILLAGE, figures).outcome());
    }

    @Test
    void aKnownFailureIsFailedEvenWhenAnotherCriterionCannotBeMeasured() {
        // 60 of 200 credit households (30 %) fails "≥ 70 %"; no borrowers: the lending criteria are not measurable
        DivisionRating rating = evaluator.evaluate(DefaultRuleSets.VILLAGE_V2, village(200, 60, 0, 0, "0", "0", null));
        assertEquals(CriterionStatus.FAIL, status(rating, Measure.CREDIT_HOUSEHOLD_SHARE));
        assertEquals(CriterionStatus.NOT_ASSESSABLE, status(rating, Measure.NPL_RATIO));
        assertEquals(RatingOutcome.FAILED, rating.outcome());
        // with no failure known and something missing: NOT_ASSESSABLE
        DivisionRating missing =
                evaluator.evaluate(DefaultRuleSets.VILLAGE_V2, village(200, 150, 0, 0, "0", "0", null));
        assertEquals(RatingOutcome.NOT_ASSESSABLE, missing.outcome());
    }

    @Test
    void statedFiguresAreJudgedByTheSameEvaluator() {
        StatedFigures stated = new StatedFigures(Map.of(
                Measure.CREDIT_HOUSEHOLD_SHARE, StatedFigures.percent(new BigDecimal("72.5")),
                Measure.BORROWERS_WITHOUT_OVERDUE_SHARE,
                        StatedFigures.counts(new BigDecimal("90"), new BigDecimal("100")),
                Measure.NPL_RATIO, StatedFigures.percent(new BigDecimal("1.2"))));
        WhatIfEvaluation.Result regional =
                WhatIfEvaluation.evaluate(DefaultRuleSets.VILLAGE_REGIONAL_50_90_3_V2, stated);
        assertEquals(RatingOutcome.PASSED, regional.verdict());
        assertEquals(new BigDecimal("90.00"), regional.criteria().get(1).value());
        // the default set also names the NPL growth, which was not stated: nothing failed, so not assessable
        WhatIfEvaluation.Result village = WhatIfEvaluation.evaluate(DefaultRuleSets.VILLAGE_V2, stated);
        assertEquals(RatingOutcome.NOT_ASSESSABLE, village.verdict());
        assertEquals(null, village.criteria().get(3).met());
        // 69.99 % credit households fail "≥ 70": FAILED although the rest is not stated
        StatedFigures low = new StatedFigures(
                Map.of(Measure.CREDIT_HOUSEHOLD_SHARE, StatedFigures.percent(new BigDecimal("69.99"))));
        assertEquals(
                RatingOutcome.FAILED,
                WhatIfEvaluation.evaluate(DefaultRuleSets.VILLAGE_V2, low).verdict());
    }
}
