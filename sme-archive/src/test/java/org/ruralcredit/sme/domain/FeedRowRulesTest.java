package org.ruralcredit.sme.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedRowRulesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);
    private static final String CODE = "91330100716105852F";

    @Test
    void marketRegulationRowBecomesTypedFacts() {
        FeedRowRules.Outcome o = FeedRowRules.check(
                FeedSource.MARKET_REGULATION,
                Map.of(
                        "uscc",
                        CODE,
                        "registrationStatus",
                        "active",
                        "annualReportFiled",
                        "TRUE",
                        "abnormalListed",
                        "false"),
                AS_OF);
        assertTrue(o.valid());
        assertEquals(
                Map.of("registrationStatus", "ACTIVE", "annualReportFiled", true, "abnormalListed", false),
                o.row().facts());
        assertEquals("", o.row().period());
    }

    @Test
    void everyProblemOfARowIsListed() {
        FeedRowRules.Outcome o = FeedRowRules.check(
                FeedSource.TAX, Map.of("uscc", "91330100716105852E", "creditGrade", "E", "arrears", "-1"), AS_OF);
        assertEquals(3, o.problems().size(), o.problems().toString());
        assertTrue(o.problems().get(0).startsWith("uscc: check character"));
        assertTrue(o.problems().get(1).contains("'E' is not one of [A, B, C, D, M]"));
        assertTrue(o.problems().get(2).contains("-1 is negative"));
    }

    @Test
    void utilitiesRowsAreKeyedByMonthNotAfterTheAsOfDate() {
        FeedRowRules.Outcome ok = FeedRowRules.check(
                FeedSource.UTILITIES,
                Map.of("uscc", CODE, "month", "2026-09", "electricityKwh", "12000", "waterTonnes", ""),
                AS_OF);
        assertEquals("2026-09", ok.row().period());
        assertEquals(
                Map.of("month", "2026-09", "electricityKwh", 12000L), ok.row().facts());
        FeedRowRules.Outcome later = FeedRowRules.check(
                FeedSource.UTILITIES, Map.of("uscc", CODE, "month", "2026-10", "electricityKwh", "1"), AS_OF);
        assertEquals(List.of("month: 2026-10 is after the feed's as-of date 2026-09-30"), later.problems());
        FeedRowRules.Outcome garbage = FeedRowRules.check(
                FeedSource.UTILITIES, Map.of("uscc", CODE, "month", "Sept", "electricityKwh", "1.5"), AS_OF);
        assertEquals(2, garbage.problems().size());
    }

    @Test
    void qualityCourtsAndSocialInsurance() {
        assertEquals(
                Map.of("violations", 2L, "lastViolationOn", "2025-04-01"),
                FeedRowRules.check(
                                FeedSource.QUALITY,
                                Map.of("uscc", CODE, "violations", "2", "lastViolationOn", "2025-04-01"),
                                AS_OF)
                        .row()
                        .facts());
        assertTrue(FeedRowRules.check(
                        FeedSource.QUALITY,
                        Map.of("uscc", CODE, "violations", "1", "lastViolationOn", "2027-01-01"),
                        AS_OF)
                .problems()
                .get(0)
                .contains("after the feed's as-of date"));
        assertEquals(
                Map.of("dishonestDebtor", true),
                FeedRowRules.check(FeedSource.COURTS, Map.of("uscc", CODE, "dishonestDebtor", "true"), AS_OF)
                        .row()
                        .facts());
        assertEquals(
                List.of("dishonestDebtor: 'yes' is not true or false"),
                FeedRowRules.check(FeedSource.COURTS, Map.of("uscc", CODE, "dishonestDebtor", "yes"), AS_OF)
                        .problems());
        assertEquals(
                List.of("insuredHeadcount: is required"),
                FeedRowRules.check(FeedSource.SOCIAL_INSURANCE, Map.of("uscc", CODE), AS_OF)
                        .problems());
    }
}
