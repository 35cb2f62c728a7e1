package org.ruralcredit.morality.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ruralcredit.commons.chain.ChainRule;
import org.ruralcredit.commons.metrics.ChainVerificationFailures;
import org.ruralcredit.morality.domain.HashChain;
import org.ruralcredit.morality.domain.Household;
import org.ruralcredit.morality.domain.LedgerEntry;
import org.ruralcredit.morality.domain.Proposal;
import org.ruralcredit.morality.repository.HouseholdRepository;
import org.ruralcredit.morality.repository.LedgerRepository;

/** Appends approved proposals to a household's hash chain and verifies chains. */
@ApplicationScoped
public class LedgerService {

    private final LedgerRepository ledger;
    private final HouseholdRepository households;
    private final Clock clock;

    @Inject
    ChainVerificationFailures verificationFailures;

    public LedgerService(LedgerRepository ledger, HouseholdRepository households, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.households = households;
    }

    /** Locks the household's chain until the transaction ends: appends, and what they are computed from, happen one at a time. */
    public void lockChain(String householdId) {
        if (households.lockForAppend(householdId).isEmpty()) {
            throw new NoSuchElementException("household " + householdId + " is not in the directory");
        }
    }

    /** Appends in the caller's transaction; the household row lock keeps two appends from taking the same place. */
    public LedgerEntry append(Proposal p, Integer ruleYearlyCap, String approvedBy) {
        lockChain(p.householdId);
        Optional<LedgerEntry> head = ledger.head(p.householdId);
        LedgerEntry e = new LedgerEntry();
        e.id = UUID.randomUUID();
        e.householdId = p.householdId;
        e.seq = head.map(h -> h.seq + 1).orElse(1L);
        e.kind = p.kind;
        e.ruleCode = p.ruleCode;
        e.vetoCode = p.vetoCode;
        e.standardCode = p.standardCode;
        e.catalogueVersion = p.catalogueVersion;
        e.deedDate = p.deedDate;
        e.points = p.points;
        e.ruleYearlyCap = ruleYearlyCap;
        e.reversesEntryId = p.reversesEntryId;
        e.proposalId = p.id;
        e.description = p.description;
        e.proposedBy = p.proposedBy;
        e.approvedBy = approvedBy;
        // PostgreSQL keeps microseconds: hash what will be read back
        e.recordedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        e.prevHash = head.map(h -> h.entryHash).orElse(HashChain.GENESIS);
        e.chainVersion = ChainRule.CURRENT_VERSION;
        e.entryHash = HashChain.hash(e.prevHash, e);
        ledger.persist(e);
        return e;
    }

    /** A household's entries in ledger order. */
    public List<LedgerEntry> entriesOf(String householdId) {
        return ledger.chainOf(householdId);
    }

    public record Verification(String householdId, int entries, boolean intact, HashChain.Break firstBreak) {}

    public Verification verify(String householdId) {
        List<HashChain.Link> links =
                ledger.chainOf(householdId).stream().map(LedgerEntry::link).toList();
        Optional<HashChain.Break> broken = HashChain.firstBreak(links);
        broken.ifPresent(b -> verificationFailures.record());
        return new Verification(householdId, links.size(), broken.isEmpty(), broken.orElse(null));
    }

    public record VillageVerification(
            String villageCode, int households, int entries, boolean intact, List<Verification> broken) {}

    public VillageVerification verifyVillage(String villageCode) {
        List<Household> members = households.ofVillage(villageCode);
        int entries = 0;
        List<Verification> broken = new ArrayList<>();
        for (Household h : members) {
            Verification v = verify(h.id);
            entries += v.entries();
            if (!v.intact()) {
                broken.add(v);
            }
        }
        return new VillageVerification(villageCode, members.size(), entries, broken.isEmpty(), broken);
    }
}
