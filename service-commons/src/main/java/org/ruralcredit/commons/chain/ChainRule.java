package org.ruralcredit.commons.chain;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.ruralcredit.commons.crypto.Sha256;

/**
 * The platform's one hash-chain rule, for the moral-bank ledger and the query register alike.
 *
 * <p>{@code entry_hash = lowercase hex(SHA-256(prev ‖ canonical))}, where {@code prev} is the 32 bytes
 * of the previous entry's hash (the hex decoded) and {@code canonical} the entry's
 * {@link CanonicalForm} bytes. The first entry's previous hash is {@link #GENESIS}, 32 zero bytes.
 * Each entry's row carries its chain version: entries written before this rule (version 1) keep the
 * form they were hashed with ({@link LegacyForm}); {@link #CURRENT_VERSION} is what new entries get.
 * An entry's version is part of what it hashes (the form's name ends in it), so changing a row's
 * version breaks its link like any other change.
 */
public final class ChainRule {

    /** The previous hash of a chain's first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    public static final int LEGACY_VERSION = LegacyForm.VERSION;
    public static final int CURRENT_VERSION = CanonicalForm.VERSION;

    private static final HexFormat HEX = HexFormat.of();

    private ChainRule() {}

    public static String hash(String prevHash, CanonicalForm entry) {
        return hash(prevHash, entry.bytes());
    }

    public static String hash(String prevHash, byte[] canonical) {
        MessageDigest sha = Sha256.digest();
        sha.update(hashBytes(prevHash));
        sha.update(canonical);
        return HEX.formatHex(sha.digest());
    }

    private static byte[] hashBytes(String hex) {
        if (hex == null || hex.length() != 64 || !hex.equals(hex.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a previous hash is 64 lower-case hex digits: " + hex);
        }
        return HEX.parseHex(hex);
    }

    /**
     * One stored entry as a verification reads it: its position (seq), the hashes it was stored
     * with, and how to recompute its hash from a previous hash with the form of its own version
     * ({@code null} when the version is unknown, which counts as a changed entry).
     */
    public record Link(long position, String prevHash, String entryHash, UnaryOperator<String> rehash) {
        public Link {
            Objects.requireNonNull(rehash, "rehash");
        }
    }

    /** Why a link does not hold. */
    public enum Fault {
        /** Positions must follow one another and one is skipped (an entry was removed). */
        MISSING,
        /** The entry does not name its predecessor's hash (removed, reordered or forked). */
        PREVIOUS_HASH,
        /** The entry's content does not give its stored hash (it was altered). */
        CONTENT
    }

    /** The first link that does not hold; {@code expectedPosition} is meaningful for {@link Fault#MISSING}. */
    public record Break(long position, Fault fault, long expectedPosition) {}

    /** The outcome of a walk: the last hash that held, how many entries held, and the first break if any. */
    public record Walk(String lastHash, long intact, Optional<Break> broken) {}

    /** Whether positions must be 1, 2, 3, … (a per-household ledger) or only ordered (an identity column, which may skip). */
    public enum Positions {
        CONSECUTIVE,
        ORDERED
    }

    /** Walks a whole chain from its genesis. */
    public static Walk walk(List<Link> links, Positions positions) {
        return walk(GENESIS, 1, links, positions);
    }

    /**
     * Walks a run of links, in position order, that should follow {@code expectedPrev}; with
     * consecutive positions, the first is expected to be {@code nextPosition}. Stops at the first break.
     */
    public static Walk walk(String expectedPrev, long nextPosition, List<Link> links, Positions positions) {
        String prev = expectedPrev;
        long expected = nextPosition;
        long intact = 0;
        for (Link link : links) {
            if (positions == Positions.CONSECUTIVE && link.position() != expected) {
                return new Walk(prev, intact, Optional.of(new Break(link.position(), Fault.MISSING, expected)));
            }
            if (!prev.equals(link.prevHash())) {
                return new Walk(prev, intact, Optional.of(new Break(link.position(), Fault.PREVIOUS_HASH, expected)));
            }
            String recomputed = recompute(link);
            if (recomputed == null || !recomputed.equals(link.entryHash())) {
                return new Walk(prev, intact, Optional.of(new Break(link.position(), Fault.CONTENT, expected)));
            }
            prev = link.entryHash();
            expected = link.position() + 1;
            intact++;
        }
        return new Walk(prev, intact, Optional.empty());
    }

    private static String recompute(Link link) {
        try {
            return link.rehash().apply(link.prevHash());
        } catch (IllegalArgumentException e) {
            // content that cannot be written canonically (a malformed stored hash, text or instant) was not hashed so
            return null;
        }
    }
}
