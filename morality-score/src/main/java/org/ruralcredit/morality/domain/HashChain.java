package org.ruralcredit.morality.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ruralcredit.commons.chain.CanonicalForm;
import org.ruralcredit.commons.chain.ChainRule;
import org.ruralcredit.commons.chain.LegacyForm;

/**
 * The per-household ledger chain, on the platform's {@link ChainRule}: which fields of an entry are
 * hashed, in which order, and how a break is told. An entry is hashed with the form of its own
 * chain version: version 1 entries (written before the shared form) with {@link LegacyForm#LEDGER},
 * new ones with {@link CanonicalForm}. Seq is hashed and must run 1, 2, 3, … in a household.
 */
public final class HashChain {

    /** The "previous hash" of a household's first entry. */
    public static final String GENESIS = ChainRule.GENESIS;

    /** The name the current form hashes ahead of the fields. */
    static final String KIND = "ledger-entry";

    private HashChain() {}

    /** A stored entry as the verification reads it. */
    public record Link(String entryId, ChainRule.Link link) {}

    /** The first link that does not hold, walking from the household's first entry. */
    public record Break(long seq, String entryId, String reason) {}

    /** The entry's hash after {@code prevHash}, in the form of its chain version; null for a version no form knows. */
    public static String hash(String prevHash, LedgerEntry e) {
        return switch (e.chainVersion) {
            case LegacyForm.VERSION -> LegacyForm.LEDGER.hash(prevHash, legacyFields(e));
            case CanonicalForm.VERSION -> ChainRule.hash(prevHash, canonical(e));
            default -> null;
        };
    }

    /** The hashed content, in the chain's fixed field order (changing it breaks every chain). */
    static CanonicalForm canonical(LedgerEntry e) {
        return CanonicalForm.of(KIND)
                .uuid(e.id)
                .text(e.householdId)
                .integer(e.seq)
                .code(e.kind)
                .text(e.ruleCode)
                .text(e.vetoCode)
                .text(e.standardCode)
                .integer(e.catalogueVersion)
                .date(e.deedDate)
                .integer(e.points)
                .integer(e.ruleYearlyCap)
                .uuid(e.reversesEntryId)
                .uuid(e.proposalId)
                .text(e.description)
                .text(e.proposedBy)
                .text(e.approvedBy)
                .instant(e.recordedAt);
    }

    /** Version 1's fields as text, as they were hashed: {@code recordedAt} by {@link java.time.Instant#toString()}. */
    static List<String> legacyFields(LedgerEntry e) {
        return Arrays.asList(
                e.id.toString(),
                e.householdId,
                Long.toString(e.seq),
                e.kind.name(),
                e.ruleCode,
                e.vetoCode,
                e.standardCode,
                Integer.toString(e.catalogueVersion),
                e.deedDate.toString(),
                Integer.toString(e.points),
                Objects.toString(e.ruleYearlyCap, null),
                Objects.toString(e.reversesEntryId, null),
                e.proposalId.toString(),
                e.description,
                e.proposedBy,
                e.approvedBy,
                e.recordedAt.toString());
    }

    public static Link link(LedgerEntry e) {
        return new Link(e.id.toString(), new ChainRule.Link(e.seq, e.prevHash, e.entryHash, prev -> hash(prev, e)));
    }

    public static Optional<Break> firstBreak(List<Link> links) {
        ChainRule.Walk walk = ChainRule.walk(links.stream().map(Link::link).toList(), ChainRule.Positions.CONSECUTIVE);
        return walk.broken().map(b -> {
            String entryId = links.get((int) walk.intact()).entryId();
            return new Break(
                    b.position(),
                    entryId,
                    switch (b.fault()) {
                        case MISSING -> "entry " + b.expectedPosition() + " is missing (found " + b.position() + ")";
                        case PREVIOUS_HASH -> "previous hash does not match entry " + (b.expectedPosition() - 1);
                        case CONTENT -> "content does not match its hash";
                    });
        });
    }
}
