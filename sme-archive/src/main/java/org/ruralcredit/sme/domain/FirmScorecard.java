package org.ruralcredit.sme.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A small firm's 100-point scorecard and grade, by a model document ({@link FirmScorecardModel};
 * the shipped one is {@value FirmScorecardDocuments#SHIPPED}, version {@code sme-1}). Every
 * indicator takes the latest fact of its source; a source never reported gives the model's
 * missing points, a neutral, low share rather than zero, so a firm is not punished for an agency
 * that has not fed yet. Vetoes (dishonest-debtor listing, registration no longer active) make the
 * grade the model's veto grade whatever the points.
 */
public final class FirmScorecard {

    /** The firm's latest filing for a fiscal year: when it was filed and whether a cross-check flagged it. */
    public record FilingSummary(int fiscalYear, LocalDate filedOn, boolean flagged) {}

    public record Indicator(String name, int points, int max, String basis) {}

    public record Score(String version, int total, String grade, List<Indicator> indicators, List<String> vetoes) {}

    /** What an indicator found: a number, a trend (now against before), a category, a single report, or nothing. */
    private record Reading(
            BigDecimal number, BigDecimal now, BigDecimal before, String category, boolean oneReport, String basis) {

        static Reading missing(String basis) {
            return new Reading(null, null, null, null, false, basis);
        }

        static Reading number(long value, String basis) {
            return new Reading(BigDecimal.valueOf(value), null, null, null, false, basis);
        }

        static Reading trend(long now, long before, String basis) {
            return new Reading(null, BigDecimal.valueOf(now), BigDecimal.valueOf(before), null, false, basis);
        }

        static Reading category(String value, String basis) {
            return new Reading(null, null, null, value, false, basis);
        }

        static Reading oneReport(String basis) {
            return new Reading(null, null, null, null, true, basis);
        }

        boolean isMissing() {
            return number == null && now == null && category == null && !oneReport;
        }
    }

    /** Loaded on first use; the service loads it at start-up, so a broken document stops it there. */
    private static final class Shipped {
        static final FirmScorecardModel MODEL = FirmScorecardDocuments.readValid(FirmScorecardDocuments.SHIPPED);
    }

    private FirmScorecard() {}

    public static FirmScorecardModel shippedModel() {
        return Shipped.MODEL;
    }

    /** The score by the shipped model. */
    public static Score score(
            LocalDate foundedOn, List<AwardRules.Fact> facts, List<FilingSummary> filings, LocalDate today) {
        return score(Shipped.MODEL, foundedOn, facts, filings, today);
    }

    public static Score score(
            FirmScorecardModel model,
            LocalDate foundedOn,
            List<AwardRules.Fact> facts,
            List<FilingSummary> filings,
            LocalDate today) {
        List<Indicator> indicators = new ArrayList<>();
        for (FirmScorecardModel.Indicator indicator : model.indicators()) {
            Reading reading = read(FirmIndicator.named(indicator.name()), foundedOn, facts, filings, today);
            indicators.add(new Indicator(
                    indicator.name(), points(indicator, reading), indicator.maxPoints(), reading.basis()));
        }
        List<String> vetoes =
                model.vetoes().stream().filter(veto -> vetoed(veto, facts)).toList();
        int total = indicators.stream().mapToInt(Indicator::points).sum();
        String grade = !vetoes.isEmpty()
                ? model.vetoGrade()
                : model.grades().stream()
                        .filter(g -> total >= g.minPoints())
                        .findFirst()
                        .orElse(model.grades().get(model.grades().size() - 1))
                        .grade();
        return new Score(model.label(), total, grade, List.copyOf(indicators), vetoes);
    }

    /**
     * Numeric bands are tried from the highest start down and the first the value reaches counts,
     * as a chain of "at least" thresholds reads; a trend reaches a band when now ≥ from × before,
     * so no ratio is ever rounded. A category no band lists scores nothing.
     */
    private static int points(FirmScorecardModel.Indicator indicator, Reading reading) {
        if (reading.isMissing()) {
            return indicator.missingPoints();
        }
        if (reading.oneReport()) {
            return indicator.oneReportPoints();
        }
        if (reading.category() != null) {
            return indicator.bands().stream()
                    .filter(b -> b.values().contains(reading.category()))
                    .findFirst()
                    .map(FirmScorecardModel.Band::points)
                    .orElse(0);
        }
        List<FirmScorecardModel.Band> fromTheTop = indicator.bands().stream()
                .sorted(Comparator.comparing(
                                FirmScorecardModel.Band::from,
                                Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()))
                        .reversed())
                .toList();
        for (FirmScorecardModel.Band band : fromTheTop) {
            if (band.from() == null || reaches(reading, band.from())) {
                return band.points();
            }
        }
        return 0;
    }

    private static boolean reaches(Reading reading, BigDecimal from) {
        return reading.number() != null
                ? reading.number().compareTo(from) >= 0
                : reading.now().compareTo(from.multiply(reading.before())) >= 0;
    }

    private static Reading read(
            FirmIndicator indicator,
            LocalDate foundedOn,
            List<AwardRules.Fact> facts,
            List<FilingSummary> filings,
            LocalDate today) {
        return switch (indicator) {
            case YEARS_IN_BUSINESS -> {
                if (foundedOn == null) {
                    yield Reading.missing("founding date unknown");
                }
                int years = Period.between(foundedOn, today).getYears();
                yield Reading.number(years, years + " years");
            }
            case FILINGS_ON_TIME -> {
                // the figures for a year are due by 30 June of the next year
                int lastYear = today.getYear() - 1;
                Optional<FilingSummary> lastYears =
                        filings.stream().filter(f -> f.fiscalYear() == lastYear).findFirst();
                if (lastYears.isEmpty()) {
                    yield Reading.missing("no filing for " + lastYear);
                }
                boolean onTime = !lastYears.get().filedOn().isAfter(LocalDate.of(lastYear + 1, 6, 30));
                yield Reading.category(
                        onTime ? "ON_TIME" : "LATE", "filing for " + lastYear + (onTime ? " on time" : " late"));
            }
            case TAX_GRADE -> {
                String grade = latest(facts, FeedSource.TAX)
                        .map(t -> (String) t.get("creditGrade"))
                        .orElse(null);
                yield grade == null ? Reading.missing("no tax feed") : Reading.category(grade, "grade " + grade);
            }
            case ABNORMAL_LISTING ->
                latest(facts, FeedSource.MARKET_REGULATION)
                        .map(m -> Boolean.TRUE.equals(m.get("abnormalListed"))
                                ? Reading.category("LISTED", "on the abnormal-operation list")
                                : Reading.category("NOT_LISTED", "not listed"))
                        .orElse(Reading.missing("no market-regulation feed"));
            case TAX_ARREARS ->
                latest(facts, FeedSource.TAX)
                        .map(t -> t.get("arrears") instanceof Number n && n.longValue() > 0
                                ? Reading.number(n.longValue(), "arrears " + n + " yuan")
                                : Reading.number(0, "no arrears"))
                        .orElse(Reading.missing("no tax feed"));
            case HEADCOUNT_TREND -> {
                List<Long> headcounts = series(facts, FeedSource.SOCIAL_INSURANCE, "insuredHeadcount");
                if (headcounts.isEmpty()) {
                    yield Reading.missing("no social-insurance feed");
                }
                if (headcounts.size() == 1) {
                    yield Reading.oneReport("one report: " + headcounts.get(0) + " insured");
                }
                yield Reading.trend(
                        headcounts.get(0),
                        headcounts.get(1),
                        "insured " + headcounts.get(1) + " → " + headcounts.get(0));
            }
            case UTILITY_TREND -> utilityTrend(facts);
            case CROSS_CHECKS ->
                filings.stream()
                        .max(Comparator.comparingInt(FilingSummary::fiscalYear))
                        .map(f -> f.flagged()
                                ? Reading.category("FLAGGED", "filing for " + f.fiscalYear() + " flagged")
                                : Reading.category("CONSISTENT", "filing for " + f.fiscalYear() + " consistent"))
                        .orElse(Reading.missing("no filing"));
        };
    }

    private static boolean vetoed(String veto, List<AwardRules.Fact> facts) {
        return switch (veto) {
            case "NOT_ACTIVE_REGISTRATION" ->
                latest(facts, FeedSource.MARKET_REGULATION)
                        .filter(m -> !"ACTIVE".equals(m.get("registrationStatus")))
                        .isPresent();
            case "DISHONEST_DEBTOR" ->
                latest(facts, FeedSource.COURTS)
                        .filter(c -> Boolean.TRUE.equals(c.get("dishonestDebtor")))
                        .isPresent();
            default -> throw new IllegalArgumentException("unknown veto " + veto);
        };
    }

    /** The last three metered months against the same months a year before. */
    private static Reading utilityTrend(List<AwardRules.Fact> facts) {
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
            return Reading.missing("no year-on-year electricity data");
        }
        return Reading.trend(
                now, before, "electricity " + before + " → " + now + " kWh over " + pairs + " months year on year");
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
