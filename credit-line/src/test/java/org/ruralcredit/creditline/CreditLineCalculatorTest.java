package org.ruralcredit.creditline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreditLineCalculatorTest {

    private final CreditLineCalculator calculator = new CreditLineCalculator();

    private static HouseholdFinances household(
            CreditGrade grade, String assets, String businessIncome, String netIncome) {
        return new HouseholdFinances(
                grade, new BigDecimal(assets), new BigDecimal(businessIncome), new BigDecimal(netIncome));
    }

    private static CalculationStep step(CreditLineOffer offer, String chineseLabel) {
        return offer.steps().stream()
                .filter(s -> s.chineseLabel().equals(chineseLabel))
                .findFirst()
                .orElseThrow();
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(
                0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void repaymentCapacityBindsForAnAaHouseholdWithModestIncome() {
        // AA: base 80,000 + 10% × 500,000 + 30% × 60,000 = 80,000 + 50,000 + 18,000 = 148,000 (< cap 200,000).
        // Rate 6% × (1 − 10%) = 5.4% a year, i = 0.0045 a month, 36 months.
        // Budget 70% × 40,000 = 28,000 a year = 2,333.33 a month.
        // Annuity factor (1 − 1.0045^−36) / 0.0045 = 33.1666; 2,333.33 × 33.1666 = 77,388.72.
        // Line = min(148,000, 77,388.72) = 77,388.72, rounded down to hundreds: 77,300.
        CreditLineOffer offer =
                calculator.offer(DefaultLenderPolicy.POLICY, household(CreditGrade.AA, "500000", "60000", "40000"));

        assertAmount("77300", offer.creditLine());
        assertAmount("0.054", offer.annualRate().orElseThrow());
        assertAmount("148000", step(offer, "公式额度").result());
        assertEquals(
                "80,000.00 + 50,000.00 + 18,000.00 = 148,000.00",
                step(offer, "公式额度").arithmetic());
        assertEquals("6% × (1 − 10%) = 5.4%", step(offer, "执行利率").arithmetic());
        assertEquals(77388.72, step(offer, "还款能力额度").result().doubleValue(), 0.01);
        // Instalment at 77,300: 77,300 / 33.1666 = 2,330.658 → 2,330.66 a month; 12 × 2,330.66 = 27,967.92 ≤ 28,000.
        assertEquals("12 × 2,330.66 = 27,967.92", step(offer, "年还款额").arithmetic());
    }

    @Test
    void roundingDownKeepsRepaymentWithinSeventyPercentOfNetIncome() {
        CreditLineOffer offer =
                calculator.offer(DefaultLenderPolicy.POLICY, household(CreditGrade.AA, "500000", "60000", "40000"));
        BigDecimal rate = offer.annualRate().orElseThrow();
        BigDecimal yearlyAtLine =
                AnnuityRepayment.monthlyPayment(offer.creditLine(), rate, 36).multiply(BigDecimal.valueOf(12));
        BigDecimal yearlyOneUnitMore = AnnuityRepayment.monthlyPayment(
                        offer.creditLine().add(BigDecimal.valueOf(100)), rate, 36)
                .multiply(BigDecimal.valueOf(12));
        BigDecimal budget = new BigDecimal("28000");
        assertTrue(yearlyAtLine.compareTo(budget) <= 0, "repayment at the line fits the budget");
        assertTrue(
                yearlyOneUnitMore.compareTo(budget) > 0,
                "100 yuan more would not fit: the line is the largest that does");
    }

    @Test
    void capBindsForAWealthyAaaHousehold() {
        // AAA: 100,000 + 10% × 1,000,000 + 30% × 200,000 = 260,000, capped at 200,000.
        // Rate 6% × 0.85 = 5.1%; budget 70% × 300,000 = 210,000 a year = 17,500 a month;
        // factor (1 − (1 + 0.00425)^−36) / 0.00425 = 33.3158, affordable 583,025.97 — the cap is lower.
        CreditLineOffer offer =
                calculator.offer(DefaultLenderPolicy.POLICY, household(CreditGrade.AAA, "1000000", "200000", "300000"));
        assertAmount("200000", offer.creditLine());
        assertAmount("0.051", offer.annualRate().orElseThrow());
        assertAmount("200000", step(offer, "封顶").result());
    }

    @Test
    void formulaBindsAndIsRoundedDownToHundreds() {
        // A: 50,000 + 10% × 123,456 + 30% × 10,000 = 50,000 + 12,345.60 + 3,000 = 65,345.60.
        // Rate 6% × 0.95 = 5.7%; budget 70% × 100,000 = 70,000 a year; affordable 5,833.33 × 33.0183 = 192,607
        // (higher).
        // Rounded down: 65,300.
        CreditLineOffer offer =
                calculator.offer(DefaultLenderPolicy.POLICY, household(CreditGrade.A, "123456", "10000", "100000"));
        assertAmount("65300", offer.creditLine());
        assertAmount("0.057", offer.annualRate().orElseThrow());
    }

    @Test
    void belowAGetsNoLineAndNoRate() {
        CreditLineOffer offer = calculator.offer(
                DefaultLenderPolicy.POLICY, household(CreditGrade.BELOW_A, "1000000", "200000", "300000"));
        assertFalse(offer.hasLine());
        assertAmount("0", offer.creditLine());
        assertEquals(Optional.empty(), offer.annualRate());
        assertEquals(1, offer.steps().size());
    }

    @Test
    void noNetIncomeMeansNoRepaymentCapacityAndNoLine() {
        CreditLineOffer offer =
                calculator.offer(DefaultLenderPolicy.POLICY, household(CreditGrade.AAA, "1000000", "0", "-5000"));
        assertAmount("0", offer.creditLine());
        assertEquals(Optional.empty(), offer.annualRate());
    }

    @Test
    void aBusinessLossAddsNothingRatherThanReducingTheBase() {
        // AA: 80,000 + 10% × 100,000 + 30% × max(0, −20,000) = 90,000; ample income (net 500,000) so the formula binds.
        CreditLineOffer offer =
                calculator.offer(DefaultLenderPolicy.POLICY, household(CreditGrade.AA, "100000", "-20000", "500000"));
        assertAmount("90000", offer.creditLine());
        assertTrue(step(offer, "经营收入加成").arithmetic().contains("a loss counts as 0"));
    }

    @Test
    void aLenderCanRegisterItsOwnPolicy() {
        // A cooperative lending only to AAA: base 30,000, nothing added, interest-free, 12 months,
        // repayments within 50% of income. Net income 40,000: budget 20,000 a year; at 0% over 12
        // months the affordable principal is 20,000 / 12 × 12 = 20,000 — below the base of 30,000.
        LenderPolicy cooperative = new LenderPolicy(
                "coop-aaa",
                2,
                "合作社",
                Map.of(CreditGrade.AAA, new BigDecimal("30000")),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("50000"),
                12,
                BigDecimal.ZERO,
                Map.of(),
                new BigDecimal("0.5"),
                new BigDecimal("1000"));
        CreditLineOffer aaa = calculator.offer(cooperative, household(CreditGrade.AAA, "0", "0", "40000"));
        assertAmount("20000", aaa.creditLine());
        assertAmount("0", aaa.annualRate().orElseThrow());
        assertEquals("coop-aaa", aaa.policyId());
        assertEquals(2, aaa.policyVersion());
        assertFalse(calculator
                .offer(cooperative, household(CreditGrade.AA, "0", "0", "40000"))
                .hasLine());
    }

    @Test
    void explanationListsEveryStepInOrder() {
        CreditLineOffer offer =
                calculator.offer(DefaultLenderPolicy.POLICY, household(CreditGrade.AA, "500000", "60000", "40000"));
        assertEquals(
                List.of("基础额度", "资产加成", "经营收入加成", "公式额度", "封顶", "执行利率", "年还款上限", "还款能力额度", "取低", "授信额度", "年还款额"),
                offer.steps().stream().map(CalculationStep::chineseLabel).toList());
        assertTrue(offer.explanation().contains("授信额度 credit line, rounded down to 100.00: 77,300.00"));
    }

    @Test
    void policyRejectsImpossibleSettings() {
        IllegalArgumentException problem = assertThrows(
                IllegalArgumentException.class,
                () -> new LenderPolicy(
                        "bad",
                        1,
                        "x",
                        Map.of(CreditGrade.BELOW_A, new BigDecimal("1000")),
                        new BigDecimal("1.5"),
                        BigDecimal.ZERO,
                        new BigDecimal("1000"),
                        0,
                        BigDecimal.ZERO,
                        Map.of(),
                        new BigDecimal("0.7"),
                        new BigDecimal("100")));
        assertTrue(problem.getMessage().contains("no line may be set for BELOW_A"));
        assertTrue(problem.getMessage().contains("assetShare must be between 0 and 1"));
        assertTrue(problem.getMessage().contains("termMonths must be at least one month"));
        assertEquals(
                List.of("baseLineByGrade.BELOW_A", "assetShare", "termMonths"),
                ((LenderPolicy.InvalidPolicyException) problem)
                        .problems().stream()
                                .map(LenderPolicy.FieldProblem::field)
                                .toList());
        assertEquals(
                List.of("lender-policy.grade-without-line", "lender-policy.fraction", "lender-policy.term-min"),
                ((LenderPolicy.InvalidPolicyException) problem)
                        .problems().stream()
                                .map(LenderPolicy.FieldProblem::code)
                                .toList());
    }
}
