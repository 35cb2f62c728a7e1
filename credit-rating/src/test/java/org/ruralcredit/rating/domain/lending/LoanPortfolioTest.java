package org.ruralcredit.rating.domain.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoanPortfolioTest {

    @Test
    void sumsNonPerformingBalancesOnly() {
        // 50,000 normal + 20,000 关注 + 10,000 次级 + 5,000 可疑 + 3,000 损失:
        // total 88,000; NPL 10,000 + 5,000 + 3,000 = 18,000.
        LoanPortfolio portfolio = LoanPortfolio.of(List.of(
                new LoanBalance(new BigDecimal("50000"), LoanTier.NORMAL),
                new LoanBalance(new BigDecimal("20000"), LoanTier.SPECIAL_MENTION),
                new LoanBalance(new BigDecimal("10000"), LoanTier.SUBSTANDARD),
                new LoanBalance(new BigDecimal("5000"), LoanTier.DOUBTFUL),
                new LoanBalance(new BigDecimal("3000"), LoanTier.LOSS)));
        assertEquals(0, new BigDecimal("88000").compareTo(portfolio.totalBalance()));
        assertEquals(0, new BigDecimal("18000").compareTo(portfolio.nonPerformingBalance()));
    }

    @Test
    void refusesMoreNonPerformingThanTotal() {
        assertThrows(IllegalArgumentException.class,
                () -> new LoanPortfolio(new BigDecimal("100"), new BigDecimal("101")));
    }
}
