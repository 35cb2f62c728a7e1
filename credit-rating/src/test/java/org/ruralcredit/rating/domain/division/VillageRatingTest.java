package org.ruralcredit.rating.domain.division;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.ruralcredit.rating.domain.lending.LoanPortfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VillageRatingTest {

    private final DivisionRatingEvaluator evaluator = new DivisionRatingEvaluator();

    /** A village that meets every default criterion comfortably; tests move one figure at a time. */
    private static VillageFigures village(
            int households,
            int creditHouseholds,
            int borrowers,
            int withOverdue,
            String totalBalance,
            String nplBalance,
            String lastYearNpl) {
        return new VillageFigures(
                "330281001001",
                households,
                creditHouseholds,
                new LendingFigures(
                        borrowers,
                        withOverdue,
                        new LoanPortfolio(new BigDecimal(totalBalance), new BigDecimal(nplBalance)),
                        Optional.ofNullable(lastYearNpl).map(BigDecimal::new)));
    }

    private static CriterionResult row(DivisionRating rating, Measure measure) {
        return rating.criteria().stream()
                .filter(r -> r.measure() == measure)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void villagePassingRegionalSetButFailingDefaultSet() {
        // 200 households in the profile, 120 credit households: 120/200 = 60.00% (≥ 50 yes, ≥ 70 no).
        // 50 borrowers, 4 with overdue: 46/50 = 92.00% (> 90 yes, > 85 yes).
        // Balance 2,000,000, NPL 40,000: 40,000/2,000,000 = 2.00% (< 3 yes, < 5 yes).
        // Last year 1.50%: growth 2.00 − 1.50 = 0.50 points (< 1 yes).
        VillageFigures figures = village(200, 120, 50, 4, "2000000", "40000", "1.50");

        DivisionRating regional = evaluator.evaluate(DefaultRuleSets.VILLAGE_REGIONAL_50_90_3, figures);
        DivisionRating standard = evaluator.evaluate(DefaultRuleSets.VILLAGE, figures);

        assertEquals(RatingOutcome.PASSED, regional.outcome());
        assertEquals(RatingOutcome.FAILED, standard.outcome());
        CriterionResult share = row(standard, Measure.CREDIT_HOUSEHOLD_SHARE);
        assertEquals(CriterionStatus.FAIL, share.status());
        assertEquals(new BigDecimal("60.00"), share.measuredPercent().orElseThrow());
        assertEquals(new BigDecimal("70"), share.threshold());
        assertEquals(Comparison.AT_LEAST, share.comparison());
        // Every other criterion of the default set holds, so the share alone fails it.
        assertEquals(
                1,
                standard.criteria().stream()
                        .filter(r -> r.status() == CriterionStatus.FAIL)
                        .count());
        assertEquals(
                new BigDecimal("92.00"),
                row(standard, Measure.BORROWERS_WITHOUT_OVERDUE_SHARE)
                        .measuredPercent()
                        .orElseThrow());
        assertEquals(
                new BigDecimal("2.00"),
                row(standard, Measure.NPL_RATIO).measuredPercent().orElseThrow());
        assertEquals(
                new BigDecimal("0.50"),
                row(standard, Measure.NPL_RATIO_GROWTH).measuredPercent().orElseThrow());
        assertEquals("village-default", standard.ruleSetId());
        assertEquals(4, standard.criteria().size());
    }

    @Test
    void creditHouseholdShareExactlyAtSeventyPercentPasses() {
        // 140/200 = 70% exactly; the rule is ≥ 70.
        DivisionRating rating =
                evaluator.evaluate(DefaultRuleSets.VILLAGE, village(200, 140, 50, 4, "2000000", "40000", "1.50"));
        assertEquals(
                CriterionStatus.PASS,
                row(rating, Measure.CREDIT_HOUSEHOLD_SHARE).status());
        assertEquals(RatingOutcome.PASSED, rating.outcome());
    }

    @Test
    void shareThatRoundsToSeventyButIsBelowItFails() {
        // 17,499/25,000 = 69.996%, shown as 70.00 but below 70: judged on the exact value.
        DivisionRating rating =
                evaluator.evaluate(DefaultRuleSets.VILLAGE, village(25000, 17499, 50, 4, "2000000", "40000", "1.50"));
        CriterionResult share = row(rating, Measure.CREDIT_HOUSEHOLD_SHARE);
        assertEquals(new BigDecimal("70.00"), share.measuredPercent().orElseThrow());
        assertEquals(CriterionStatus.FAIL, share.status());
    }

    @Test
    void borrowersWithoutOverdueExactlyAtEightyFivePercentFails() {
        // 20 borrowers, 3 overdue: 17/20 = 85% exactly; the rule is > 85.
        DivisionRating atBoundary =
                evaluator.evaluate(DefaultRuleSets.VILLAGE, village(200, 150, 20, 3, "2000000", "40000", "1.50"));
        assertEquals(
                CriterionStatus.FAIL,
                row(atBoundary, Measure.BORROWERS_WITHOUT_OVERDUE_SHARE).status());
        assertEquals(
                new BigDecimal("85.00"),
                row(atBoundary, Measure.BORROWERS_WITHOUT_OVERDUE_SHARE)
                        .measuredPercent()
                        .orElseThrow());
        // 2 overdue: 18/20 = 90% passes.
        DivisionRating above =
                evaluator.evaluate(DefaultRuleSets.VILLAGE, village(200, 150, 20, 2, "2000000", "40000", "1.50"));
        assertEquals(
                CriterionStatus.PASS,
                row(above, Measure.BORROWERS_WITHOUT_OVERDUE_SHARE).status());
    }

    @Test
    void nplRatioExactlyAtFivePercentFails() {
        // 50,000 / 1,000,000 = 5% exactly; the rule is < 5. Last year 4.5%: growth 0.5, fine.
        DivisionRating atBoundary =
                evaluator.evaluate(DefaultRuleSets.VILLAGE, village(200, 150, 50, 4, "1000000", "50000", "4.5"));
        assertEquals(CriterionStatus.FAIL, row(atBoundary, Measure.NPL_RATIO).status());
        assertEquals(
                CriterionStatus.PASS, row(atBoundary, Measure.NPL_RATIO_GROWTH).status());
        // 49,999 / 1,000,000 = 4.9999% passes though it shows as 5.00.
        DivisionRating below =
                evaluator.evaluate(DefaultRuleSets.VILLAGE, village(200, 150, 50, 4, "1000000", "49999", "4.5"));
        assertEquals(CriterionStatus.PASS, row(below, Measure.NPL_RATIO).status());
        assertEquals(
                new BigDecimal("5.00"),
                row(below, Measure.NPL_RATIO).measuredPercent().orElseThrow());
    }

    @Test
    void nplGrowthOfExactlyOnePointFails() {
        // This year 40,000 / 1,000,000 = 4%; last year 3%: growth exactly 1 point; the rule is < 1.
        DivisionRating atBoundary =
                evaluator.evaluate(DefaultRuleSets.VILLAGE, village(200, 150, 50, 4, "1000000", "40000", "3"));
        assertEquals(CriterionStatus.PASS, row(atBoundary, Measure.NPL_RATIO).status());
        assertEquals(
                CriterionStatus.FAIL, row(atBoundary, Measure.NPL_RATIO_GROWTH).status());
        assertEquals(
                new BigDecimal("1.00"),
                row(atBoundary, Measure.NPL_RATIO_GROWTH).measuredPercent().orElseThrow());
        // Last year 3.01%: growth 0.99 passes.
        DivisionRating below =
                evaluator.evaluate(DefaultRuleSets.VILLAGE, village(200, 150, 50, 4, "1000000", "40000", "3.01"));
        assertEquals(CriterionStatus.PASS, row(below, Measure.NPL_RATIO_GROWTH).status());
    }

    @Test
    void fallingNplRatioIsNegativeGrowth() {
        // 2% now, 4% last year: −2 points.
        DivisionRating rating =
                evaluator.evaluate(DefaultRuleSets.VILLAGE, village(200, 150, 50, 4, "1000000", "20000", "4"));
        assertEquals(
                new BigDecimal("-2.00"),
                row(rating, Measure.NPL_RATIO_GROWTH).measuredPercent().orElseThrow());
        assertEquals(CriterionStatus.PASS, row(rating, Measure.NPL_RATIO_GROWTH).status());
    }

    @Test
    void withoutLastYearRatioTheWholeRatioCountsAsGrowth() {
        // No loans last year: baseline 0, so 2% NPL now is 2 points of growth and fails "< 1".
        DivisionRating rating =
                evaluator.evaluate(DefaultRuleSets.VILLAGE, village(200, 150, 50, 4, "1000000", "20000", null));
        assertEquals(
                new BigDecimal("2.00"),
                row(rating, Measure.NPL_RATIO_GROWTH).measuredPercent().orElseThrow());
        assertEquals(RatingOutcome.FAILED, rating.outcome());
    }

    @Test
    void villageWithNoHouseholdsInProfileIsNotAssessable() {
        DivisionRating rating = evaluator.evaluate(DefaultRuleSets.VILLAGE, village(0, 0, 0, 0, "0", "0", null));
        assertEquals(RatingOutcome.NOT_ASSESSABLE, rating.outcome());
        CriterionResult share = row(rating, Measure.CREDIT_HOUSEHOLD_SHARE);
        assertEquals(CriterionStatus.NOT_ASSESSABLE, share.status());
        assertTrue(share.measuredPercent().isEmpty());
        assertTrue(share.reason().orElseThrow().contains("no households"));
    }

    @Test
    void villageWithNoBorrowersIsNotAssessableButStillListsEveryCriterion() {
        DivisionRating rating = evaluator.evaluate(DefaultRuleSets.VILLAGE, village(200, 150, 0, 0, "0", "0", null));
        assertEquals(RatingOutcome.NOT_ASSESSABLE, rating.outcome());
        assertEquals(4, rating.criteria().size());
        assertEquals(
                CriterionStatus.PASS,
                row(rating, Measure.CREDIT_HOUSEHOLD_SHARE).status());
        assertEquals(
                CriterionStatus.NOT_ASSESSABLE,
                row(rating, Measure.BORROWERS_WITHOUT_OVERDUE_SHARE).status());
        assertEquals(
                CriterionStatus.NOT_ASSESSABLE, row(rating, Measure.NPL_RATIO).status());
        assertEquals(
                CriterionStatus.NOT_ASSESSABLE,
                row(rating, Measure.NPL_RATIO_GROWTH).status());
    }

    @Test
    void describesARowForTheCriteriaTable() {
        DivisionRating rating =
                evaluator.evaluate(DefaultRuleSets.VILLAGE, village(200, 120, 50, 4, "2000000", "40000", "1.50"));
        assertEquals(
                "信用户占全村农户比例 60.00 ≥ 70: FAIL",
                row(rating, Measure.CREDIT_HOUSEHOLD_SHARE).describe());
    }

    @Test
    void rejectsImpossibleFiguresAndMismatchedLevels() {
        assertThrows(IllegalArgumentException.class, () -> village(100, 101, 50, 4, "1000", "10", null));
        assertThrows(IllegalArgumentException.class, () -> village(100, 50, 5, 6, "1000", "10", null));
        assertThrows(
                IllegalArgumentException.class,
                () -> evaluator.evaluate(DefaultRuleSets.TOWNSHIP, village(100, 80, 50, 4, "1000", "10", null)));
    }

    @Test
    void ruleSetRejectsCriteriaOfAnotherLevelAndDuplicates() {
        IllegalArgumentException problem = assertThrows(
                IllegalArgumentException.class,
                () -> new RuleSet(
                        "x",
                        1,
                        DivisionLevel.COUNTY,
                        List.of(
                                Criterion.of(Measure.NPL_RATIO, Comparison.LESS_THAN, "5"),
                                Criterion.of(Measure.CREDIT_VILLAGE_SHARE, Comparison.AT_LEAST, "60"),
                                Criterion.of(Measure.CREDIT_VILLAGE_SHARE, Comparison.AT_LEAST, "70"))));
        assertTrue(problem.getMessage().contains("NPL_RATIO does not apply"));
        assertTrue(problem.getMessage().contains("CREDIT_VILLAGE_SHARE appears twice"));
    }
}
