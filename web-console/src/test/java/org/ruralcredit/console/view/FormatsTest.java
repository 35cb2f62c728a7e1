package org.ruralcredit.console.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {

    @Test
    void anInstantIsShownInChinasTimeToTheMinute() {
        assertEquals("2026-12-07 00:39", Formats.instant("2026-12-06T16:39:42.647829Z"));
        assertEquals("2026-12-07 09:30", Formats.instant("2026-12-07T09:30:00+08:00"));
        assertEquals("2026-12-07", Formats.instant("2026-12-07"), "a date stays a date");
        assertEquals("临山镇", Formats.instant("临山镇"));
    }

    @Test
    void amountsAreInYuanOrTenThousandsOfYuan() {
        assertEquals("262.07万元", Formats.money(new BigDecimal("2620700.0"), "zh"));
        assertEquals("5万元", Formats.money(new BigDecimal("50000"), "zh"));
        assertEquals("8,500元", Formats.money(new BigDecimal("8500"), "zh"));
        assertEquals("CNY 2,620,700.00", Formats.money(new BigDecimal("2620700.0"), "en"));
    }

    @Test
    void ratesArePercentages() {
        assertEquals("3.7%", Formats.fractionAsPercent(new BigDecimal("0.037")));
        assertEquals("4.35%", Formats.fractionAsPercent(new BigDecimal("0.0435")));
        assertEquals("72.5%", Formats.percent(new BigDecimal("72.50")));
    }

    @Test
    void codesAreUpperCaseWordsJoinedByUnderscores() {
        assertTrue(Formats.isCode("LOAN_APPLICATION"));
        assertTrue(Formats.isCode("AAA"));
        assertFalse(Formats.isCode("P-02"));
        assertFalse(Formats.isCode("Loan"));
    }

    @Test
    void todayIsChinasDateNotTheUtcDate() {
        // 23:30 UTC on 6 December is 07:30 on 7 December in China
        assertEquals(LocalDate.of(2026, 12, 7), Formats.today(Instant.parse("2026-12-06T23:30:00Z")));
    }
}
