package org.ruralcredit.morality.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class HashChainTest {

    private static List<HashChain.Link> chainOf(List<List<String>> contents) {
        List<HashChain.Link> links = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 0; i < contents.size(); i++) {
            String hash = HashChain.hash(prev, contents.get(i));
            links.add(new HashChain.Link(i + 1, "e" + (i + 1), prev, hash, contents.get(i)));
            prev = hash;
        }
        return links;
    }

    private final List<List<String>> contents = List.of(List.of("DEED", "L02", "10"), List.of("DEED", "P01", "2"),
            Arrays.asList("VETO", null, "0"));

    @Test
    void anIntactChainVerifies() {
        assertTrue(HashChain.firstBreak(chainOf(contents)).isEmpty());
        assertEquals(64, chainOf(contents).get(0).entryHash().length());
    }

    @Test
    void changedContentIsReportedAtItsEntry() {
        List<HashChain.Link> links = new ArrayList<>(chainOf(contents));
        HashChain.Link second = links.get(1);
        links.set(1, new HashChain.Link(2, "e2", second.prevHash(), second.entryHash(), List.of("DEED", "P01", "20")));

        HashChain.Break broken = HashChain.firstBreak(links).orElseThrow();
        assertEquals(2, broken.seq());
        assertEquals("content does not match its hash", broken.reason());
    }

    @Test
    void aRemovedEntryIsReportedAsMissing() {
        List<HashChain.Link> links = new ArrayList<>(chainOf(contents));
        links.remove(1);

        HashChain.Break broken = HashChain.firstBreak(links).orElseThrow();
        assertEquals(3, broken.seq());
        assertTrue(broken.reason().startsWith("entry 2 is missing"), broken.reason());
    }

    @Test
    void canonicalFormKeepsFieldBoundariesAndNulls() {
        assertNotEquals(HashChain.hash(HashChain.GENESIS, List.of("ab", "c")), HashChain.hash(HashChain.GENESIS, List.of("a", "bc")));
        assertNotEquals(HashChain.hash(HashChain.GENESIS, Arrays.asList("", "x")), HashChain.hash(HashChain.GENESIS, Arrays.asList(null, "x")));
        assertEquals("6:林某\n-1:\n", HashChain.canonical(Arrays.asList("林某", null)), "length in UTF-8 bytes");
    }
}
