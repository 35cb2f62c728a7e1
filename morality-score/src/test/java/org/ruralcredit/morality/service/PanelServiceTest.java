package org.ruralcredit.morality.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.morality.TestHouseholds;
import org.ruralcredit.morality.domain.PanelRater;
import org.ruralcredit.morality.domain.PanelResult;
import org.ruralcredit.morality.domain.PanelRound;
import org.ruralcredit.morality.messaging.HouseholdDirectoryConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.service.Callers.LINSHAN;
import static org.ruralcredit.morality.service.Callers.assertRefused;

/**
 * 背靠背打分 through the service against PostgreSQL only: a round closes only with five raters and
 * every rater's score for every household scored, and then holds each household's trimmed mean.
 */
@QuarkusTest
@TestProfile(PostgresOnlyProfile.class)
class PanelServiceTest {

    @Inject
    HouseholdDirectoryConsumer directory;

    @Inject
    PanelService panels;

    @Inject
    StandingService standings;

    private String registered() {
        return TestHouseholds.registeredIn(directory);
    }

    @Test
    void aRoundClosesOnlyWhenFiveRatersScoredEveryHouseholdAndKeepsTheTrimmedMeans() {
        String first = registered();
        String second = registered();
        Callers.clerk("clerk-linshan", LINSHAN_VILLAGE);
        assertRefused(MoralityCodes.PANEL_OFFICIAL_ONLY, () -> panels.open(LINSHAN_VILLAGE, "2026年度评议"));
        Callers.official("official-linshan", LINSHAN);
        UUID round = panels.open(LINSHAN_VILLAGE, " 2026年度评议 ").id;
        List<UUID> raters = new ArrayList<>();
        for (String name : List.of("村支书", "村主任", "老党员", "乡贤", "妇女代表")) {
            raters.add(panels.addRater(round, name, "评议员").id);
        }
        assertRefused(MoralityCodes.PANEL_RATER_EXISTS, () -> panels.addRater(round, "乡贤", "评议员"));

        // the clerk enters sealed sheets too; each answer counts the scores in, never shows them
        int[] firstScores = {60, 70, 80, 90, 100};
        int[] secondScores = {50, 50, 60, 70, 100};
        Callers.clerk("clerk-linshan", LINSHAN_VILLAGE);
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, panels.score(round, raters.get(i), first, firstScores[i]));
        }
        for (int i = 0; i < 4; i++) {
            panels.score(round, raters.get(i), second, secondScores[i]);
        }
        assertRefused(MoralityCodes.PANEL_ALREADY_SCORED, () -> panels.score(round, raters.get(0), first, 10));
        assertRefused(MoralityCodes.PANEL_RATER_UNKNOWN, () -> panels.score(round, UUID.randomUUID(), first, 10));
        Callers.clerk("clerk-other", TestHouseholds.OTHER_LINSHAN_VILLAGE);
        assertRefused(MoralityCodes.PANEL_SCORER_SCOPE, () -> panels.score(round, raters.get(4), second, 10));

        Callers.official("official-linshan", LINSHAN);
        assertRefused(MoralityCodes.PANEL_SCORES_MISSING, () -> panels.close(round));
        panels.score(round, raters.get(4), second, secondScores[4]);
        PanelService.RoundState closed = panels.close(round);
        assertEquals(PanelRound.CLOSED, closed.round().state);
        assertEquals("2026年度评议", closed.round().title);
        Map<String, BigDecimal> means =
                closed.results().stream().collect(Collectors.toMap(PanelResult::householdId, PanelResult::trimmedMean));
        // the single highest and lowest dropped: (70 + 80 + 90) / 3 and (50 + 60 + 70) / 3
        assertEquals(Map.of(first, new BigDecimal("80.00"), second, new BigDecimal("60.00")), means);
        assertTrue(closed.results().stream().allMatch(r -> r.raterCount() == 5));
        assertEquals(
                new BigDecimal("80.00"),
                QuarkusTransaction.requiringNew()
                        .call(() -> standings.panelResult(first))
                        .orElseThrow()
                        .trimmedMean());

        assertRefused(MoralityCodes.PANEL_ROUND_ALREADY_CLOSED, () -> panels.close(round));
        assertRefused(MoralityCodes.PANEL_ROUND_CLOSED, () -> panels.score(round, raters.get(0), first, 10));
    }

    @Test
    void aRoundWithFewerThanFiveRatersOrNoScoresStaysOpen() {
        String household = registered();
        Callers.official("official-linshan", LINSHAN);
        UUID round = panels.open(LINSHAN_VILLAGE, "补充评议").id;
        List<PanelRater> raters = new ArrayList<>();
        for (String name : List.of("甲", "乙", "丙", "丁")) {
            raters.add(panels.addRater(round, name, "村民代表"));
        }
        assertRefused(MoralityCodes.PANEL_TOO_FEW_RATERS, () -> panels.close(round));
        panels.addRater(round, "戊", "村民代表");
        assertRefused(MoralityCodes.PANEL_NO_SCORES, () -> panels.close(round));
        panels.score(round, raters.get(0).id, household, 75);
        assertRefused(MoralityCodes.PANEL_SCORES_MISSING, () -> panels.close(round));
        PanelService.RoundState open = QuarkusTransaction.requiringNew().call(() -> panels.view(round));
        assertEquals(PanelRound.OPEN, open.round().state);
        assertEquals(1, open.householdsScored());
        assertTrue(open.results().isEmpty());
    }
}
