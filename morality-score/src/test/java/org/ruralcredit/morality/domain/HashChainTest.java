package org.ruralcredit.morality.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.chain.ChainRule;
import org.ruralcredit.commons.chain.LegacyForm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashChainTest {

    private static LedgerEntry entry(long seq, String rule, int points, int version) {
        LedgerEntry e = new LedgerEntry();
        e.id = UUID.nameUUIDFromBytes(("e" + seq).getBytes(StandardCharsets.UTF_8));
        e.householdId = "hh-1";
        e.seq = seq;
        e.kind = EntryKind.DEED;
        e.ruleCode = rule;
        e.standardCode = "PUBLIC_SPIRITED";
        e.catalogueVersion = 1;
        e.deedDate = LocalDate.of(2026, 11, 2);
        e.points = points;
        e.proposalId = UUID.nameUUIDFromBytes(("p" + seq).getBytes(StandardCharsets.UTF_8));
        e.description = "修路捐款";
        e.proposedBy = "clerk";
        e.approvedBy = "official";
        e.recordedAt = Instant.parse("2026-11-18T02:00:00.120Z");
        e.chainVersion = version;
        return e;
    }

    /** Entries 1..n chained in order, with the given chain versions. */
    private static List<LedgerEntry> chain(int... versions) {
        List<LedgerEntry> entries = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 0; i < versions.length; i++) {
            LedgerEntry e = entry(i + 1, "P0" + (i + 1), 2 + i, versions[i]);
            e.prevHash = prev;
            e.entryHash = HashChain.hash(prev, e);
            prev = e.entryHash;
            entries.add(e);
        }
        return entries;
    }

    private static List<HashChain.Link> links(List<LedgerEntry> entries) {
        return entries.stream().map(LedgerEntry::link).toList();
    }

    @Test
    void anIntactChainVerifies() {
        assertTrue(HashChain.firstBreak(links(chain(2, 2, 2))).isEmpty());
        assertEquals(64, chain(2).get(0).entryHash.length());
    }

    @Test
    void aChainOfVersionOneEntriesThenVersionTwoEntriesVerifies() {
        List<LedgerEntry> entries = chain(1, 2, 2);
        assertTrue(HashChain.firstBreak(links(entries)).isEmpty());
        // version 1 is the ledger's old form, verbatim
        LedgerEntry first = entries.get(0);
        assertEquals(LegacyForm.LEDGER.hash(HashChain.GENESIS, HashChain.legacyFields(first)), first.entryHash);
        assertTrue(HashChain.legacyFields(first).contains("2026-11-18T02:00:00.120Z"));
        assertEquals(ChainRule.hash(first.entryHash, HashChain.canonical(entries.get(1))), entries.get(1).entryHash);
    }

    @Test
    void changedContentIsReportedAtItsEntryWhateverItsVersion() {
        for (int version : new int[] {1, 2}) {
            List<LedgerEntry> entries = chain(1, version, 2);
            entries.get(1).points = 20;
            HashChain.Break broken = HashChain.firstBreak(links(entries)).orElseThrow();
            assertEquals(2, broken.seq());
            assertEquals(entries.get(1).id.toString(), broken.entryId());
            assertEquals("content does not match its hash", broken.reason());
        }
    }

    @Test
    void aChangedVersionIsAChangedEntry() {
        List<LedgerEntry> entries = chain(1, 2, 2);
        entries.get(1).chainVersion = 1;
        assertEquals(2, HashChain.firstBreak(links(entries)).orElseThrow().seq());
        entries.get(1).chainVersion = 3;
        assertNull(HashChain.hash(HashChain.GENESIS, entries.get(1)), "no form for an unknown version");
        assertEquals(
                "content does not match its hash",
                HashChain.firstBreak(links(entries)).orElseThrow().reason());
    }

    @Test
    void aRemovedEntryIsReportedAsMissing() {
        List<LedgerEntry> entries = new ArrayList<>(chain(1, 2, 2));
        entries.remove(1);
        HashChain.Break broken = HashChain.firstBreak(links(entries)).orElseThrow();
        assertEquals(3, broken.seq());
        assertEquals("entry 2 is missing (found 3)", broken.reason());
    }

    @Test
    void aRehashedEntryBreaksItsSuccessorsLink() {
        List<LedgerEntry> entries = chain(2, 2, 2);
        LedgerEntry second = entries.get(1);
        second.points = 20;
        second.entryHash = HashChain.hash(second.prevHash, second);
        HashChain.Break broken = HashChain.firstBreak(links(entries)).orElseThrow();
        assertEquals(3, broken.seq());
        assertEquals("previous hash does not match entry 2", broken.reason());
    }

    @Test
    void theCurrentFormHashesEveryFieldWithItsBoundary() {
        LedgerEntry a = entry(1, "P01", 2, 2);
        LedgerEntry b = entry(1, "P01", 2, 2);
        a.proposedBy = "ab";
        a.approvedBy = "c";
        b.proposedBy = "a";
        b.approvedBy = "bc";
        assertNotEquals(HashChain.hash(HashChain.GENESIS, a), HashChain.hash(HashChain.GENESIS, b));
        LedgerEntry c = entry(1, "P01", 2, 2);
        c.vetoCode = "";
        assertNotEquals(HashChain.hash(HashChain.GENESIS, entry(1, "P01", 2, 2)), HashChain.hash(HashChain.GENESIS, c));
    }
}
