package org.ruralcredit.gateway.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PortfolioFiguresTest {

    @Test
    void ratiosByHand() {
        // 8 loans, 5 active, 1 of them overdue; 400,000 yuan outstanding of which 30,000 non-performing;
        // two loans went bad for 100,000 granted, 25,000 of it repaid since
        PortfolioFigures f = new PortfolioFigures("330281100", 8, 5, 1, 40_000_000, 3_000_000, 10_000_000, 2_500_000);
        assertEquals(new BigDecimal("0.2000"), f.overdueRate());
        assertEquals(new BigDecimal("0.0750"), f.nplRatio());
        assertEquals(new BigDecimal("0.2500"), f.recoveryRate());
    }

    @Test
    void nothingToDivideByIsNoRatioRatherThanZero() {
        PortfolioFigures settled = new PortfolioFigures("YYRCB", 3, 0, 0, 0, 0, 0, 0);
        assertNull(settled.overdueRate());
        assertNull(settled.nplRatio());
        assertNull(settled.recoveryRate());
    }

    @Test
    void inconsistentFiguresAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PortfolioFigures("g", 2, 3, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PortfolioFigures("g", 2, 2, 0, 100, 200, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PortfolioFigures("g", 2, 2, 0, 100, 0, 50, 60));
    }
}
