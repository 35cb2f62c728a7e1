package org.ruralcredit.gateway.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One group of reported loans (a lender, a township, a village) and its post-loan ratios. Counts
 * and amounts are what the lenders reported; a ratio with nothing to divide by is null, not zero.
 *
 * @param loans              every loan reported in the group
 * @param active             loans not settled
 * @param overdueActive      active loans with any day overdue
 * @param outstandingFen     principal outstanding on active loans
 * @param nplOutstandingFen  of it, on loans classified 次级, 可疑 or 损失 now
 * @param everNplAmountFen   principal granted on loans that were ever non-performing
 * @param everNplRecoveredFen of it, repaid since (granted minus outstanding, settled loans fully)
 */
public record PortfolioFigures(
        String group,
        long loans,
        long active,
        long overdueActive,
        long outstandingFen,
        long nplOutstandingFen,
        long everNplAmountFen,
        long everNplRecoveredFen) {

    public PortfolioFigures {
        if (loans < 0
                || active < 0
                || active > loans
                || overdueActive < 0
                || overdueActive > active
                || nplOutstandingFen < 0
                || nplOutstandingFen > outstandingFen
                || everNplRecoveredFen < 0
                || everNplRecoveredFen > everNplAmountFen) {
            throw new IllegalArgumentException("inconsistent loan figures for group " + group);
        }
    }

    /** Active loans overdue, of all active loans. */
    public BigDecimal overdueRate() {
        return ratio(overdueActive, active);
    }

    /** 不良贷款率: non-performing balance of the outstanding balance. */
    public BigDecimal nplRatio() {
        return ratio(nplOutstandingFen, outstandingFen);
    }

    /** Principal recovered on loans that went bad, of the principal granted on them. */
    public BigDecimal recoveryRate() {
        return ratio(everNplRecoveredFen, everNplAmountFen);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
