package org.ruralcredit.rating.domain.lending;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

class LoanPortfolioTest {

    @Test
    void refusesMoreNonPerformingThanTotal() {
        assertThrows(
                IllegalArgumentException.class, () -> new LoanPortfolio(new BigDecimal("100"), new BigDecimal("101")));
    }
}
