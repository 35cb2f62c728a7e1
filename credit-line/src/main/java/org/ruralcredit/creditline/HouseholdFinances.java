package org.ruralcredit.creditline;

import java.math.BigDecimal;

/**
 * What a credit line is sized on, in yuan: the household's grade, the family's total assets,
 * its yearly business income (negative in a loss year) and its net yearly income.
 */
public record HouseholdFinances(
        CreditGrade grade, BigDecimal familyTotalAssets, BigDecimal familyBusinessIncome, BigDecimal netYearlyIncome) {

    /**
     * The finances a line is sized on, from a household's rating and its file's sums (in whole
     * yuan, none collected: 0): the rating's grade for a credit household, below A for any other
     * (and for a grade this platform does not know).
     */
    public static HouseholdFinances of(
            String grade, boolean creditHousehold, long totalAssets, long businessIncome, long netIncome) {
        return new HouseholdFinances(
                creditHousehold ? gradeOf(grade) : CreditGrade.BELOW_A,
                BigDecimal.valueOf(totalAssets),
                BigDecimal.valueOf(businessIncome),
                BigDecimal.valueOf(netIncome));
    }

    private static CreditGrade gradeOf(String grade) {
        try {
            return CreditGrade.valueOf(grade);
        } catch (IllegalArgumentException | NullPointerException e) {
            return CreditGrade.BELOW_A;
        }
    }

    public HouseholdFinances {
        if (grade == null) {
            throw new IllegalArgumentException("grade is required");
        }
        if (familyTotalAssets.signum() < 0) {
            throw new IllegalArgumentException("total assets cannot be negative");
        }
    }
}
