package org.ruralcredit.morality.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The per-household ledger chain: each entry's hash is SHA-256 over the previous entry's hash and
 * the entry's canonical content. The canonical form writes every field as its length, a colon and
 * its UTF-8 text (null as "-1:"), so no choice of field values can make two entries serialise alike.
 */
public final class HashChain {

    /** The "previous hash" of a household's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** The hashed content of an entry; the order of fields is fixed forever (changing it breaks every chain). */
    public record Link(long seq, String entryId, String prevHash, String entryHash, List<String> canonicalFields) {
    }

    public static String canonical(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            if (field == null) {
                out.append("-1:");
            } else {
                out.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static String hash(String prevHash, List<String> fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(canonical(fields).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The first link that does not hold, walking from the household's first entry. */
    public record Break(long seq, String entryId, String reason) {
    }

    public static Optional<Break> firstBreak(List<Link> links) {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        for (Link link : links) {
            if (link.seq() != expectedSeq) {
                return Optional.of(new Break(link.seq(), link.entryId(),
                        "entry " + expectedSeq + " is missing (found " + link.seq() + ")"));
            }
            if (!link.prevHash().equals(expectedPrev)) {
                return Optional.of(new Break(link.seq(), link.entryId(), "previous hash does not match entry " + (expectedSeq - 1)));
            }
            if (!hash(link.prevHash(), link.canonicalFields()).equals(link.entryHash())) {
                return Optional.of(new Break(link.seq(), link.entryId(), "content does not match its hash"));
            }
            expectedPrev = link.entryHash();
            expectedSeq++;
        }
        return Optional.empty();
    }
}
