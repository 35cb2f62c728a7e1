package org.ruralcredit.morality.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.DivisionScope;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.morality.domain.Household;
import org.ruralcredit.morality.domain.PanelRater;
import org.ruralcredit.morality.domain.PanelResult;
import org.ruralcredit.morality.domain.PanelRound;
import org.ruralcredit.morality.domain.PanelRoundCounts;
import org.ruralcredit.morality.domain.TrimmedMean;
import org.ruralcredit.morality.repository.HouseholdRepository;
import org.ruralcredit.morality.repository.PanelRepository;

/**
 * 背靠背打分. The realm has no account per rater: the official names the raters of a round and the
 * official or the village clerk enters each rater's score from their sealed sheet. No score is
 * shown to anyone until the round closes; closing needs at least five raters and every rater's
 * score for every household scored in the round.
 */
@ApplicationScoped
public class PanelService {

    public record RoundState(
            PanelRound round,
            List<PanelRater> raters,
            Map<UUID, Long> scoresByRater,
            int householdsScored,
            List<PanelResult> results) {}

    /** A page of rounds and how many the reader sees in all. */
    public record Listing(List<PanelRoundCounts> items, long total) {}

    private final PanelRepository panels;
    private final HouseholdRepository households;
    private final StandingService standings;
    private final CatalogueService catalogues;
    private final Caller caller;
    private final Clock clock;

    public PanelService(
            PanelRepository panels,
            HouseholdRepository households,
            StandingService standings,
            CatalogueService catalogues,
            Caller caller,
            Clock clock) {
        this.clock = clock;
        this.panels = panels;
        this.households = households;
        this.standings = standings;
        this.catalogues = catalogues;
        this.caller = caller;
    }

    @Transactional
    public PanelRound open(String villageCode, String title) {
        requireOfficialOf(villageCode);
        if (households.ofVillage(villageCode).isEmpty()) {
            throw ApiException.of(MoralityCodes.PANEL_VILLAGE_EMPTY, villageCode);
        }
        PanelRound round = new PanelRound();
        round.id = UUID.randomUUID();
        round.villageCode = villageCode;
        round.townshipCode = villageCode.substring(0, 9);
        round.title = title.strip();
        round.state = PanelRound.OPEN;
        round.openedBy = caller.username();
        round.openedAt = Instant.now(clock);
        panels.persist(round);
        return round;
    }

    @Transactional
    public PanelRater addRater(UUID roundId, String name, String role) {
        PanelRound round = openRound(roundId);
        requireOfficialOf(round.villageCode);
        if (panels.raters(roundId).stream().anyMatch(r -> r.name.equals(name.strip()))) {
            throw ApiException.of(MoralityCodes.PANEL_RATER_EXISTS, name.strip());
        }
        PanelRater rater = new PanelRater();
        rater.id = UUID.randomUUID();
        rater.roundId = roundId;
        rater.name = name.strip();
        rater.role = role.strip();
        rater.addedBy = caller.username();
        rater.addedAt = Instant.now(clock);
        panels.persist(rater);
        return rater;
    }

    /** Records one sealed score; the answer tells how many are in, never what they are. */
    @Transactional
    public long score(UUID roundId, UUID raterId, String householdId, int score) {
        PanelRound round = openRound(roundId);
        boolean official =
                caller.hasRole(Role.TOWNSHIP_OFFICIAL) && caller.writeScope().covers(round.villageCode);
        boolean clerk =
                caller.hasRole(Role.VILLAGE_CLERK) && caller.writeScope().covers(round.villageCode);
        if (!official && !clerk) {
            throw ApiException.of(MoralityCodes.PANEL_SCORER_SCOPE);
        }
        if (panels.raters(roundId).stream().noneMatch(r -> r.id.equals(raterId))) {
            throw ApiException.of(MoralityCodes.PANEL_RATER_UNKNOWN, raterId, roundId);
        }
        Household h = households.findById(householdId);
        if (h == null || !h.villageCode.equals(round.villageCode)) {
            throw ApiException.of(MoralityCodes.PANEL_HOUSEHOLD_OUTSIDE_VILLAGE, householdId, round.villageCode);
        }
        if (!panels.addScore(roundId, raterId, householdId, score, caller.username())) {
            throw ApiException.of(MoralityCodes.PANEL_ALREADY_SCORED, householdId);
        }
        return panels.scores(roundId).stream()
                .filter(s -> s.householdId().equals(householdId))
                .count();
    }

    @Transactional
    public RoundState close(UUID roundId) {
        PanelRound round = panels.lockRound(roundId)
                .orElseThrow(() -> ApiException.of(MoralityCodes.PANEL_ROUND_UNKNOWN, roundId));
        requireOfficialOf(round.villageCode);
        if (!PanelRound.OPEN.equals(round.state)) {
            throw ApiException.of(MoralityCodes.PANEL_ROUND_ALREADY_CLOSED, roundId);
        }
        List<PanelRater> raters = panels.raters(roundId);
        if (raters.size() < TrimmedMean.MIN_RATERS) {
            throw ApiException.of(MoralityCodes.PANEL_TOO_FEW_RATERS, TrimmedMean.MIN_RATERS, raters.size());
        }
        Map<String, List<PanelRepository.Score>> byHousehold = panels.scores(roundId).stream()
                .collect(Collectors.groupingBy(PanelRepository.Score::householdId, TreeMap::new, Collectors.toList()));
        if (byHousehold.isEmpty()) {
            throw ApiException.of(MoralityCodes.PANEL_NO_SCORES);
        }
        List<String> incomplete = byHousehold.entrySet().stream()
                .filter(e -> e.getValue().size() < raters.size())
                .map(Map.Entry::getKey)
                .toList();
        if (!incomplete.isEmpty()) {
            throw ApiException.of(MoralityCodes.PANEL_SCORES_MISSING, incomplete);
        }
        Instant closedAt = Instant.now(clock);
        round.state = PanelRound.CLOSED;
        round.closedBy = caller.username();
        round.closedAt = closedAt;
        int year = catalogues.today().getYear();
        for (Map.Entry<String, List<PanelRepository.Score>> e : byHousehold.entrySet()) {
            List<Integer> scores =
                    e.getValue().stream().map(PanelRepository.Score::score).toList();
            panels.addResult(new PanelResult(roundId, e.getKey(), TrimmedMean.of(scores), scores.size(), closedAt));
            standings.announce(households.findById(e.getKey()), year, MoralityPointsChanged.PANEL_RESULT, null);
        }
        return state(round);
    }

    public RoundState view(UUID roundId) {
        PanelRound round =
                panels.round(roundId).orElseThrow(() -> ApiException.of(MoralityCodes.PANEL_ROUND_UNKNOWN, roundId));
        if (!caller.readScope().covers(round.villageCode)) {
            throw ApiException.of(MoralityCodes.PANEL_ROUND_OUTSIDE_DIVISION, roundId);
        }
        return state(round);
    }

    /**
     * The rounds the reader may open (the single read's rule: villages inside their read scope),
     * newest first; nothing for a caller without a division to read.
     */
    @Transactional
    public Listing list(PanelRound.State state, String village, int page, int size) {
        DivisionScope scope = caller.readScope();
        if (!scope.everywhere() && scope.division() == null) {
            return new Listing(List.of(), 0);
        }
        String inside = scope.everywhere() ? null : scope.division();
        return new Listing(
                panels.rounds(inside, state, village, page, size), panels.countRounds(inside, state, village));
    }

    /** Counts only while open; results (never single scores) once closed. */
    private RoundState state(PanelRound round) {
        List<PanelRepository.Score> scores = panels.scores(round.id);
        Map<UUID, Long> byRater =
                scores.stream().collect(Collectors.groupingBy(PanelRepository.Score::raterId, Collectors.counting()));
        Set<String> scored =
                scores.stream().map(PanelRepository.Score::householdId).collect(Collectors.toSet());
        List<PanelResult> results =
                PanelRound.CLOSED.equals(round.state) ? panels.results(round.id) : new ArrayList<>();
        return new RoundState(round, panels.raters(round.id), byRater, scored.size(), results);
    }

    private PanelRound openRound(UUID roundId) {
        PanelRound round =
                panels.round(roundId).orElseThrow(() -> ApiException.of(MoralityCodes.PANEL_ROUND_UNKNOWN, roundId));
        if (!PanelRound.OPEN.equals(round.state)) {
            throw ApiException.of(MoralityCodes.PANEL_ROUND_CLOSED, roundId);
        }
        return round;
    }

    private void requireOfficialOf(String villageCode) {
        if (!caller.hasRole(Role.TOWNSHIP_OFFICIAL)
                || caller.division() == null
                || caller.division().length() != 9
                || !caller.writeScope().covers(villageCode)) {
            throw ApiException.of(MoralityCodes.PANEL_OFFICIAL_ONLY, villageCode);
        }
    }
}
