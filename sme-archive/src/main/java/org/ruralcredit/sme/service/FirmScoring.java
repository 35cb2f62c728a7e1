package org.ruralcredit.sme.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.sme.domain.AwardRules;
import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.domain.FeedSource;
import org.ruralcredit.sme.domain.Filing;
import org.ruralcredit.sme.domain.FirmScorecard;
import org.ruralcredit.sme.domain.FirmScorecardModel;
import org.ruralcredit.sme.repository.EnterpriseRepository;
import org.ruralcredit.sme.repository.FeedRepository;
import org.ruralcredit.sme.repository.FilingRepository;

/** Keeps each firm's stored score current: called in the transaction that changed its facts or filings. */
@ApplicationScoped
public class FirmScoring {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final EnterpriseRepository enterprises;
    private final FeedRepository feeds;
    private final FilingRepository filings;
    private final FirmScorecardModel scorecard;
    private final Clock clock;

    public FirmScoring(
            EnterpriseRepository enterprises,
            FeedRepository feeds,
            FilingRepository filings,
            FirmScorecardModel scorecard,
            Clock clock) {
        this.clock = clock;
        this.scorecard = scorecard;
        this.enterprises = enterprises;
        this.feeds = feeds;
        this.filings = filings;
    }

    /** Rescores the firms and returns those archived (codes of unknown firms are skipped). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Enterprise> rescore(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        List<Enterprise> rescored = new ArrayList<>();
        Map<String, List<AwardRules.Fact>> facts = feeds.factsOf(codes).stream()
                .collect(Collectors.groupingBy(
                        f -> f.uscc,
                        Collectors.mapping(
                                f -> new AwardRules.Fact(FeedSource.valueOf(f.source), f.asOf, f.facts),
                                Collectors.toList())));
        LocalDate today = LocalDate.now(clock);
        for (String code : codes) {
            Enterprise firm = enterprises.findById(code);
            if (firm == null) {
                continue;
            }
            FirmScorecard.Score score = FirmScorecard.score(
                    scorecard,
                    firm.foundedOn,
                    facts.getOrDefault(code, List.of()),
                    latestPerYear(filings.of(code)),
                    today);
            firm.score = score.total();
            firm.grade = score.grade();
            firm.scoredAt = Instant.now(clock);
            rescored.add(firm);
            try {
                firm.scoreCardJson = JSON.writeValueAsString(score);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return rescored;
    }

    public static FirmScorecard.Score read(Enterprise firm) {
        if (firm.scoreCardJson == null) {
            return null;
        }
        try {
            return JSON.readValue(firm.scoreCardJson, FirmScorecard.Score.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score card is unreadable", e);
        }
    }

    /** Only the newest revision of each year counts. */
    private static List<FirmScorecard.FilingSummary> latestPerYear(List<Filing> all) {
        return all.stream()
                .collect(Collectors.toMap(f -> f.fiscalYear, f -> f, (a, b) -> a.revision >= b.revision ? a : b))
                .values()
                .stream()
                .sorted(Comparator.comparingInt((Filing f) -> f.fiscalYear).reversed())
                .map(f -> new FirmScorecard.FilingSummary(
                        f.fiscalYear, f.filedAt.atZone(ServiceClock.CHINA).toLocalDate(), f.flagged))
                .toList();
    }
}
