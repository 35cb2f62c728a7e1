package org.ruralcredit.rating.domain.division;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.ruralcredit.rating.domain.lending.LoanPortfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TownshipAndCountyRatingTest {

    private final DivisionRatingEvaluator evaluator = new DivisionRatingEvaluator();

    private static TownshipFigures township(int villages, int creditVillages, int borrowers, int withOverdue) {
        // NPL 300,000 / 10,000,000 = 3%; last year 2.5%: growth 0.5 point — both pass.
        return new TownshipFigures(
                "330281001",
                villages,
                creditVillages,
                new LendingFigures(
                        borrowers,
                        withOverdue,
                        new LoanPortfolio(new BigDecimal("10000000"), new BigDecimal("300000")),
                        Optional.of(new BigDecimal("2.5"))));
    }

    private static CriterionStatus status(DivisionRating rating, Measure measure) {
        return rating.criteria().stream()
                .filter(r -> r.measure() == measure)
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void townshipWithHalfItsVillagesCreditVillagesPasses() {
        // 5/10 = 50% (≥ 50); 950 of 1,000 borrowers without overdue = 95% (> 90).
        DivisionRating rating = evaluator.evaluate(DefaultRuleSets.TOWNSHIP, township(10, 5, 1000, 50));
        assertEquals(RatingOutcome.PASSED, rating.outcome());
        // 4/10 = 40% fails.
        assertEquals(
                RatingOutcome.FAILED,
                evaluator
                        .evaluate(DefaultRuleSets.TOWNSHIP, township(10, 4, 1000, 50))
                        .outcome());
    }

    @Test
    void townshipBorrowersWithoutOverdueExactlyNinetyPercentFails() {
        // 900/1,000 = 90% exactly; the township rule is > 90.
        DivisionRating rating = evaluator.evaluate(DefaultRuleSets.TOWNSHIP, township(10, 6, 1000, 100));
        assertEquals(CriterionStatus.FAIL, status(rating, Measure.BORROWERS_WITHOUT_OVERDUE_SHARE));
        assertEquals(RatingOutcome.FAILED, rating.outcome());
        // 901/1,000 passes.
        assertEquals(
                RatingOutcome.PASSED,
                evaluator
                        .evaluate(DefaultRuleSets.TOWNSHIP, township(10, 6, 1000, 99))
                        .outcome());
    }

    @Test
    void townshipWithoutVillagesIsNotAssessable() {
        DivisionRating rating = evaluator.evaluate(DefaultRuleSets.TOWNSHIP, township(0, 0, 1000, 50));
        assertEquals(RatingOutcome.NOT_ASSESSABLE, rating.outcome());
        assertEquals(CriterionStatus.NOT_ASSESSABLE, status(rating, Measure.CREDIT_VILLAGE_SHARE));
    }

    @Test
    void countyNeedsSixtyPercentCreditVillages() {
        // 60/100 = 60% exactly passes (≥ 60); 59/100 fails; a county with 0 villages cannot be rated.
        assertEquals(
                RatingOutcome.PASSED,
                evaluator
                        .evaluate(DefaultRuleSets.COUNTY, new CountyFigures("330281", 100, 60))
                        .outcome());
        assertEquals(
                RatingOutcome.FAILED,
                evaluator
                        .evaluate(DefaultRuleSets.COUNTY, new CountyFigures("330281", 100, 59))
                        .outcome());
        assertEquals(
                RatingOutcome.NOT_ASSESSABLE,
                evaluator
                        .evaluate(DefaultRuleSets.COUNTY, new CountyFigures("330281", 0, 0))
                        .outcome());
    }
}
