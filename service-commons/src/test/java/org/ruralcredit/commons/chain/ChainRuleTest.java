package org.ruralcredit.commons.chain;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainRuleTest {

    private static CanonicalForm entry(String text, int points) {
        return CanonicalForm.of("test").text(text).integer(points);
    }

    /** A chain of n entries from genesis, positions 1..n. */
    private static List<ChainRule.Link> chain(int n) {
        List<ChainRule.Link> links = new ArrayList<>();
        String prev = ChainRule.GENESIS;
        for (int i = 1; i <= n; i++) {
            links.add(link(i, prev, entry("entry " + i, i)));
            prev = links.get(links.size() - 1).entryHash();
        }
        return links;
    }

    private static ChainRule.Link link(long position, String prev, CanonicalForm content) {
        byte[] bytes = content.bytes();
        return new ChainRule.Link(position, prev, ChainRule.hash(prev, bytes), p -> ChainRule.hash(p, bytes));
    }

    @Test
    void theHashIsSha256OfThePreviousHashsBytesThenTheCanonicalBytes() throws Exception {
        byte[] canonical = entry("a", 1).bytes();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[32]);
        sha.update(canonical);
        assertEquals(HexFormat.of().formatHex(sha.digest()), ChainRule.hash(ChainRule.GENESIS, canonical));
        assertEquals(64, ChainRule.GENESIS.length());
        assertThrows(IllegalArgumentException.class, () -> ChainRule.hash("abc", canonical));
        assertThrows(IllegalArgumentException.class, () -> ChainRule.hash("A".repeat(64), canonical));
    }

    @Test
    void anIntactChainVerifies() {
        List<ChainRule.Link> links = chain(5);
        ChainRule.Walk walk = ChainRule.walk(links, ChainRule.Positions.CONSECUTIVE);
        assertTrue(walk.broken().isEmpty());
        assertEquals(5, walk.intact());
        assertEquals(links.get(4).entryHash(), walk.lastHash());
        assertTrue(ChainRule.walk(List.of(), ChainRule.Positions.CONSECUTIVE)
                .broken()
                .isEmpty());
    }

    @Test
    void anEntryAlteredInTheMiddleIsTheFirstBreak() {
        List<ChainRule.Link> links = chain(5);
        ChainRule.Link third = links.get(2);
        byte[] altered = entry("entry 3", 30).bytes();
        links.set(2, new ChainRule.Link(3, third.prevHash(), third.entryHash(), p -> ChainRule.hash(p, altered)));

        ChainRule.Walk walk = ChainRule.walk(links, ChainRule.Positions.CONSECUTIVE);
        assertEquals(
                new ChainRule.Break(3, ChainRule.Fault.CONTENT, 3),
                walk.broken().orElseThrow());
        assertEquals(2, walk.intact());
        assertEquals(links.get(1).entryHash(), walk.lastHash());
    }

    @Test
    void anEntryRewrittenWithItsHashRecomputedBreaksTheNextLink() {
        List<ChainRule.Link> links = chain(5);
        links.set(1, link(2, links.get(0).entryHash(), entry("entry 2", 200)));
        assertEquals(
                new ChainRule.Break(3, ChainRule.Fault.PREVIOUS_HASH, 3),
                ChainRule.walk(links, ChainRule.Positions.CONSECUTIVE).broken().orElseThrow());
    }

    @Test
    void aRemovedEntryIsMissingWhenPositionsAreConsecutiveAndAPreviousHashBreakOtherwise() {
        List<ChainRule.Link> links = chain(5);
        links.remove(1);
        assertEquals(
                new ChainRule.Break(3, ChainRule.Fault.MISSING, 2),
                ChainRule.walk(links, ChainRule.Positions.CONSECUTIVE).broken().orElseThrow());
        assertEquals(
                new ChainRule.Break(3, ChainRule.Fault.PREVIOUS_HASH, 2),
                ChainRule.walk(links, ChainRule.Positions.ORDERED).broken().orElseThrow());
    }

    @Test
    void orderedPositionsMaySkip() {
        List<ChainRule.Link> links = new ArrayList<>();
        String prev = ChainRule.GENESIS;
        for (long position : new long[] {1, 2, 5, 9}) {
            links.add(link(position, prev, entry("e" + position, 1)));
            prev = links.get(links.size() - 1).entryHash();
        }
        assertTrue(ChainRule.walk(links, ChainRule.Positions.ORDERED).broken().isEmpty());
    }

    @Test
    void aWalkContinuesFromAnEarlierRun() {
        List<ChainRule.Link> links = chain(6);
        ChainRule.Walk first = ChainRule.walk(links.subList(0, 3), ChainRule.Positions.CONSECUTIVE);
        ChainRule.Walk rest = ChainRule.walk(first.lastHash(), 4, links.subList(3, 6), ChainRule.Positions.CONSECUTIVE);
        assertTrue(rest.broken().isEmpty());
        assertEquals(links.get(5).entryHash(), rest.lastHash());
    }

    @Test
    void contentThatCannotBeRecomputedIsABreakNotAnError() {
        List<ChainRule.Link> links = chain(2);
        ChainRule.Link second = links.get(1);
        links.set(1, new ChainRule.Link(2, second.prevHash(), second.entryHash(), p -> null));
        assertEquals(
                ChainRule.Fault.CONTENT,
                ChainRule.walk(links, ChainRule.Positions.CONSECUTIVE)
                        .broken()
                        .orElseThrow()
                        .fault());
        links.set(1, new ChainRule.Link(2, second.prevHash(), second.entryHash(), p -> {
            throw new IllegalArgumentException("lone surrogate");
        }));
        assertEquals(
                ChainRule.Fault.CONTENT,
                ChainRule.walk(links, ChainRule.Positions.CONSECUTIVE)
                        .broken()
                        .orElseThrow()
                        .fault());
    }

    @Test
    void aChainMixingLegacyAndCurrentEntriesVerifiesByEachEntrysOwnForm() {
        List<ChainRule.Link> links = new ArrayList<>();
        List<String> old = List.of("DEED", "L02", "10");
        String h1 = LegacyForm.LEDGER.hash(ChainRule.GENESIS, old);
        links.add(new ChainRule.Link(1, ChainRule.GENESIS, h1, p -> LegacyForm.LEDGER.hash(p, old)));
        links.add(link(2, h1, entry("new", 2)));
        assertTrue(
                ChainRule.walk(links, ChainRule.Positions.CONSECUTIVE).broken().isEmpty());

        // the old entry read with the new form (its version changed) no longer holds
        byte[] asNew =
                CanonicalForm.of("test").text("DEED").text("L02").text("10").bytes();
        links.set(0, new ChainRule.Link(1, ChainRule.GENESIS, h1, p -> ChainRule.hash(p, asNew)));
        assertEquals(
                new ChainRule.Break(1, ChainRule.Fault.CONTENT, 1),
                ChainRule.walk(links, ChainRule.Positions.CONSECUTIVE).broken().orElseThrow());
    }
}
