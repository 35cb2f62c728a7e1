package org.ruralcredit.rating.domain.division;

import java.math.BigDecimal;
import java.util.Optional;

import org.ruralcredit.rating.domain.lending.LoanPortfolio;

/**
 * The lending side of a village's or township's figures: borrowers (households with an
 * outstanding loan), those of them with any overdue loan, the loan balances, and last year's NPL
 * ratio in percent.
 *
 * <p>When there is no ratio for last year (no loans then), the growth is measured from 0: any NPL
 * ratio now is growth. That is the cautious reading, and it cannot invent a pass.
 */
public record LendingFigures(
        int borrowers, int borrowersWithOverdue, LoanPortfolio loans, Optional<BigDecimal> lastYearNplRatioPercent) {

    public LendingFigures {
        if (borrowers < 0 || borrowersWithOverdue < 0 || borrowersWithOverdue > borrowers) {
            throw new IllegalArgumentException(
                    "need 0 <= borrowers with overdue <= borrowers, got " + borrowersWithOverdue + " of " + borrowers);
        }
        lastYearNplRatioPercent.ifPresent(ratio -> {
            if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("last year's NPL ratio must be 0..100 percent");
            }
        });
    }

    Measurement borrowersWithoutOverdueShare() {
        if (borrowers == 0) {
            return new Measurement.NotMeasurable("no borrowers: 无借款户，无法评定");
        }
        return new Measurement.Measured(Percentage.of(borrowers - borrowersWithOverdue, borrowers));
    }

    Measurement nplRatio() {
        if (borrowers == 0 || loans.totalBalance().signum() == 0) {
            return new Measurement.NotMeasurable("no outstanding loan balance: 无贷款余额，无法计算不良率");
        }
        return new Measurement.Measured(Percentage.of(loans.nonPerformingBalance(), loans.totalBalance()));
    }

    Measurement nplRatioGrowth() {
        return switch (nplRatio()) {
            case Measurement.Measured measured ->
                new Measurement.Measured(measured.value().minusPoints(lastYearNplRatioPercent.orElse(BigDecimal.ZERO)));
            case Measurement.NotMeasurable notMeasurable -> notMeasurable;
        };
    }
}
