package org.ruralcredit.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The query register's hash chain.
 *
 * <p>{@code entry_hash = hex(SHA-256(UTF-8(prev_hash + "\n" + canonical)))} where canonical is
 * the entry's fields in this fixed order — recorded_at (ISO-8601 UTC, microseconds, as the
 * database keeps it), username, institution, subject_type, subject_ref, purpose, consent_id,
 * outcome, reason — each written as {@code <length>:<value>} (length in UTF-16 code units),
 * or {@code -:} for null, and joined with {@code |}. The length prefix makes the serialisation
 * unambiguous whatever a field contains. The first entry's prev_hash is 64 zeros. seq is not
 * hashed: order is fixed by each entry naming its predecessor's hash.
 */
public final class RegisterChain {

    public static final String GENESIS = "0".repeat(64);

    private RegisterChain() {
    }

    /** The hashed fields of one entry. */
    public record Fields(Instant recordedAt, String username, String institution, String subjectType,
                         String subjectRef, String purpose, UUID consentId, String outcome, String reason) {
    }

    /** A stored entry as the verification reads it. */
    public record Link(long seq, Fields fields, String prevHash, String entryHash) {
    }

    /** The result of walking the chain: valid, or the first entry whose link is broken and why. */
    public record Verification(long entriesChecked, boolean valid, Long firstBrokenSeq, String problem,
                               String headHash) {
    }

    public static String canonical(Fields f) {
        return String.join("|", field(f.recordedAt() == null ? null : f.recordedAt().toString()),
                field(f.username()), field(f.institution()), field(f.subjectType()), field(f.subjectRef()),
                field(f.purpose()), field(f.consentId() == null ? null : f.consentId().toString()),
                field(f.outcome()), field(f.reason()));
    }

    private static String field(String value) {
        return value == null ? "-:" : value.length() + ":" + value;
    }

    public static String hash(String prevHash, Fields fields) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(
                    sha.digest((prevHash + "\n" + canonical(fields)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** Walks a run of entries in seq order that follows {@code expectedPrev}. */
    public static Walk walk(String expectedPrev, List<Link> links) {
        String prev = expectedPrev;
        for (Link link : links) {
            if (!link.prevHash().equals(prev)) {
                return new Walk(prev, Optional.of(new Broken(link.seq(),
                        "prev_hash does not match the previous entry's hash (an entry was removed, reordered or forked)")));
            }
            if (!hash(link.prevHash(), link.fields()).equals(link.entryHash())) {
                return new Walk(prev, Optional.of(new Broken(link.seq(),
                        "entry_hash does not match the entry's fields (the entry was altered)")));
            }
            prev = link.entryHash();
        }
        return new Walk(prev, Optional.empty());
    }

    public record Walk(String lastHash, Optional<Broken> broken) {
    }

    public record Broken(long seq, String problem) {
    }
}
