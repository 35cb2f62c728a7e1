package org.ruralcredit.rating.domain.lending;

import java.math.BigDecimal;

/**
 * Totals of a set of loans (a village's, a township's) as the division ratings read them:
 * the NPL ratio is the non-performing balance over the total balance (余额口径), not a count.
 * Which loan is non-performing is the gateway's classification, carried by lending.loan.v1.
 */
public record LoanPortfolio(BigDecimal totalBalance, BigDecimal nonPerformingBalance) {

    public LoanPortfolio {
        if (totalBalance.signum() < 0
                || nonPerformingBalance.signum() < 0
                || nonPerformingBalance.compareTo(totalBalance) > 0) {
            throw new IllegalArgumentException("need 0 <= non-performing balance <= total balance");
        }
    }
}
