package org.ruralcredit.creditline;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which grade and sums a line is sized on, wherever the offer is computed. */
class HouseholdFinancesTest {

    @Test
    void aCreditHouseholdIsSizedOnItsGradeAnyOtherBelowA() {
        HouseholdFinances credit = HouseholdFinances.of("AA", true, 800_000, 260_000, 140_000);
        assertEquals(CreditGrade.AA, credit.grade());
        assertEquals(new BigDecimal("800000"), credit.familyTotalAssets());
        assertEquals(new BigDecimal("260000"), credit.familyBusinessIncome());
        assertEquals(new BigDecimal("140000"), credit.netYearlyIncome());
        assertEquals(
                CreditGrade.BELOW_A,
                HouseholdFinances.of("AA", false, 800_000, 260_000, 140_000).grade());
        assertEquals(
                CreditGrade.BELOW_A, HouseholdFinances.of("Z", true, 0, 0, 0).grade());
        assertEquals(
                CreditGrade.BELOW_A, HouseholdFinances.of(null, true, 0, 0, 0).grade());
        // a loss year's business income stays negative
        assertEquals(
                new BigDecimal("-5000"),
                HouseholdFinances.of("A", true, 0, -5_000, -9_000).familyBusinessIncome());
    }
}
