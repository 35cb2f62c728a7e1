package org.ruralcredit.rating.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.creditline.CreditGrade;
import org.ruralcredit.rating.config.RatingConfig;
import org.ruralcredit.rating.domain.monitoring.ModelMonitor;
import org.ruralcredit.rating.domain.monitoring.MonitoringReport;
import org.ruralcredit.rating.domain.monitoring.MonitoringThresholds;
import org.ruralcredit.rating.domain.monitoring.Outcome;
import org.ruralcredit.rating.domain.monitoring.PopulationStability;
import org.ruralcredit.rating.domain.monitoring.ScoreBins;
import org.ruralcredit.rating.domain.monitoring.ScoreObservation;
import org.ruralcredit.rating.domain.pricing.BandOutcomes;
import org.ruralcredit.rating.domain.pricing.MinimumRate;
import org.ruralcredit.rating.domain.pricing.PdoCheck;
import org.ruralcredit.rating.domain.pricing.PdoFit;
import org.ruralcredit.rating.domain.pricing.RateEstimate;
import org.ruralcredit.rating.domain.scorecard.Scorecard;
import org.ruralcredit.rating.domain.scorecard.ScorecardModel;
import org.ruralcredit.rating.repository.LoanOutcomeRepository;

/**
 * Pricing odds and model monitoring from the outcomes lenders reported (lending.loan.v1). A loan is
 * observed with the score its household had under the model version when the loan started (the
 * newest rating by that version made by the end of the start day); loans without such a rating
 * are left out and counted. Outcome: BAD once the loan was ever non-performing (次级 or worse);
 * GOOD when it was settled without ever being non-performing; a loan still running without NPL
 * has no outcome yet.
 */
@ApplicationScoped
public class RiskAnalyticsService {

    public record Observed(double score, CreditGrade grade, Outcome outcome) {}

    public record Sample(List<Observed> withOutcome, List<Double> allScores, long unscoredLoans) {}

    public record BandOdds(
            String band,
            double lowScore,
            double highScore,
            long goods,
            long bads,
            Double odds,
            BigDecimal minimumRate,
            String note) {}

    public record PricingReport(
            String model,
            int version,
            BigDecimal targetMargin,
            List<BandOdds> bands,
            PdoFit pdoCheck,
            double statedPdo,
            long loansWithOutcome,
            long unscoredLoans) {}

    public record Monitoring(MonitoringReport report, long periodLoans, long baselineLoans, long unscoredLoans) {}

    private final LoanOutcomeRepository loans;
    private final ScorecardModelService models;
    private final RatingConfig config;

    public RiskAnalyticsService(LoanOutcomeRepository loans, ScorecardModelService models, RatingConfig config) {
        this.loans = loans;
        this.models = models;
        this.config = config;
    }

    /** Loans that started in [from, to) with their household's score under the model version then. */
    @Transactional
    public Sample sample(String model, int version, LocalDate from, LocalDate to) {
        List<Observed> observed = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        long unscored = 0;
        for (LoanOutcomeRepository.ScoredLoan loan : loans.startedBetween(model, version, from, to)) {
            if (loan.points() == null) {
                unscored++;
                continue;
            }
            double score = loan.points().doubleValue();
            scores.add(score);
            boolean bad = loan.everNonPerforming();
            if (bad || loan.settled()) {
                observed.add(new Observed(score, gradeOf(loan.grade()), bad ? Outcome.BAD : Outcome.GOOD));
            }
        }
        return new Sample(observed, scores, unscored);
    }

    static CreditGrade gradeOf(String grade) {
        return switch (grade) {
            case "AAA" -> CreditGrade.AAA;
            case "AA" -> CreditGrade.AA;
            case "A" -> CreditGrade.A;
            default -> CreditGrade.BELOW_A;
        };
    }

    /** Good:bad odds per grade band, the minimum sustainable rate of each, and the PDO check. */
    public PricingReport pricing(String model, int version, LocalDate from, LocalDate to) {
        return pricing(model, version, from, to, config.pricing().targetMargin());
    }

    /** The same with the given target margin (a lender policy's). */
    public PricingReport pricing(String model, int version, LocalDate from, LocalDate to, BigDecimal margin) {
        ScorecardModel scorecard = ScorecardModelService.parse(models.get(model, version).document);
        Sample sample = sample(model, version, from, to);
        Map<String, long[]> counts = sample.withOutcome().stream()
                .collect(Collectors.groupingBy(
                        o -> bandOf(scorecard, o.score()),
                        Collectors.collectingAndThen(Collectors.toList(), list -> new long[] {
                            list.stream()
                                    .filter(o -> o.outcome() == Outcome.GOOD)
                                    .count(),
                            list.stream()
                                    .filter(o -> o.outcome() == Outcome.BAD)
                                    .count()
                        })));
        List<BandOutcomes> bands = new ArrayList<>();
        List<BandOdds> rows = new ArrayList<>();
        double high = scorecard.maxPoints();
        for (ScorecardModel.GradeBand band : scorecard.gradeBands()) {
            bands.add(band(band.grade(), band.minScore().doubleValue(), high, counts));
            high = band.minScore().doubleValue();
        }
        bands.add(band(Scorecard.NOT_A_CREDIT_HOUSEHOLD, 0, high, counts));
        for (BandOutcomes b : bands) {
            RateEstimate estimate = MinimumRate.forBand(b, margin);
            rows.add(
                    switch (estimate) {
                        case RateEstimate.Sustainable s ->
                            new BandOdds(
                                    b.band(),
                                    b.lowScore(),
                                    b.highScore(),
                                    b.goods(),
                                    b.bads(),
                                    b.odds(),
                                    s.minimumRate(),
                                    null);
                        case RateEstimate.InsufficientData d ->
                            new BandOdds(
                                    b.band(), b.lowScore(), b.highScore(), b.goods(), b.bads(), null, null, d.reason());
                    });
        }
        double pdo = scorecard.scaling().pdo().doubleValue();
        PdoFit fit = new PdoCheck(pdo, config.pricing().pdoTolerance()).fit(bands);
        return new PricingReport(
                model, version, margin, rows, fit, pdo, sample.withOutcome().size(), sample.unscoredLoans());
    }

    private static BandOutcomes band(String grade, double low, double high, Map<String, long[]> counts) {
        long[] gb = counts.getOrDefault(grade, new long[2]);
        return new BandOutcomes(grade, low, high, gb[0], gb[1]);
    }

    private static String bandOf(ScorecardModel model, double score) {
        for (ScorecardModel.GradeBand band : model.gradeBands()) {
            if (score >= band.minScore().doubleValue()) {
                return band.grade();
            }
        }
        return Scorecard.NOT_A_CREDIT_HOUSEHOLD;
    }

    /** Default rate per grade, KS, AUC/Gini of a period, and the PSI of its scores against a baseline period. */
    public Monitoring monitoring(
            String model, int version, LocalDate from, LocalDate to, LocalDate baselineFrom, LocalDate baselineTo) {
        models.get(model, version);
        Sample period = sample(model, version, from, to);
        Sample baseline = sample(model, version, baselineFrom, baselineTo);
        ModelMonitor monitor = new ModelMonitor(
                new ScoreBins(config.monitoring().scoreCuts()),
                new MonitoringThresholds(
                        0.25, config.monitoring().ksFloor(), PopulationStability.DEFAULT_EMPTY_BIN_SHARE));
        List<ScoreObservation> observations = period.withOutcome().stream()
                .map(o -> new ScoreObservation(o.score(), o.grade(), o.outcome()))
                .toList();
        MonitoringReport report;
        try {
            report = monitor.report(model + "@" + version, observations, period.allScores(), baseline.allScores());
        } catch (IllegalArgumentException e) {
            throw ApiException.of(
                    RatingCodes.ANALYTICS_INSUFFICIENT_DATA,
                    e.getMessage(),
                    observations.size(),
                    period.allScores().size(),
                    baseline.allScores().size());
        }
        return new Monitoring(
                report,
                period.allScores().size(),
                baseline.allScores().size(),
                period.unscoredLoans() + baseline.unscoredLoans());
    }
}
