package org.ruralcredit.rating.domain.creditline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ruralcredit.rating.domain.lending.CreditGrade;

/**
 * How one lender turns a grade into a credit line and a rate (评分、授信分离: the platform rates,
 * the lender decides). Shares and rates are fractions (0.10 = 10%); amounts are yuan.
 *
 * @param baseLineByGrade grades absent from the map get no line
 * @param assetShare share of the family's total assets added to the base
 * @param businessIncomeShare share of the family's yearly business income added to the base
 * @param lineCap the most the lender lends one household
 * @param termMonths term of the loan the line is sized for, repaid in equal monthly instalments
 * @param baseAnnualRate the lender's rate before discounts
 * @param rateDiscountByGrade fraction taken off the base rate per grade (0.15 = 15% off)
 * @param repaymentShareOfNetIncome the most of the household's net yearly income its repayments may take
 * @param roundingUnit lines are rounded down to a multiple of this (100 yuan)
 */
public record LenderPolicy(String id, int version, String lenderName,
                           Map<CreditGrade, BigDecimal> baseLineByGrade,
                           BigDecimal assetShare, BigDecimal businessIncomeShare, BigDecimal lineCap,
                           int termMonths, BigDecimal baseAnnualRate,
                           Map<CreditGrade, BigDecimal> rateDiscountByGrade,
                           BigDecimal repaymentShareOfNetIncome, BigDecimal roundingUnit) {

    public LenderPolicy {
        List<String> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            problems.add("id is required");
        }
        if (version < 1) {
            problems.add("version must be 1 or more");
        }
        baseLineByGrade.forEach((grade, base) -> {
            if (!grade.isCreditHousehold()) {
                problems.add("no line may be set for " + grade);
            }
            if (base.signum() < 0) {
                problems.add("base line of " + grade + " is negative");
            }
        });
        requireFraction("asset share", assetShare, problems);
        requireFraction("business income share", businessIncomeShare, problems);
        requireFraction("repayment share of net income", repaymentShareOfNetIncome, problems);
        rateDiscountByGrade.forEach((grade, discount) -> requireFraction("rate discount of " + grade, discount, problems));
        if (lineCap.signum() <= 0) {
            problems.add("line cap must be positive");
        }
        if (termMonths < 1) {
            problems.add("term must be at least one month");
        }
        if (baseAnnualRate.signum() < 0) {
            problems.add("base rate must not be negative");
        }
        if (roundingUnit.signum() <= 0) {
            problems.add("rounding unit must be positive");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid lender policy: " + String.join("; ", problems));
        }
        baseLineByGrade = Map.copyOf(new EnumMap<>(baseLineByGrade));
        rateDiscountByGrade = Map.copyOf(rateDiscountByGrade);
    }

    private static void requireFraction(String name, BigDecimal value, List<String> problems) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            problems.add(name + " must be between 0 and 1");
        }
    }

    public BigDecimal rateDiscount(CreditGrade grade) {
        return rateDiscountByGrade.getOrDefault(grade, BigDecimal.ZERO);
    }
}
