package org.ruralcredit.creditline;

import java.math.BigDecimal;

/**
 * What a credit line is sized on, in yuan: the household's grade, the family's total assets,
 * its yearly business income (negative in a loss year) and its net yearly income.
 */
public record HouseholdFinances(
        CreditGrade grade, BigDecimal familyTotalAssets, BigDecimal familyBusinessIncome, BigDecimal netYearlyIncome) {

    public HouseholdFinances {
        if (grade == null) {
            throw new IllegalArgumentException("grade is required");
        }
        if (familyTotalAssets.signum() < 0) {
            throw new IllegalArgumentException("total assets cannot be negative");
        }
    }
}
