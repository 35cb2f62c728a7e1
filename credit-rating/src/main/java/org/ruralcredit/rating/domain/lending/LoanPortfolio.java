package org.ruralcredit.rating.domain.lending;

import java.math.BigDecimal;
import java.util.List;

/**
 * Totals of a set of loans (a village's, a township's) as the division ratings read them:
 * the NPL ratio is the non-performing balance over the total balance (余额口径), not a count.
 */
public record LoanPortfolio(BigDecimal totalBalance, BigDecimal nonPerformingBalance) {

    public LoanPortfolio {
        if (totalBalance.signum() < 0 || nonPerformingBalance.signum() < 0
                || nonPerformingBalance.compareTo(totalBalance) > 0) {
            throw new IllegalArgumentException("need 0 <= non-performing balance <= total balance");
        }
    }

    public static LoanPortfolio of(List<LoanBalance> loans) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal nonPerforming = BigDecimal.ZERO;
        for (LoanBalance loan : loans) {
            total = total.add(loan.outstanding());
            if (loan.tier().isNonPerforming()) {
                nonPerforming = nonPerforming.add(loan.outstanding());
            }
        }
        return new LoanPortfolio(total, nonPerforming);
    }
}
