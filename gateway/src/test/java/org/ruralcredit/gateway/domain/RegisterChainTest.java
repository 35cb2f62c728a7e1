package org.ruralcredit.gateway.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.chain.CanonicalForm;
import org.ruralcredit.commons.chain.ChainRule;
import org.ruralcredit.commons.chain.LegacyForm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegisterChainTest {

    private static RegisterChain.Fields fields(String user, String outcome) {
        return new RegisterChain.Fields(
                Instant.parse("2026-11-18T02:00:00.123456Z"),
                user,
                "YYRCB",
                "HOUSEHOLD",
                "ab".repeat(32),
                "LOAN_APPLICATION",
                UUID.fromString("8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10"),
                outcome,
                null);
    }

    /** n entries, seq 1..n, in the given chain versions (the last version repeats). */
    private static List<RegisterChain.Link> chain(int n, int... versions) {
        List<RegisterChain.Link> links = new ArrayList<>();
        String prev = RegisterChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            int version = versions.length == 0 ? ChainRule.CURRENT_VERSION : versions[Math.min(i, versions.length) - 1];
            RegisterChain.Fields f = fields("officer-" + i, "GRANTED");
            String hash = RegisterChain.hash(version, prev, f);
            links.add(new RegisterChain.Link(i, version, f, prev, hash));
            prev = hash;
        }
        return links;
    }

    @Test
    void theCurrentFormIsTheSharedCanonicalFormSoFieldBordersCannotShift() {
        RegisterChain.Fields a = new RegisterChain.Fields(null, "a|b", "c", null, null, null, null, null, null);
        RegisterChain.Fields b = new RegisterChain.Fields(null, "a", "b|c", null, null, null, null, null, null);
        assertArrayEquals(
                CanonicalForm.of("query-register")
                        .instant(null)
                        .text("a|b")
                        .text("c")
                        .text(null)
                        .text(null)
                        .text(null)
                        .uuid(null)
                        .text(null)
                        .text(null)
                        .bytes(),
                RegisterChain.canonical(a));
        assertNotEquals(RegisterChain.hash(RegisterChain.GENESIS, a), RegisterChain.hash(RegisterChain.GENESIS, b));
        assertEquals(
                ChainRule.hash(RegisterChain.GENESIS, RegisterChain.canonical(a)),
                RegisterChain.hash(RegisterChain.GENESIS, a));
    }

    @Test
    void versionOneIsTheRegistersOldForm() {
        RegisterChain.Fields f = new RegisterChain.Fields(
                Instant.parse("2026-11-18T02:00:00.120Z"),
                "林某",
                null,
                "HOUSEHOLD",
                "ab",
                "LOAN_APPLICATION",
                UUID.fromString("8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10"),
                "GRANTED",
                null);
        // as the gateway hashed register entries before the shared form
        assertEquals(
                "0864d9e11ea1ba0cc74b68c5dc64fdae7475eb05b865d6fdefa44feed663bcfc",
                RegisterChain.hash(LegacyForm.VERSION, RegisterChain.GENESIS, f));
        assertEquals(
                Arrays.asList(
                        "2026-11-18T02:00:00.120Z",
                        "林某",
                        null,
                        "HOUSEHOLD",
                        "ab",
                        "LOAN_APPLICATION",
                        "8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10",
                        "GRANTED",
                        null),
                RegisterChain.legacyFields(f));
        assertNotEquals(RegisterChain.hash(RegisterChain.GENESIS, f), RegisterChain.hash(1, RegisterChain.GENESIS, f));
        assertNull(RegisterChain.hash(3, RegisterChain.GENESIS, f));
    }

    @Test
    void anIntactChainVerifies() {
        List<RegisterChain.Link> links = chain(5);
        RegisterChain.Walk walk = RegisterChain.walk(RegisterChain.GENESIS, links);
        assertTrue(walk.broken().isEmpty());
        assertEquals(5, walk.intact());
        assertEquals(links.get(4).entryHash(), walk.lastHash());
    }

    @Test
    void aChainOfVersionOneThenVersionTwoEntriesVerifies() {
        List<RegisterChain.Link> links = chain(5, 1, 1, 2);
        assertEquals(
                List.of(1, 1, 2, 2, 2),
                links.stream().map(RegisterChain.Link::version).toList());
        assertTrue(RegisterChain.walk(RegisterChain.GENESIS, links).broken().isEmpty());
    }

    @Test
    void anAlteredEntryIsFoundAtItsSeqWhateverItsVersion() {
        for (int version : new int[] {1, 2}) {
            List<RegisterChain.Link> links = chain(5, 1, 1, version, 2);
            RegisterChain.Link third = links.get(2);
            links.set(
                    2,
                    new RegisterChain.Link(
                            3,
                            third.version(),
                            fields(third.fields().username(), "REFUSED"),
                            third.prevHash(),
                            third.entryHash()));
            RegisterChain.Walk walk = RegisterChain.walk(RegisterChain.GENESIS, links);
            RegisterChain.Broken broken = walk.broken().orElseThrow();
            assertEquals(3, broken.seq());
            assertTrue(broken.problem().contains("altered"));
            assertEquals(2, walk.intact());
        }
    }

    @Test
    void aChangedVersionIsAnAlteredEntry() {
        List<RegisterChain.Link> links = chain(3, 1, 2);
        RegisterChain.Link second = links.get(1);
        links.set(1, new RegisterChain.Link(2, 1, second.fields(), second.prevHash(), second.entryHash()));
        assertEquals(
                2,
                RegisterChain.walk(RegisterChain.GENESIS, links)
                        .broken()
                        .orElseThrow()
                        .seq());
    }

    @Test
    void aRemovedEntryBreaksTheNextLink() {
        List<RegisterChain.Link> links = chain(5, 1, 2);
        links.remove(1);
        RegisterChain.Broken broken =
                RegisterChain.walk(RegisterChain.GENESIS, links).broken().orElseThrow();
        assertEquals(3, broken.seq());
        assertTrue(broken.problem().contains("prev_hash"));
    }

    @Test
    void aForkTwoEntriesNamingTheSamePredecessorIsBroken() {
        List<RegisterChain.Link> links = chain(2);
        RegisterChain.Fields f = fields("other", "GRANTED");
        String prev = links.get(0).entryHash();
        links.add(new RegisterChain.Link(3, f, prev, RegisterChain.hash(prev, f)));
        assertEquals(
                3,
                RegisterChain.walk(RegisterChain.GENESIS, links)
                        .broken()
                        .orElseThrow()
                        .seq());
    }

    @Test
    void seqMaySkipAsAnIdentityDoes() {
        List<RegisterChain.Link> links = new ArrayList<>();
        String prev = RegisterChain.GENESIS;
        for (long seq : new long[] {1, 4, 5}) {
            RegisterChain.Fields f = fields("officer-" + seq, "GRANTED");
            links.add(new RegisterChain.Link(seq, f, prev, RegisterChain.hash(prev, f)));
            prev = links.get(links.size() - 1).entryHash();
        }
        assertFalse(RegisterChain.walk(RegisterChain.GENESIS, links).broken().isPresent());
    }
}
