package org.ruralcredit.creditline;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnnuityRepaymentTest {

    @Test
    void monthlyPaymentOfAKnownLoan() {
        // 100,000 at 12% a year over 12 months: i = 0.01, payment = 100,000 × 0.01 / (1 − 1.01^−12)
        // = 1,000 / (1 − 0.887449) = 1,000 / 0.112551 = 8,884.88.
        BigDecimal payment = AnnuityRepayment.monthlyPayment(new BigDecimal("100000"), new BigDecimal("0.12"), 12);
        assertEquals(8884.88, payment.doubleValue(), 0.005);
    }

    @Test
    void principalForPaymentInvertsPayment() {
        BigDecimal principal =
                AnnuityRepayment.principalForMonthlyPayment(new BigDecimal("8884.8788"), new BigDecimal("0.12"), 12);
        assertEquals(100000.0, principal.doubleValue(), 0.01);
    }

    @Test
    void zeroRateRepaysPrincipalInEqualParts() {
        assertEquals(
                0,
                new BigDecimal("1000")
                        .compareTo(AnnuityRepayment.monthlyPayment(new BigDecimal("12000"), BigDecimal.ZERO, 12)));
    }
}
