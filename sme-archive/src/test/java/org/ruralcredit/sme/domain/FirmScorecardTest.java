package org.ruralcredit.sme.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ruralcredit.sme.domain.AwardRules.Fact;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FirmScorecardTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    private static final LocalDate FOUNDED = LocalDate.of(2014, 5, 1);

    private static int points(FirmScorecard.Score s, String indicator) {
        return s.indicators().stream()
                .filter(i -> i.name().equals(indicator))
                .findFirst()
                .orElseThrow()
                .points();
    }

    @Test
    void firmWithNoFeedsGetsNeutralPointsOnly() {
        FirmScorecard.Score s = FirmScorecard.score(FOUNDED, List.of(), List.of(), TODAY);
        // 15 years + 0 filing + 10 tax + 5 listing + 5 arrears + 3 headcount + 4 utilities + 4 cross-checks
        assertEquals(46, s.total());
        assertEquals("D", s.grade());
        assertEquals(
                100,
                s.indicators().stream().mapToInt(FirmScorecard.Indicator::max).sum());
    }

    @Test
    void strongFirmGradesA() {
        List<Fact> facts = List.of(
                new Fact(FeedSource.TAX, LocalDate.of(2026, 3, 31), Map.of("creditGrade", "A", "arrears", 0)),
                new Fact(
                        FeedSource.MARKET_REGULATION,
                        LocalDate.of(2026, 6, 30),
                        Map.of("registrationStatus", "ACTIVE", "abnormalListed", false, "annualReportFiled", true)),
                new Fact(FeedSource.SOCIAL_INSURANCE, LocalDate.of(2025, 9, 30), Map.of("insuredHeadcount", 18)),
                new Fact(FeedSource.SOCIAL_INSURANCE, LocalDate.of(2026, 9, 30), Map.of("insuredHeadcount", 20)),
                new Fact(
                        FeedSource.UTILITIES,
                        LocalDate.of(2025, 9, 30),
                        Map.of("month", "2025-09", "electricityKwh", 1000)),
                new Fact(
                        FeedSource.UTILITIES,
                        LocalDate.of(2026, 9, 30),
                        Map.of("month", "2026-09", "electricityKwh", 1100)));
        List<FirmScorecard.FilingSummary> filings =
                List.of(new FirmScorecard.FilingSummary(2025, LocalDate.of(2026, 5, 20), false));
        FirmScorecard.Score s = FirmScorecard.score(FOUNDED, facts, filings, TODAY);
        assertEquals(100, s.total());
        assertEquals("A", s.grade());
    }

    @Test
    void latestFactsCountAndTrendsFall() {
        List<Fact> facts = List.of(
                new Fact(FeedSource.TAX, LocalDate.of(2025, 3, 31), Map.of("creditGrade", "A", "arrears", 0)),
                new Fact(FeedSource.TAX, LocalDate.of(2026, 3, 31), Map.of("creditGrade", "C", "arrears", 800)),
                new Fact(FeedSource.SOCIAL_INSURANCE, LocalDate.of(2025, 9, 30), Map.of("insuredHeadcount", 20)),
                new Fact(FeedSource.SOCIAL_INSURANCE, LocalDate.of(2026, 9, 30), Map.of("insuredHeadcount", 10)),
                new Fact(
                        FeedSource.UTILITIES,
                        LocalDate.of(2025, 9, 30),
                        Map.of("month", "2025-09", "electricityKwh", 1000)),
                new Fact(
                        FeedSource.UTILITIES,
                        LocalDate.of(2026, 9, 30),
                        Map.of("month", "2026-09", "electricityKwh", 850)));
        List<FirmScorecard.FilingSummary> late =
                List.of(new FirmScorecard.FilingSummary(2025, LocalDate.of(2026, 8, 1), true));
        FirmScorecard.Score s = FirmScorecard.score(FOUNDED, facts, late, TODAY);
        assertEquals(5, points(s, "TAX_GRADE"));
        assertEquals(0, points(s, "TAX_ARREARS"));
        assertEquals(2, points(s, "HEADCOUNT_TREND"));
        assertEquals(5, points(s, "UTILITY_TREND"));
        assertEquals(5, points(s, "FILINGS_ON_TIME"));
        assertEquals(0, points(s, "CROSS_CHECKS"));
    }

    @Test
    void vetoesForceGradeD() {
        List<Fact> facts = List.of(
                new Fact(FeedSource.TAX, LocalDate.of(2026, 3, 31), Map.of("creditGrade", "A", "arrears", 0)),
                new Fact(FeedSource.COURTS, LocalDate.of(2026, 6, 30), Map.of("dishonestDebtor", true)),
                new Fact(
                        FeedSource.MARKET_REGULATION,
                        LocalDate.of(2026, 6, 30),
                        Map.of("registrationStatus", "REVOKED", "abnormalListed", false, "annualReportFiled", true)));
        FirmScorecard.Score s = FirmScorecard.score(FOUNDED, facts, List.of(), TODAY);
        assertEquals("D", s.grade());
        assertEquals(List.of("NOT_ACTIVE_REGISTRATION", "DISHONEST_DEBTOR"), s.vetoes());
    }
}
