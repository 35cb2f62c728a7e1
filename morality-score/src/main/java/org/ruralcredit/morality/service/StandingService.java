package org.ruralcredit.morality.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.morality.domain.BalanceRules;
import org.ruralcredit.morality.domain.CountedEntry;
import org.ruralcredit.morality.domain.Household;
import org.ruralcredit.morality.domain.LedgerEntry;
import org.ruralcredit.morality.domain.PanelResult;
import org.ruralcredit.morality.domain.Standing;
import org.ruralcredit.morality.repository.LedgerRepository;
import org.ruralcredit.morality.repository.PanelRepository;

/** A household's standing for a year, computed from its ledger, and the event that announces it. */
@ApplicationScoped
public class StandingService {

    private final LedgerRepository ledger;
    private final PanelRepository panels;
    private final CatalogueService catalogues;
    private final Outbox outbox;

    public StandingService(
            LedgerRepository ledger, PanelRepository panels, CatalogueService catalogues, Outbox outbox) {
        this.ledger = ledger;
        this.panels = panels;
        this.catalogues = catalogues;
        this.outbox = outbox;
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

    /** Records morality.points.v1 with the household's new standing; call inside the transaction of the change. */
    public Standing announce(Household household, int year, String cause, String entryId) {
        Standing s = standing(household.id, year);
        Optional<PanelResult> panel = panelResult(household.id);
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
                        null,
                        null));
        return s;
    }
}
