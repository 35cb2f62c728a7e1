package org.ruralcredit.rating.domain.lending;

import java.math.BigDecimal;

/** The outstanding balance of one loan and its tier, in yuan. */
public record LoanBalance(BigDecimal outstanding, LoanTier tier) {

    public LoanBalance {
        if (outstanding == null || outstanding.signum() < 0) {
            throw new IllegalArgumentException("outstanding balance must be zero or more");
        }
        if (tier == null) {
            throw new IllegalArgumentException("tier is required");
        }
    }
}
