package org.ruralcredit.rating.domain.creditline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ruralcredit.rating.domain.lending.CreditGrade;
import org.ruralcredit.rating.domain.pricing.MinimumRate;

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
 * @param targetMargin the margin m the lender's minimum rate r = (1 + (n + 1)·m) / n must leave at
 *        good:bad odds n:1, a fraction in [0, {@link MinimumRate#MAX_MARGIN}]; a policy registered
 *        before policies carried one has the platform's {@link #DEFAULT_TARGET_MARGIN}
 */
public record LenderPolicy(String id, int version, String lenderName,
                           Map<CreditGrade, BigDecimal> baseLineByGrade,
                           BigDecimal assetShare, BigDecimal businessIncomeShare, BigDecimal lineCap,
                           int termMonths, BigDecimal baseAnnualRate,
                           Map<CreditGrade, BigDecimal> rateDiscountByGrade,
                           BigDecimal repaymentShareOfNetIncome, BigDecimal roundingUnit, BigDecimal targetMargin) {

    /** The platform's target margin (2 %), also {@code rating.pricing.target-margin}'s default. */
    public static final BigDecimal DEFAULT_TARGET_MARGIN = new BigDecimal("0.02");

    /** The most one household is lent (as the gateway's loan reports), in yuan. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    /** Above 36 % a year a loan contract's interest is not protected by law (as the gateway's loan reports). */
    static final BigDecimal MAX_RATE = new BigDecimal("0.36");
    /** Thirty years, the longest term a loan report may carry. */
    static final int MAX_TERM_MONTHS = 360;
    /** Shares and rates are fractions of at most six decimals (rates are kept to six, see CreditLineCalculator). */
    static final int FRACTION_DECIMALS = 6;

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
            requireAmount("base line of " + grade, base, problems);
        });
        requireFraction("asset share", assetShare, problems);
        requireFraction("business income share", businessIncomeShare, problems);
        requireFraction("repayment share of net income", repaymentShareOfNetIncome, problems);
        rateDiscountByGrade.forEach((grade, discount) -> requireFraction("rate discount of " + grade, discount, problems));
        if (lineCap.signum() <= 0) {
            problems.add("line cap must be positive");
        }
        requireAmount("line cap", lineCap, problems);
        if (termMonths < 1) {
            problems.add("term must be at least one month");
        }
        if (termMonths > MAX_TERM_MONTHS) {
            problems.add("term must be at most " + MAX_TERM_MONTHS + " months");
        }
        if (baseAnnualRate.signum() < 0) {
            problems.add("base rate must not be negative");
        }
        if (baseAnnualRate.compareTo(MAX_RATE) > 0 || baseAnnualRate.stripTrailingZeros().scale() > FRACTION_DECIMALS) {
            problems.add("base rate must be at most " + MAX_RATE.toPlainString() + " with at most "
                    + FRACTION_DECIMALS + " decimals");
        }
        if (roundingUnit.signum() <= 0) {
            problems.add("rounding unit must be positive");
        }
        requireAmount("rounding unit", roundingUnit, problems);
        if (targetMargin == null) {
            targetMargin = DEFAULT_TARGET_MARGIN;
        } else if (!MinimumRate.marginInBounds(targetMargin) || targetMargin.stripTrailingZeros().scale() > FRACTION_DECIMALS) {
            problems.add("target margin must be between 0 and " + MinimumRate.MAX_MARGIN.toPlainString()
                    + " with at most " + FRACTION_DECIMALS + " decimals");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid lender policy: " + String.join("; ", problems));
        }
        baseLineByGrade = Map.copyOf(new EnumMap<>(baseLineByGrade));
        rateDiscountByGrade = Map.copyOf(rateDiscountByGrade);
    }

    /** A policy with the platform's target margin. */
    public LenderPolicy(String id, int version, String lenderName, Map<CreditGrade, BigDecimal> baseLineByGrade,
                        BigDecimal assetShare, BigDecimal businessIncomeShare, BigDecimal lineCap, int termMonths,
                        BigDecimal baseAnnualRate, Map<CreditGrade, BigDecimal> rateDiscountByGrade,
                        BigDecimal repaymentShareOfNetIncome, BigDecimal roundingUnit) {
        this(id, version, lenderName, baseLineByGrade, assetShare, businessIncomeShare, lineCap, termMonths,
                baseAnnualRate, rateDiscountByGrade, repaymentShareOfNetIncome, roundingUnit, null);
    }

    private static void requireFraction(String name, BigDecimal value, List<String> problems) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            problems.add(name + " must be between 0 and 1");
        } else if (value.stripTrailingZeros().scale() > FRACTION_DECIMALS) {
            problems.add(name + " must have at most " + FRACTION_DECIMALS + " decimals");
        }
    }

    /** Yuan and fen of a plausible size: the arithmetic and the offer's wording stay cheap. */
    private static void requireAmount(String name, BigDecimal value, List<String> problems) {
        if (value.compareTo(MAX_AMOUNT) > 0 || value.stripTrailingZeros().scale() > 2) {
            problems.add(name + " must be at most 100,000,000 yuan with at most two decimals");
        }
    }

    public BigDecimal rateDiscount(CreditGrade grade) {
        return rateDiscountByGrade.getOrDefault(grade, BigDecimal.ZERO);
    }
}
