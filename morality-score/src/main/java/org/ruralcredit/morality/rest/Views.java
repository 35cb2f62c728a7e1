package org.ruralcredit.morality.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.ruralcredit.morality.domain.LedgerEntry;
import org.ruralcredit.morality.domain.PanelRater;
import org.ruralcredit.morality.domain.PanelResult;
import org.ruralcredit.morality.domain.PanelRoundCounts;
import org.ruralcredit.morality.domain.Proposal;
import org.ruralcredit.morality.domain.Standing;
import org.ruralcredit.morality.service.CapEffect;
import org.ruralcredit.morality.service.PanelService;

/** Response bodies: records made from entities, so no entity ever leaves the service. */
public final class Views {

    private Views() {}

    public record ProposalView(
            UUID id,
            String householdId,
            String villageCode,
            String kind,
            String ruleCode,
            String vetoCode,
            String standardCode,
            UUID reversesEntryId,
            int catalogueVersion,
            LocalDate deedDate,
            int points,
            String description,
            String evidenceNote,
            String evidenceHash,
            String proposedBy,
            String proposedByName,
            Instant proposedAt,
            String state,
            String decidedBy,
            Instant decidedAt,
            String decisionReason,
            UUID ledgerEntryId) {
        static ProposalView of(Proposal p) {
            return new ProposalView(
                    p.id,
                    p.householdId,
                    p.villageCode,
                    p.kind.name(),
                    p.ruleCode,
                    p.vetoCode,
                    p.standardCode,
                    p.reversesEntryId,
                    p.catalogueVersion,
                    p.deedDate,
                    p.points,
                    p.description,
                    p.evidenceNote,
                    p.evidenceHash,
                    p.proposedBy,
                    p.proposedByName,
                    p.proposedAt,
                    p.state.name(),
                    p.decidedBy,
                    p.decidedAt,
                    p.decisionReason,
                    p.ledgerEntryId);
        }
    }

    /** A new proposal and what it would count if approved now ({@code effect.capped} when a cap bites). */
    public record ProposedView(ProposalView proposal, CapEffect effect) {}

    public record EntryView(
            UUID id,
            long seq,
            String kind,
            String ruleCode,
            String vetoCode,
            String standardCode,
            int catalogueVersion,
            LocalDate deedDate,
            int points,
            Integer countedPoints,
            boolean reversed,
            UUID reversesEntryId,
            UUID proposalId,
            String description,
            String proposedBy,
            String approvedBy,
            Instant recordedAt,
            String entryHash) {
        static EntryView of(LedgerEntry e, Integer counted, boolean reversed) {
            return new EntryView(
                    e.id,
                    e.seq,
                    e.kind.name(),
                    e.ruleCode,
                    e.vetoCode,
                    e.standardCode,
                    e.catalogueVersion,
                    e.deedDate,
                    e.points,
                    counted,
                    reversed,
                    e.reversesEntryId,
                    e.proposalId,
                    e.description,
                    e.proposedBy,
                    e.approvedBy,
                    e.recordedAt,
                    e.entryHash);
        }
    }

    public record StandingView(
            int year,
            int catalogueVersion,
            List<Standing.StandardBalance> standards,
            int totalPoints,
            boolean vetoed,
            List<String> vetoCodes,
            boolean eligible,
            boolean greenCard,
            long moralCreditLine) {
        static StandingView of(Standing s) {
            return new StandingView(
                    s.year(),
                    s.catalogueVersion(),
                    s.standards(),
                    s.totalPoints(),
                    s.vetoed(),
                    s.vetoCodes(),
                    s.eligible(),
                    s.greenCard(),
                    s.moralCreditLine());
        }
    }

    public record DecisionView(ProposalView proposal, EntryView entry, CapEffect effect, StandingView standing) {}

    public record ProfileView(
            String householdId,
            String villageCode,
            String status,
            StandingView standing,
            BigDecimal panelScore,
            int panelRaterCount,
            List<EntryView> recentEntries) {}

    public record RaterView(UUID id, String name, String role, long scoresEntered) {}

    public record PanelResultView(String householdId, BigDecimal trimmedMean, int raterCount) {
        static PanelResultView of(PanelResult r) {
            return new PanelResultView(r.householdId(), r.trimmedMean(), r.raterCount());
        }
    }

    /** One round of a listing: how many raters and scores it has, never a score. */
    public record RoundSummary(
            UUID id,
            String villageCode,
            String title,
            @Schema(enumeration = {"OPEN", "CLOSED"}) String state,
            String openedBy,
            Instant openedAt,
            Instant closedAt,
            long raters,
            long scores,
            long householdsScored) {
        static RoundSummary of(PanelRoundCounts r) {
            return new RoundSummary(
                    r.id(),
                    r.villageCode(),
                    r.title(),
                    r.state(),
                    r.openedBy(),
                    r.openedAt(),
                    r.closedAt(),
                    r.raters(),
                    r.scores(),
                    r.householdsScored());
        }
    }

    /** A page of rounds, newest first; {@code total} counts every round the caller sees. */
    public record RoundPage(List<RoundSummary> items, int page, int size, long total) {}

    /** While open: who rates and how many scores are in, never their values. */
    public record RoundView(
            UUID id,
            String villageCode,
            String title,
            String state,
            String openedBy,
            Instant openedAt,
            Instant closedAt,
            List<RaterView> raters,
            int householdsScored,
            List<PanelResultView> results) {
        static RoundView of(PanelService.RoundState s) {
            return new RoundView(
                    s.round().id,
                    s.round().villageCode,
                    s.round().title,
                    s.round().state,
                    s.round().openedBy,
                    s.round().openedAt,
                    s.round().closedAt,
                    s.raters().stream()
                            .map((PanelRater r) -> new RaterView(
                                    r.id, r.name, r.role, s.scoresByRater().getOrDefault(r.id, 0L)))
                            .toList(),
                    s.householdsScored(),
                    s.results().stream().map(PanelResultView::of).toList());
        }
    }
}
