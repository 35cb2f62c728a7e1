package org.ruralcredit.creditline;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Equal monthly instalments (等额本息) at a yearly rate over a term in months — the repayment
 * model the affordability cap assumes. With monthly rate i and N months, a principal P costs
 * P · i / (1 − (1 + i)^−N) a month, and a monthly budget B repays B · (1 − (1 + i)^−N) / i.
 */
public final class AnnuityRepayment {

    static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private AnnuityRepayment() {}

    public static BigDecimal monthlyRate(BigDecimal annualRate) {
        return annualRate.divide(TWELVE, PRECISION);
    }

    /** (1 − (1 + i)^−N) / i: how much principal one yuan a month repays; N when the rate is 0. */
    public static BigDecimal annuityFactor(BigDecimal annualRate, int months) {
        BigDecimal i = monthlyRate(annualRate);
        if (i.signum() == 0) {
            return BigDecimal.valueOf(months);
        }
        BigDecimal growth = BigDecimal.ONE.add(i).pow(months, PRECISION);
        return BigDecimal.ONE.subtract(BigDecimal.ONE.divide(growth, PRECISION)).divide(i, PRECISION);
    }

    public static BigDecimal monthlyPayment(BigDecimal principal, BigDecimal annualRate, int months) {
        return principal.divide(annuityFactor(annualRate, months), PRECISION);
    }

    public static BigDecimal principalForMonthlyPayment(BigDecimal monthlyPayment, BigDecimal annualRate, int months) {
        return monthlyPayment.multiply(annuityFactor(annualRate, months), PRECISION);
    }
}
