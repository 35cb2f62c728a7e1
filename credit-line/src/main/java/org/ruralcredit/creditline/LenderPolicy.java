package org.ruralcredit.creditline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.RatingCodes;

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
 *        good:bad odds n:1, a fraction in [0, {@link #MAX_TARGET_MARGIN}]; a policy registered
 *        before policies carried one has the platform's {@link #DEFAULT_TARGET_MARGIN}
 */
public record LenderPolicy(
        String id,
        int version,
        String lenderName,
        Map<CreditGrade, BigDecimal> baseLineByGrade,
        BigDecimal assetShare,
        BigDecimal businessIncomeShare,
        BigDecimal lineCap,
        int termMonths,
        BigDecimal baseAnnualRate,
        Map<CreditGrade, BigDecimal> rateDiscountByGrade,
        BigDecimal repaymentShareOfNetIncome,
        BigDecimal roundingUnit,
        BigDecimal targetMargin) {

    /** The platform's target margin (2 %), also {@code rating.pricing.target-margin}'s default. */
    public static final BigDecimal DEFAULT_TARGET_MARGIN = new BigDecimal("0.02");

    /** The largest target margin a minimum rate is computed for: 50 % a year is no rural loan's margin. */
    public static final BigDecimal MAX_TARGET_MARGIN = new BigDecimal("0.5");

    /** The most one household is lent (as the gateway's loan reports), in yuan. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    /** Above 36 % a year a loan contract's interest is not protected by law (as the gateway's loan reports). */
    static final BigDecimal MAX_RATE = new BigDecimal("0.36");
    /** Thirty years, the longest term a loan report may carry. */
    static final int MAX_TERM_MONTHS = 360;
    /** Shares and rates are fractions of at most six decimals (rates are kept to six, see CreditLineCalculator). */
    static final int FRACTION_DECIMALS = 6;

    public LenderPolicy {
        List<FieldProblem> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            problems.add(FieldProblem.of("policyId", CommonCodes.FIELD_REQUIRED));
        }
        if (version < 1) {
            problems.add(FieldProblem.of("version", RatingCodes.DOCUMENT_VERSION_MIN));
        }
        baseLineByGrade.forEach((grade, base) -> {
            String field = "baseLineByGrade." + grade;
            if (!grade.isCreditHousehold()) {
                problems.add(FieldProblem.of(field, RatingCodes.LENDER_POLICY_GRADE_WITHOUT_LINE, grade.name()));
            }
            if (base.signum() < 0) {
                problems.add(FieldProblem.of(field, CommonCodes.FIELD_NOT_NEGATIVE));
            }
            requireAmount(field, base, problems);
        });
        requireFraction("assetShare", assetShare, problems);
        requireFraction("businessIncomeShare", businessIncomeShare, problems);
        requireFraction("repaymentShareOfNetIncome", repaymentShareOfNetIncome, problems);
        rateDiscountByGrade.forEach(
                (grade, discount) -> requireFraction("rateDiscountByGrade." + grade, discount, problems));
        if (lineCap.signum() <= 0) {
            problems.add(FieldProblem.of("lineCap", CommonCodes.FIELD_POSITIVE));
        }
        requireAmount("lineCap", lineCap, problems);
        if (termMonths < 1) {
            problems.add(FieldProblem.of("termMonths", RatingCodes.LENDER_POLICY_TERM_MIN));
        }
        if (termMonths > MAX_TERM_MONTHS) {
            problems.add(FieldProblem.of("termMonths", RatingCodes.LENDER_POLICY_TERM_MAX, MAX_TERM_MONTHS));
        }
        if (baseAnnualRate.signum() < 0) {
            problems.add(FieldProblem.of("baseAnnualRate", CommonCodes.FIELD_NOT_NEGATIVE));
        }
        if (baseAnnualRate.compareTo(MAX_RATE) > 0
                || baseAnnualRate.stripTrailingZeros().scale() > FRACTION_DECIMALS) {
            problems.add(
                    FieldProblem.of("baseAnnualRate", RatingCodes.LENDER_POLICY_RATE_MAX, MAX_RATE, FRACTION_DECIMALS));
        }
        if (roundingUnit.signum() <= 0) {
            problems.add(FieldProblem.of("roundingUnit", CommonCodes.FIELD_POSITIVE));
        }
        requireAmount("roundingUnit", roundingUnit, problems);
        if (targetMargin == null) {
            targetMargin = DEFAULT_TARGET_MARGIN;
        } else if ((targetMargin.signum() < 0 || targetMargin.compareTo(MAX_TARGET_MARGIN) > 0)
                || targetMargin.stripTrailingZeros().scale() > FRACTION_DECIMALS) {
            problems.add(FieldProblem.of(
                    "targetMargin", RatingCodes.LENDER_POLICY_TARGET_MARGIN, MAX_TARGET_MARGIN, FRACTION_DECIMALS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        baseLineByGrade = Map.copyOf(new EnumMap<>(baseLineByGrade));
        rateDiscountByGrade = Map.copyOf(rateDiscountByGrade);
    }

    /** A policy with the platform's target margin. */
    public LenderPolicy(
            String id,
            int version,
            String lenderName,
            Map<CreditGrade, BigDecimal> baseLineByGrade,
            BigDecimal assetShare,
            BigDecimal businessIncomeShare,
            BigDecimal lineCap,
            int termMonths,
            BigDecimal baseAnnualRate,
            Map<CreditGrade, BigDecimal> rateDiscountByGrade,
            BigDecimal repaymentShareOfNetIncome,
            BigDecimal roundingUnit) {
        this(
                id,
                version,
                lenderName,
                baseLineByGrade,
                assetShare,
                businessIncomeShare,
                lineCap,
                termMonths,
                baseAnnualRate,
                rateDiscountByGrade,
                repaymentShareOfNetIncome,
                roundingUnit,
                null);
    }

    /**
     * One bad field of a policy: its name as the policy document names it, the catalogue's code and
     * the values its text names (the shape of a problem response's field error, without the web).
     */
    public record FieldProblem(String field, String code, Map<String, Object> args) {

        static FieldProblem of(String field, ProblemCode code, Object... args) {
            return new FieldProblem(field, code.code(), ProblemCatalogue.args(code, args));
        }
    }

    /** A policy that cannot be: every problem with the field (as the policy document names it) it is at. */
    public static final class InvalidPolicyException extends IllegalArgumentException {

        private final transient List<FieldProblem> problems;

        InvalidPolicyException(List<FieldProblem> problems) {
            super("invalid lender policy: "
                    + problems.stream()
                            .map(p -> p.field() + " " + ProblemCatalogue.message(p.code(), p.args(), Language.EN))
                            .collect(Collectors.joining("; ")));
            this.problems = List.copyOf(problems);
        }

        public List<FieldProblem> problems() {
            return problems;
        }
    }

    private static void requireFraction(String field, BigDecimal value, List<FieldProblem> problems) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            problems.add(FieldProblem.of(field, RatingCodes.LENDER_POLICY_FRACTION));
        } else if (value.stripTrailingZeros().scale() > FRACTION_DECIMALS) {
            problems.add(FieldProblem.of(field, RatingCodes.LENDER_POLICY_FRACTION_DECIMALS, FRACTION_DECIMALS));
        }
    }

    /** Yuan and fen of a plausible size: the arithmetic and the offer's wording stay cheap. */
    private static void requireAmount(String field, BigDecimal value, List<FieldProblem> problems) {
        if (value.compareTo(MAX_AMOUNT) > 0 || value.stripTrailingZeros().scale() > 2) {
            problems.add(FieldProblem.of(field, RatingCodes.LENDER_POLICY_AMOUNT, MAX_AMOUNT.longValueExact()));
        }
    }

    public BigDecimal rateDiscount(CreditGrade grade) {
        return rateDiscountByGrade.getOrDefault(grade, BigDecimal.ZERO);
    }
}
