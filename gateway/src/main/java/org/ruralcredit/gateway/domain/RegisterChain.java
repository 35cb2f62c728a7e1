package org.ruralcredit.gateway.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ruralcredit.commons.chain.CanonicalForm;
import org.ruralcredit.commons.chain.ChainRule;
import org.ruralcredit.commons.chain.LegacyForm;

/**
 * The query register's hash chain, on the platform's {@link ChainRule}: which fields of an entry
 * are hashed, in which order, and how a break is told.
 *
 * <p>Hashed fields, in this fixed order: recorded_at, username, institution, subject_type,
 * subject_ref, purpose, consent_id, outcome, reason. An entry is hashed with the form of its own
 * chain version: version 1 (written before the shared form) with {@link LegacyForm#REGISTER},
 * new entries with {@link CanonicalForm}. The first entry's prev_hash is {@link #GENESIS}. seq is not
 * hashed (the database assigns it on insert, and an identity may skip numbers): order is fixed by
 * each entry naming its predecessor's hash.
 */
public final class RegisterChain {

    public static final String GENESIS = ChainRule.GENESIS;

    /** The name the current form hashes ahead of the fields. */
    static final String KIND = "query-register";

    private RegisterChain() {}

    /** The hashed fields of one entry. */
    public record Fields(
            Instant recordedAt,
            String username,
            String institution,
            String subjectType,
            String subjectRef,
            String purpose,
            UUID consentId,
            String outcome,
            String reason) {}

    /** A stored entry as the verification reads it, with the chain version it was written in. */
    public record Link(long seq, int version, Fields fields, String prevHash, String entryHash) {

        /** An entry of the current version, as this gateway writes it. */
        public Link(long seq, Fields fields, String prevHash, String entryHash) {
            this(seq, ChainRule.CURRENT_VERSION, fields, prevHash, entryHash);
        }
    }

    /** The result of walking the chain: valid, or the first entry whose link is broken and why. */
    public record Verification(
            long entriesChecked, boolean valid, Long firstBrokenSeq, String problem, String headHash) {}

    /** The canonical bytes of an entry in the current form. */
    public static byte[] canonical(Fields f) {
        return CanonicalForm.of(KIND)
                .instant(f.recordedAt())
                .text(f.username())
                .text(f.institution())
                .text(f.subjectType())
                .text(f.subjectRef())
                .text(f.purpose())
                .uuid(f.consentId())
                .text(f.outcome())
                .text(f.reason())
                .bytes();
    }

    /** Version 1's fields as text, as they were hashed: recorded_at by {@link Instant#toString()}. */
    static List<String> legacyFields(Fields f) {
        return Arrays.asList(
                f.recordedAt() == null ? null : f.recordedAt().toString(),
                f.username(),
                f.institution(),
                f.subjectType(),
                f.subjectRef(),
                f.purpose(),
                f.consentId() == null ? null : f.consentId().toString(),
                f.outcome(),
                f.reason());
    }

    /** A new entry's hash: the current form. */
    public static String hash(String prevHash, Fields fields) {
        return ChainRule.hash(prevHash, canonical(fields));
    }

    /** An entry's hash in the form of its chain version; null for a version no form knows. */
    public static String hash(int version, String prevHash, Fields fields) {
        return switch (version) {
            case LegacyForm.VERSION -> LegacyForm.REGISTER.hash(prevHash, legacyFields(fields));
            case CanonicalForm.VERSION -> hash(prevHash, fields);
            default -> null;
        };
    }

    /** Walks a run of entries in seq order that follows {@code expectedPrev}. */
    public static Walk walk(String expectedPrev, List<Link> links) {
        ChainRule.Walk walk = ChainRule.walk(
                expectedPrev,
                1,
                links.stream()
                        .map(l -> new ChainRule.Link(
                                l.seq(), l.prevHash(), l.entryHash(), prev -> hash(l.version(), prev, l.fields())))
                        .toList(),
                ChainRule.Positions.ORDERED);
        return new Walk(
                walk.lastHash(),
                walk.intact(),
                walk.broken()
                        .map(b -> new Broken(
                                b.position(),
                                switch (b.fault()) {
                                    case MISSING, PREVIOUS_HASH ->
                                        "prev_hash does not match the previous entry's hash (an entry was removed, reordered or forked)";
                                    case CONTENT ->
                                        "entry_hash does not match the entry's fields (the entry was altered)";
                                })));
    }

    /** The last hash that held, how many entries of the run held, and the first break if any. */
    public record Walk(String lastHash, long intact, Optional<Broken> broken) {}

    public record Broken(long seq, String problem) {}
}
