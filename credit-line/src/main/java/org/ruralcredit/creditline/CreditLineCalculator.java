package org.ruralcredit.creditline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sizes a household's credit line under a lender's policy:
 * <ol>
 * <li>base by grade + asset share × total assets + income share × business income (a loss adds nothing);</li>
 * <li>no more than the policy's cap;</li>
 * <li>no more than the principal whose equal monthly instalments, over the policy's term at the
 *     household's discounted rate, take at most the policy's share of net yearly income;</li>
 * <li>rounded down to the policy's unit, so the offer never exceeds what the rules allow.</li>
 * </ol>
 */
public final class CreditLineCalculator {

    /** Rates are kept to 6 decimal places of a fraction (0.0001%). */
    static final int RATE_SCALE = 6;

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    public CreditLineOffer offer(LenderPolicy policy, HouseholdFinances household) {
        List<CalculationStep> steps = new ArrayList<>();
        BigDecimal base = policy.baseLineByGrade().get(household.grade());
        if (base == null) {
            steps.add(new CalculationStep(
                    "评级",
                    "grade",
                    household.grade() + " 不在本政策授信等级内 / no line for this grade under policy " + policy.id(),
                    BigDecimal.ZERO));
            return new CreditLineOffer(
                    policy.id(), policy.version(), household.grade(), BigDecimal.ZERO, Optional.empty(), steps);
        }

        steps.add(new CalculationStep("基础额度", "base line for " + household.grade(), money(base), base));
        BigDecimal assetAddOn = policy.assetShare().multiply(household.familyTotalAssets());
        steps.add(new CalculationStep(
                "资产加成",
                "asset add-on",
                percent(policy.assetShare()) + " × " + money(household.familyTotalAssets()) + " = " + money(assetAddOn),
                assetAddOn));
        BigDecimal countedIncome = household.familyBusinessIncome().max(BigDecimal.ZERO);
        BigDecimal incomeAddOn = policy.businessIncomeShare().multiply(countedIncome);
        steps.add(new CalculationStep(
                "经营收入加成",
                "business income add-on",
                percent(policy.businessIncomeShare()) + " × " + money(countedIncome) + " = " + money(incomeAddOn)
                        + (household.familyBusinessIncome().signum() < 0 ? " (经营亏损按0计 / a loss counts as 0)" : ""),
                incomeAddOn));
        BigDecimal formulaLine = base.add(assetAddOn).add(incomeAddOn);
        steps.add(new CalculationStep(
                "公式额度",
                "formula line",
                money(base) + " + " + money(assetAddOn) + " + " + money(incomeAddOn) + " = " + money(formulaLine),
                formulaLine));
        BigDecimal cappedLine = formulaLine.min(policy.lineCap());
        steps.add(new CalculationStep(
                "封顶",
                "capped at policy maximum",
                "min(" + money(formulaLine) + ", " + money(policy.lineCap()) + ") = " + money(cappedLine),
                cappedLine));

        BigDecimal rate = policy.baseAnnualRate()
                .multiply(BigDecimal.ONE.subtract(policy.rateDiscount(household.grade())))
                .setScale(RATE_SCALE, RoundingMode.HALF_UP);
        steps.add(new CalculationStep(
                "执行利率",
                "annual rate after grade discount",
                percent(policy.baseAnnualRate()) + " × (1 − " + percent(policy.rateDiscount(household.grade())) + ") = "
                        + percent(rate),
                rate));

        BigDecimal affordable = affordablePrincipal(policy, household, rate, steps);
        BigDecimal unrounded = cappedLine.min(affordable);
        steps.add(new CalculationStep(
                "取低",
                "lower of capped and affordable",
                "min(" + money(cappedLine) + ", " + money(affordable) + ") = " + money(unrounded),
                unrounded));
        BigDecimal line =
                unrounded.divide(policy.roundingUnit(), 0, RoundingMode.DOWN).multiply(policy.roundingUnit());
        steps.add(new CalculationStep(
                "授信额度", "credit line, rounded down to " + money(policy.roundingUnit()), money(line), line));
        // Instalments are charged in fen, so the yearly figure is 12 × the instalment rounded to cents.
        BigDecimal instalment =
                AnnuityRepayment.monthlyPayment(line, rate, policy.termMonths()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal yearlyRepayment = instalment.multiply(TWELVE);
        steps.add(new CalculationStep(
                "年还款额",
                "yearly repayment at this line",
                "12 × " + money(instalment) + " = " + money(yearlyRepayment),
                yearlyRepayment));
        return new CreditLineOffer(
                policy.id(),
                policy.version(),
                household.grade(),
                line,
                line.signum() > 0 ? Optional.of(rate) : Optional.empty(),
                steps);
    }

    private static BigDecimal affordablePrincipal(
            LenderPolicy policy, HouseholdFinances household, BigDecimal rate, List<CalculationStep> steps) {
        BigDecimal countedNetIncome = household.netYearlyIncome().max(BigDecimal.ZERO);
        BigDecimal yearlyBudget = policy.repaymentShareOfNetIncome().multiply(countedNetIncome);
        steps.add(new CalculationStep(
                "年还款上限",
                "most yearly repayment allowed",
                percent(policy.repaymentShareOfNetIncome()) + " × " + money(countedNetIncome) + " 家庭年净收入 net income = "
                        + money(yearlyBudget),
                yearlyBudget));
        BigDecimal monthlyBudget = yearlyBudget.divide(TWELVE, AnnuityRepayment.PRECISION);
        BigDecimal factor = AnnuityRepayment.annuityFactor(rate, policy.termMonths());
        BigDecimal affordable = monthlyBudget.multiply(factor, AnnuityRepayment.PRECISION);
        steps.add(new CalculationStep(
                "还款能力额度",
                "affordable principal (equal monthly instalments 等额本息)",
                money(yearlyBudget) + " ÷ 12 = " + money(monthlyBudget) + " a month; × (1 − (1 + "
                        + percent(rate) + " ÷ 12)^−" + policy.termMonths() + ") ÷ (" + percent(rate) + " ÷ 12) = "
                        + money(monthlyBudget) + " × "
                        + factor.setScale(4, RoundingMode.HALF_UP).toPlainString()
                        + " = " + money(affordable),
                affordable));
        return affordable;
    }

    static String money(BigDecimal amount) {
        // Locale.ROOT: the same digits and separators on every server.
        return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }

    static String percent(BigDecimal fraction) {
        BigDecimal pct = fraction.multiply(BigDecimal.valueOf(100))
                .setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return (pct.scale() < 0 ? pct.setScale(0) : pct).toPlainString() + "%";
    }
}
