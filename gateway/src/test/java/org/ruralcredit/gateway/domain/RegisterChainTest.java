package org.ruralcredit.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RegisterChainTest {

    private static RegisterChain.Fields fields(String user, String outcome) {
        return new RegisterChain.Fields(Instant.parse("2026-11-18T02:00:00.123456Z"), user, "YYRCB", "HOUSEHOLD",
                "ab".repeat(32), "LOAN_APPLICATION", UUID.fromString("8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10"), outcome, null);
    }

    private static List<RegisterChain.Link> chain(int n) {
        List<RegisterChain.Link> links = new ArrayList<>();
        String prev = RegisterChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            RegisterChain.Fields f = fields("officer-" + i, "GRANTED");
            String hash = RegisterChain.hash(prev, f);
            links.add(new RegisterChain.Link(i, f, prev, hash));
            prev = hash;
        }
        return links;
    }

    @Test
    void canonicalFormIsLengthPrefixedSoFieldBordersCannotShift() {
        RegisterChain.Fields a = new RegisterChain.Fields(null, "a|b", "c", null, null, null, null, null, null);
        RegisterChain.Fields b = new RegisterChain.Fields(null, "a", "b|c", null, null, null, null, null, null);
        assertEquals("-:|3:a|b|1:c|-:|-:|-:|-:|-:|-:", RegisterChain.canonical(a));
        assertNotEquals(RegisterChain.hash(RegisterChain.GENESIS, a), RegisterChain.hash(RegisterChain.GENESIS, b));
    }

    @Test
    void theHashIsSha256OverPrevHashNewlineAndCanonicalForm() throws Exception {
        RegisterChain.Fields f = fields("loan-officer", "REFUSED");
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((RegisterChain.GENESIS + "\n" + RegisterChain.canonical(f)).getBytes("UTF-8")));
        assertEquals(expected, RegisterChain.hash(RegisterChain.GENESIS, f));
        assertTrue(RegisterChain.canonical(f).startsWith("27:2026-11-18T02:00:00.123456Z|12:loan-officer|"));
    }

    @Test
    void anIntactChainVerifies() {
        List<RegisterChain.Link> links = chain(5);
        RegisterChain.Walk walk = RegisterChain.walk(RegisterChain.GENESIS, links);
        assertTrue(walk.broken().isEmpty());
        assertEquals(links.get(4).entryHash(), walk.lastHash());
    }

    @Test
    void anAlteredEntryIsFoundAtItsSeq() {
        List<RegisterChain.Link> links = chain(5);
        RegisterChain.Link third = links.get(2);
        links.set(2, new RegisterChain.Link(3, fields(third.fields().username(), "REFUSED"), third.prevHash(), third.entryHash()));
        RegisterChain.Broken broken = RegisterChain.walk(RegisterChain.GENESIS, links).broken().orElseThrow();
        assertEquals(3, broken.seq());
        assertTrue(broken.problem().contains("altered"));
    }

    @Test
    void aRemovedEntryBreaksTheNextLink() {
        List<RegisterChain.Link> links = chain(5);
        links.remove(1);
        RegisterChain.Broken broken = RegisterChain.walk(RegisterChain.GENESIS, links).broken().orElseThrow();
        assertEquals(3, broken.seq());
        assertTrue(broken.problem().contains("prev_hash"));
    }

    @Test
    void aForkTwoEntriesNamingTheSamePredecessorIsBroken() {
        List<RegisterChain.Link> links = chain(2);
        RegisterChain.Fields f = fields("other", "GRANTED");
        String prev = links.get(0).entryHash();
        links.add(new RegisterChain.Link(3, f, prev, RegisterChain.hash(prev, f)));
        assertEquals(3, RegisterChain.walk(RegisterChain.GENESIS, links).broken().orElseThrow().seq());
    }
}
