package org.ruralcredit.morality.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.morality.domain.Catalogue;
import org.ruralcredit.morality.domain.CountedEntry;
import org.ruralcredit.morality.domain.Household;
import org.ruralcredit.morality.domain.LedgerEntry;
import org.ruralcredit.morality.domain.NameMask;
import org.ruralcredit.morality.domain.Standing;
import org.ruralcredit.morality.repository.HouseholdRepository;
import org.ruralcredit.morality.repository.LedgerRepository;

/** A village's public posting (公示) of the month and its ranking. */
@ApplicationScoped
public class VillageQueries {

    public record PostedEntry(
            String name, String kind, String code, String itemZh, int points, LocalDate deedDate, Instant approvedAt) {}

    public record Ranked(
            int rank,
            String householdId,
            String displayName,
            int totalPoints,
            boolean vetoed,
            boolean eligible,
            boolean greenCard) {}

    private final HouseholdRepository households;
    private final LedgerRepository ledger;
    private final CatalogueService catalogues;
    private final StandingService standings;

    public VillageQueries(
            HouseholdRepository households,
            LedgerRepository ledger,
            CatalogueService catalogues,
            StandingService standings) {
        this.households = households;
        this.ledger = ledger;
        this.catalogues = catalogues;
        this.standings = standings;
    }

    /** Entries approved in the month (local time), names masked to the family name + 某. */
    public List<PostedEntry> publication(String villageCode, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ServiceClock.CHINA).toInstant();
        Instant to =
                month.plusMonths(1).atDay(1).atStartOfDay(ServiceClock.CHINA).toInstant();
        List<LedgerEntry> entries = ledger.recordedInVillage(villageCode, from, to);
        Map<String, Household> byId =
                households
                        .byIds(entries.stream()
                                .map(e -> e.householdId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(h -> h.id, Function.identity()));
        return entries.stream()
                .map(e -> new PostedEntry(
                        NameMask.mask(byId.get(e.householdId).headName),
                        e.kind.name(),
                        e.ruleCode != null ? e.ruleCode : e.vetoCode,
                        itemName(e),
                        e.points,
                        e.deedDate,
                        e.recordedAt))
                .toList();
    }

    private String itemName(LedgerEntry e) {
        Catalogue c = catalogues.byVersion(e.catalogueVersion);
        String name = e.ruleCode != null
                ? c.rule(e.ruleCode).map(Catalogue.DeedRule::nameZh).orElse(e.ruleCode)
                : c.veto(e.vetoCode).map(Catalogue.VetoItem::nameZh).orElse(e.vetoCode);
        return switch (e.kind) {
            case REVERSAL -> "更正（冲销）：" + name;
            case VETO -> "一票否决：" + name;
            case DEED -> name;
        };
    }

    /**
     * Open households of the village by total points of the year, highest first. A name shows only
     * where the household opted in; the others appear masked.
     */
    public List<Ranked> ranking(String villageCode, int year) {
        record Scored(Household household, Standing standing) {}
        // One read of the village's ledger; a household without entries has the empty standing.
        Map<String, List<CountedEntry>> chains = ledger.ofVillage(villageCode).stream()
                .collect(Collectors.groupingBy(
                        e -> e.householdId, Collectors.mapping(LedgerEntry::counted, Collectors.toList())));
        Standing empty = standings.standing(year, List.of());
        List<Scored> scored = households.ofVillage(villageCode).stream()
                .filter(Household::active)
                .map(h -> new Scored(h, chains.containsKey(h.id) ? standings.standing(year, chains.get(h.id)) : empty))
                .sorted(Comparator.comparingInt((Scored s) -> s.standing().totalPoints())
                        .reversed()
                        .thenComparing(s -> s.household().id))
                .toList();
        List<Ranked> out = new ArrayList<>();
        int rank = 0;
        Integer previous = null;
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            if (previous == null || s.standing().totalPoints() != previous) {
                rank = i + 1;
                previous = s.standing().totalPoints();
            }
            String name = s.household().rankingOptIn && s.household().headName != null
                    ? s.household().headName
                    : NameMask.mask(s.household().headName);
            out.add(new Ranked(
                    rank,
                    s.household().id,
                    name,
                    s.standing().totalPoints(),
                    s.standing().vetoed(),
                    s.standing().eligible(),
                    s.standing().greenCard()));
        }
        return out;
    }
}
