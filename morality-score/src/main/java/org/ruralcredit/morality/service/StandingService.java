package org.ruralcredit.morality.service;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.morality.config.MoralityConfig;
import org.ruralcredit.morality.domain.BalanceRules;
import org.ruralcredit.morality.domain.CountedEntry;
import org.ruralcredit.morality.domain.EntryKind;
import org.ruralcredit.morality.domain.Household;
import org.ruralcredit.morality.domain.LedgerEntry;
import org.ruralcredit.morality.domain.PanelResult;
import org.ruralcredit.morality.domain.Standing;
import org.ruralcredit.morality.repository.LedgerRepository;
import org.ruralcredit.morality.repository.PanelRepository;

/**
 * A household's standing for a year, computed from its ledger, its profile, and the event that
 * announces it. The event carries what the profile shows, so both are made here.
 */
@ApplicationScoped
public class StandingService {

    /** A ledger entry as the household's pages show it. */
    public record ShownEntry(LedgerEntry entry, Integer countedPoints, boolean reversed) {}

    /** What a household's profile shows for a year; {@code panel} null if no panel has scored it. */
    public record Profile(Household household, Standing standing, PanelResult panel, List<ShownEntry> recentEntries) {

        /** The household's status as farmer-registry last announced it. */
        public String status() {
            return household.status;
        }
    }

    private final LedgerRepository ledger;
    private final PanelRepository panels;
    private final CatalogueService catalogues;
    private final Outbox outbox;
    private final MoralityConfig config;

    public StandingService(
            LedgerRepository ledger,
            PanelRepository panels,
            CatalogueService catalogues,
            Outbox outbox,
            MoralityConfig config) {
        this.ledger = ledger;
        this.panels = panels;
        this.catalogues = catalogues;
        this.outbox = outbox;
        this.config = config;
    }

    public Standing standing(String householdId, int year) {
        return standing(
                year,
                ledger.chainOf(householdId).stream().map(LedgerEntry::counted).toList());
    }

    public Standing standing(int year, List<CountedEntry> entries) {
        return BalanceRules.standing(year, catalogues.forYear(year), entries);
    }

    public Optional<PanelResult> panelResult(String householdId) {
        return panels.latestResult(householdId);
    }

    /**
     * The household's profile: its status, its standing for {@code year}, its latest panel result and
     * its newest entries. The entries are not filtered by {@code year}: they are the newest of every
     * year, newest first, the same whatever year is asked.
     */
    public Profile profile(Household household, int year) {
        List<LedgerEntry> entries = ledger.chainOf(household.id);
        Standing s = standing(year, entries.stream().map(LedgerEntry::counted).toList());
        List<ShownEntry> recent = shown(entries).stream()
                .sorted(Comparator.comparingLong((ShownEntry e) -> e.entry().seq)
                        .reversed())
                .limit(config.recentEntries())
                .toList();
        return new Profile(household, s, panelResult(household.id).orElse(null), recent);
    }

    /**
     * Each entry (in the order given) with what it counts for its deed's year after the rule caps
     * (deeds only, null for the other kinds) and whether a later entry reversed it.
     */
    public List<ShownEntry> shown(List<LedgerEntry> entries) {
        Set<String> reversed = entries.stream()
                .filter(e -> e.reversesEntryId != null)
                .map(e -> e.reversesEntryId.toString())
                .collect(Collectors.toSet());
        List<CountedEntry> counted = entries.stream().map(LedgerEntry::counted).toList();
        Map<Integer, Standing> byYear = new HashMap<>();
        return entries.stream()
                .map(e -> new ShownEntry(
                        e,
                        e.kind == EntryKind.DEED
                                ? byYear.computeIfAbsent(e.deedDate.getYear(), y -> standing(y, counted))
                                        .countedPoints()
                                        .getOrDefault(e.id.toString(), 0)
                                : null,
                        reversed.contains(e.id.toString())))
                .toList();
    }

    /**
     * Records morality.points.v1 with the household's new standing for {@code year} and, for a credit
     * report, its status and recent entries as its profile shows them after the change (entries of
     * every year, as the profile's: not only {@code year}'s); call inside the transaction of the change.
     */
    public Standing announce(Household household, int year, String cause, String entryId) {
        Profile profile = profile(household, year);
        Standing s = profile.standing();
        Optional<PanelResult> panel = Optional.ofNullable(profile.panel());
        outbox.record(
                EventCatalog.MORALITY_POINTS_CHANGED,
                household.id,
                new MoralityPointsChanged(
                        household.id,
                        household.villageCode,
                        household.townshipCode,
                        year,
                        cause,
                        entryId,
                        s.catalogueVersion(),
                        s.standards().stream()
                                .map(b -> new MoralityPointsChanged.StandardBalance(b.code(), b.points(), b.cap()))
                                .toList(),
                        s.totalPoints(),
                        s.vetoed(),
                        s.vetoCodes(),
                        s.eligible(),
                        s.greenCard(),
                        s.moralCreditLine(),
                        panel.map(PanelResult::trimmedMean).orElse((BigDecimal) null),
                        panel.map(PanelResult::raterCount).orElse(0),
                        profile.status(),
                        profile.recentEntries().stream()
                                .map(StandingService::reported)
                                .toList()));
        return s;
    }

    /** An entry as a credit report shows it: no proposer or approver. */
    private static MoralityPointsChanged.Entry reported(ShownEntry shown) {
        LedgerEntry e = shown.entry();
        return new MoralityPointsChanged.Entry(
                e.kind.name(),
                e.ruleCode,
                e.vetoCode,
                e.standardCode,
                e.deedDate,
                e.points,
                shown.reversed(),
                e.description);
    }
}
