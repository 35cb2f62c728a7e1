package org.ruralcredit.sme.domain;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ruralcredit.sme.domain.FirmScorecard.FilingSummary;
import org.ruralcredit.sme.domain.FirmScorecard.Indicator;
import org.ruralcredit.sme.domain.FirmScorecard.Score;

/** The scorecard sme-1 as it was written before it became a document: the reference the model-driven one must equal. */
final class Sme1Ternaries {

    public static final String VERSION = "sme-1";

    private Sme1Ternaries() {}

    public static Score score(
            LocalDate foundedOn, List<AwardRules.Fact> facts, List<FilingSummary> filings, LocalDate today) {
        List<Indicator> indicators = new ArrayList<>();
        List<String> vetoes = new ArrayList<>();

        if (foundedOn == null) {
            indicators.add(new Indicator("YEARS_IN_BUSINESS", 0, 15, "founding date unknown"));
        } else {
            int years = Period.between(foundedOn, today).getYears();
            int points = years >= 10 ? 15 : years >= 5 ? 12 : years >= 3 ? 8 : years >= 1 ? 4 : 0;
            indicators.add(new Indicator("YEARS_IN_BUSINESS", points, 15, years + " years"));
        }

        // the figures for a year are due by 30 June of the next year
        int lastYear = today.getYear() - 1;
        Optional<FilingSummary> lastYears =
                filings.stream().filter(f -> f.fiscalYear() == lastYear).findFirst();
        if (lastYears.isEmpty()) {
            indicators.add(new Indicator("FILINGS_ON_TIME", 0, 10, "no filing for " + lastYear));
        } else {
            boolean onTime = !lastYears.get().filedOn().isAfter(LocalDate.of(lastYear + 1, 6, 30));
            indicators.add(new Indicator(
                    "FILINGS_ON_TIME",
                    onTime ? 10 : 5,
                    10,
                    "filing for " + lastYear + (onTime ? " on time" : " late")));
        }

        Optional<Map<String, Object>> tax = latest(facts, FeedSource.TAX);
        String grade = tax.map(t -> (String) t.get("creditGrade")).orElse(null);
        int taxPoints = grade == null
                ? 10
                : switch (grade) {
                    case "A" -> 25;
                    case "B" -> 20;
                    case "M" -> 15;
                    case "C" -> 5;
                    default -> 0;
                };
        indicators.add(new Indicator("TAX_GRADE", taxPoints, 25, grade == null ? "no tax feed" : "grade " + grade));

        Optional<Map<String, Object>> market = latest(facts, FeedSource.MARKET_REGULATION);
        indicators.add(market.map(m -> Boolean.TRUE.equals(m.get("abnormalListed"))
                        ? new Indicator("ABNORMAL_LISTING", 0, 10, "on the abnormal-operation list")
                        : new Indicator("ABNORMAL_LISTING", 10, 10, "not listed"))
                .orElse(new Indicator("ABNORMAL_LISTING", 5, 10, "no market-regulation feed")));
        market.filter(m -> !"ACTIVE".equals(m.get("registrationStatus")))
                .ifPresent(m -> vetoes.add("NOT_ACTIVE_REGISTRATION"));

        indicators.add(tax.map(t -> t.get("arrears") instanceof Number n && n.longValue() > 0
                        ? new Indicator("TAX_ARREARS", 0, 10, "arrears " + n + " yuan")
                        : new Indicator("TAX_ARREARS", 10, 10, "no arrears"))
                .orElse(new Indicator("TAX_ARREARS", 5, 10, "no tax feed")));

        List<Long> headcounts = series(facts, FeedSource.SOCIAL_INSURANCE, "insuredHeadcount");
        if (headcounts.isEmpty()) {
            indicators.add(new Indicator("HEADCOUNT_TREND", 3, 10, "no social-insurance feed"));
        } else if (headcounts.size() == 1) {
            indicators.add(new Indicator("HEADCOUNT_TREND", 6, 10, "one report: " + headcounts.get(0) + " insured"));
        } else {
            long now = headcounts.get(0);
            long before = headcounts.get(1);
            int points = now >= before ? 10 : now * 10 >= before * 9 ? 6 : 2;
            indicators.add(new Indicator("HEADCOUNT_TREND", points, 10, "insured " + before + " → " + now));
        }

        indicators.add(utilityTrend(facts));

        Optional<FilingSummary> newest = filings.stream().max(Comparator.comparingInt(FilingSummary::fiscalYear));
        indicators.add(newest.map(f -> f.flagged()
                        ? new Indicator("CROSS_CHECKS", 0, 10, "filing for " + f.fiscalYear() + " flagged")
                        : new Indicator("CROSS_CHECKS", 10, 10, "filing for " + f.fiscalYear() + " consistent"))
                .orElse(new Indicator("CROSS_CHECKS", 4, 10, "no filing")));

        latest(facts, FeedSource.COURTS)
                .filter(c -> Boolean.TRUE.equals(c.get("dishonestDebtor")))
                .ifPresent(c -> vetoes.add("DISHONEST_DEBTOR"));

        int total = indicators.stream().mapToInt(Indicator::points).sum();
        String letter = !vetoes.isEmpty() ? "D" : total >= 80 ? "A" : total >= 65 ? "B" : total >= 50 ? "C" : "D";
        return new Score(VERSION, total, letter, List.copyOf(indicators), List.copyOf(vetoes));
    }

    /** The last three metered months against the same months a year before. */
    private static Indicator utilityTrend(List<AwardRules.Fact> facts) {
        TreeMap<YearMonth, Long> byMonth = new TreeMap<>();
        facts.stream()
                .filter(f -> f.source() == FeedSource.UTILITIES)
                .sorted(Comparator.comparing(AwardRules.Fact::asOf))
                .forEach(f -> byMonth.put(
                        YearMonth.parse((String) f.values().get("month")),
                        ((Number) f.values().get("electricityKwh")).longValue()));
        long now = 0;
        long before = 0;
        int pairs = 0;
        for (YearMonth m : byMonth.descendingKeySet()) {
            Long earlier = byMonth.get(m.minusYears(1));
            if (earlier != null && pairs < 3) {
                now += byMonth.get(m);
                before += earlier;
                pairs++;
            }
        }
        if (pairs == 0 || before == 0) {
            return new Indicator("UTILITY_TREND", 4, 10, "no year-on-year electricity data");
        }
        int points = now >= before ? 10 : now * 10 >= before * 8 ? 5 : 0;
        return new Indicator(
                "UTILITY_TREND",
                points,
                10,
                "electricity " + before + " → " + now + " kWh over " + pairs + " months year on year");
    }

    private static Optional<Map<String, Object>> latest(List<AwardRules.Fact> facts, FeedSource source) {
        return facts.stream()
                .filter(f -> f.source() == source)
                .max(Comparator.comparing(AwardRules.Fact::asOf))
                .map(AwardRules.Fact::values);
    }

    /** Values of one field, newest as-of date first. */
    private static List<Long> series(List<AwardRules.Fact> facts, FeedSource source, String field) {
        return facts.stream()
                .filter(f -> f.source() == source && f.values().get(field) instanceof Number)
                .sorted(Comparator.comparing(AwardRules.Fact::asOf).reversed())
                .map(f -> ((Number) f.values().get(field)).longValue())
                .toList();
    }
}
