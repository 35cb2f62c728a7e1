package org.ruralcredit.morality.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.morality.domain.LedgerEntry;

@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    public List<LedgerEntry> chainOf(String householdId) {
        return list("householdId = ?1 order by seq", householdId);
    }

    public Optional<LedgerEntry> head(String householdId) {
        return find("householdId = ?1 order by seq desc", householdId).firstResultOptional();
    }

    public boolean isReversed(UUID entryId) {
        return count("reversesEntryId", entryId) > 0;
    }

    /** Every entry of a village's households, each chain in order: one read for a whole ranking. */
    public List<LedgerEntry> ofVillage(String villageCode) {
        return list(
                "householdId in (select h.id from Household h where h.villageCode = ?1) order by householdId, seq",
                villageCode);
    }

    /** Entries of a village's households recorded in [from, to), oldest first. */
    public List<LedgerEntry> recordedInVillage(String villageCode, Instant from, Instant to) {
        return list(
                "householdId in (select h.id from Household h where h.villageCode = ?1) "
                        + "and recordedAt >= ?2 and recordedAt < ?3 order by recordedAt, seq",
                villageCode,
                from,
                to);
    }
}
