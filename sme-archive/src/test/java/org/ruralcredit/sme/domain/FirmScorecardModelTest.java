package org.ruralcredit.sme.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.ruralcredit.sme.domain.AwardRules.Fact;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scorecard read from firm-default-v1 scores exactly as sme-1 did in code, and its thresholds are the document's. */
class FirmScorecardModelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    @Test
    void theDocumentScoresEveryFirmAsTheCodedScorecardDid() {
        Random random = new Random(20261107);
        for (int i = 0; i < 20_000; i++) {
            LocalDate founded = random.nextInt(10) == 0 ? null : TODAY.minusDays(random.nextInt(6000) - 400);
            List<Fact> facts = facts(random);
            List<FirmScorecard.FilingSummary> filings = filings(random);
            assertEquals(
                    Sme1Ternaries.score(founded, facts, filings, TODAY),
                    FirmScorecard.score(founded, facts, filings, TODAY),
                    () -> "facts " + facts + ", filings " + filings);
        }
    }

    @Test
    void trendsExactlyOnAThresholdScoreAsBefore() {
        for (int[] pair : new int[][] {{9, 10}, {8, 10}, {10, 10}, {0, 0}, {800, 1000}, {799, 1000}, {1000, 1000}}) {
            List<Fact> facts = List.of(
                    new Fact(FeedSource.SOCIAL_INSURANCE, TODAY.minusYears(1), Map.of("insuredHeadcount", pair[1])),
                    new Fact(FeedSource.SOCIAL_INSURANCE, TODAY, Map.of("insuredHeadcount", pair[0])),
                    new Fact(
                            FeedSource.UTILITIES,
                            TODAY.minusYears(1),
                            Map.of("month", "2025-09", "electricityKwh", pair[1])),
                    new Fact(FeedSource.UTILITIES, TODAY, Map.of("month", "2026-09", "electricityKwh", pair[0])));
            assertEquals(
                    Sme1Ternaries.score(null, facts, List.of(), TODAY),
                    FirmScorecard.score(null, facts, List.of(), TODAY));
        }
    }

    @Test
    void theThresholdsAreTheDocuments() throws IOException {
        String json;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FirmScorecardDocuments.SHIPPED)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // version 2 would ask ten years for 12 points instead of five
        FirmScorecardModel stricter = FirmScorecardDocuments.read(json.replace("\"version\": 1", "\"version\": 2")
                .replace("{ \"from\": 5, \"to\": 10, \"points\": 12 }", "{ \"from\": 5, \"to\": 10, \"points\": 8 }"));
        FirmScorecard.Score score = FirmScorecard.score(stricter, TODAY.minusYears(7), List.of(), List.of(), TODAY);
        assertEquals("sme-2", score.version());
        assertEquals(8, score.indicators().get(0).points());
    }

    private static List<Fact> facts(Random random) {
        List<Fact> facts = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            facts.add(new Fact(
                    FeedSource.TAX,
                    asOf(random),
                    Map.of(
                            "creditGrade",
                            pick(random, "A", "B", "M", "C", "D"),
                            "arrears",
                            random.nextInt(3) == 0 ? random.nextInt(5000) : 0)));
        }
        for (int n = random.nextInt(3); n > 0; n--) {
            facts.add(new Fact(
                    FeedSource.MARKET_REGULATION,
                    asOf(random),
                    Map.of(
                            "registrationStatus",
                            pick(random, "ACTIVE", "ACTIVE", "REVOKED", "CANCELLED"),
                            "abnormalListed",
                            random.nextInt(4) == 0,
                            "annualReportFiled",
                            random.nextBoolean())));
        }
        for (int n = random.nextInt(4); n > 0; n--) {
            facts.add(new Fact(
                    FeedSource.SOCIAL_INSURANCE, asOf(random), Map.of("insuredHeadcount", random.nextInt(60))));
        }
        for (int n = random.nextInt(10); n > 0; n--) {
            LocalDate month = TODAY.minusMonths(random.nextInt(30));
            Map<String, Object> values = new HashMap<>();
            values.put("month", month.toString().substring(0, 7));
            values.put("electricityKwh", random.nextInt(4) == 0 ? 0 : 500 + random.nextInt(1000));
            facts.add(new Fact(
                    FeedSource.UTILITIES, month.withDayOfMonth(1).plusMonths(1).minusDays(1), values));
        }
        if (random.nextInt(4) == 0) {
            facts.add(new Fact(FeedSource.COURTS, asOf(random), Map.of("dishonestDebtor", random.nextInt(3) == 0)));
        }
        return facts;
    }

    private static List<FirmScorecard.FilingSummary> filings(Random random) {
        List<FirmScorecard.FilingSummary> filings = new ArrayList<>();
        for (int year = 2026; year >= 2022; year--) {
            if (random.nextInt(3) > 0) {
                filings.add(new FirmScorecard.FilingSummary(
                        year, LocalDate.of(year + 1, 1, 1).plusDays(random.nextInt(300)), random.nextInt(4) == 0));
            }
        }
        return filings;
    }

    private static LocalDate asOf(Random random) {
        return TODAY.minusDays(random.nextInt(900));
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}
