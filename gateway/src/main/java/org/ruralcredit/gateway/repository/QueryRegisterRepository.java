package org.ruralcredit.gateway.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;

import org.ruralcredit.gateway.domain.QueryRegisterEntry;
import org.ruralcredit.gateway.domain.RegisterChain;

@ApplicationScoped
public class QueryRegisterRepository implements PanacheRepositoryBase<QueryRegisterEntry, Long> {

    /** The chain lock's key: any constant works; every replica of the gateway must use the same one. */
    public static final long CHAIN_LOCK = 0x5152_4547_4348_4e31L;

    /** One page of an officer's own report requests, newest first, and how many there are in all. */
    public record Listing(List<QueryRegisterEntry> items, long total) {}

    /**
     * The report requests (household and firm, granted or refused) one person made for one
     * institution, newest first; a null institution matches the requests registered without one.
     */
    public Listing reportRequestsOf(String username, String institution, int page, int size) {
        PanacheQuery<QueryRegisterEntry> found = institution == null
                ? find(
                        "username = ?1 and institution is null and subjectType in ('HOUSEHOLD', 'FIRM') "
                                + "order by seq desc",
                        username)
                : find(
                        "username = ?1 and institution = ?2 and subjectType in ('HOUSEHOLD', 'FIRM') "
                                + "order by seq desc",
                        username,
                        institution);
        long total = found.count();
        return new Listing(found.page(Page.of(page, size)).list(), total);
    }

    public List<QueryRegisterEntry> newestFirst(int page, int size) {
        return find("order by seq desc").page(Page.of(page, size)).list();
    }

    /** The granted queries of one subject, newest first: a report's query records. */
    public List<QueryRegisterEntry> grantedFor(String subjectType, String subjectRef, int limit) {
        return find(
                        "subjectType = ?1 and subjectRef = ?2 and outcome = 'GRANTED' order by seq desc",
                        subjectType,
                        subjectRef)
                .page(Page.ofSize(limit))
                .list();
    }

    /**
     * Whether the institution's query register holds a granted loan-application or guarantee-review
     * query of the subject: the query a lender makes before it grants or guarantees a loan.
     */
    public boolean grantedLendingQueryExists(String institution, String subjectType, String subjectRef) {
        return count(
                        "institution = ?1 and subjectType = ?2 and subjectRef = ?3 and outcome = 'GRANTED' "
                                + "and purpose in ('LOAN_APPLICATION', 'GUARANTEE_REVIEW')",
                        institution,
                        subjectType,
                        subjectRef)
                > 0;
    }

    /** Every request about one subject, granted or refused, newest first: what the subject may see. */
    public List<QueryRegisterEntry> allFor(String subjectType, String subjectRef, int limit) {
        return find("subjectType = ?1 and subjectRef = ?2 order by seq desc", subjectType, subjectRef)
                .page(Page.ofSize(limit))
                .list();
    }

    /**
     * Takes the chain's transaction-scoped advisory lock: held until commit, so it serialises appends on
     * every replica. Outside a transaction it would be released at once, hence MANDATORY.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockChain() {
        getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, CHAIN_LOCK)
                .getSingleResult();
    }

    /** The newest entry's hash; empty while the register is empty. */
    public Optional<String> headHash() {
        @SuppressWarnings("unchecked")
        List<String> head = getEntityManager()
                .createNativeQuery("SELECT entry_hash FROM query_register ORDER BY seq DESC LIMIT 1")
                .getResultList();
        return head.stream().findFirst();
    }

    /** Inserts one entry with its links; the seq the database gave it. */
    public long insert(RegisterChain.Fields fields, String prevHash, String entryHash, int chainVersion) {
        Object seq = getEntityManager()
                .createNativeQuery("""
                INSERT INTO query_register (recorded_at, username, institution, subject_type, subject_ref, purpose,
                                            consent_id, outcome, reason, prev_hash, entry_hash, chain_version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING seq""")
                .setParameter(1, OffsetDateTime.ofInstant(fields.recordedAt(), ZoneOffset.UTC))
                .setParameter(2, fields.username())
                .setParameter(3, fields.institution())
                .setParameter(4, fields.subjectType())
                .setParameter(5, fields.subjectRef())
                .setParameter(6, fields.purpose())
                .setParameter(7, fields.consentId())
                .setParameter(8, fields.outcome())
                .setParameter(9, fields.reason())
                .setParameter(10, prevHash)
                .setParameter(11, entryHash)
                .setParameter(12, chainVersion)
                .getSingleResult();
        return ((Number) seq).longValue();
    }

    /** Up to {@code limit} entries after seq {@code after}, in seq order, as the verification reads them. */
    public List<RegisterChain.Link> linksAfter(long after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                SELECT seq, recorded_at, username, institution, subject_type, subject_ref, purpose, consent_id,
                       outcome, reason, prev_hash, entry_hash, chain_version
                FROM query_register WHERE seq > ?1 ORDER BY seq LIMIT ?2""")
                .setParameter(1, after)
                .setParameter(2, limit)
                .getResultList();
        List<RegisterChain.Link> links = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            links.add(new RegisterChain.Link(
                    ((Number) r[0]).longValue(),
                    ((Number) r[12]).intValue(),
                    new RegisterChain.Fields(
                            instant(r[1]),
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            (String) r[5],
                            (String) r[6],
                            (UUID) r[7],
                            (String) r[8],
                            (String) r[9]),
                    (String) r[10],
                    (String) r[11]));
        }
        return links;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
