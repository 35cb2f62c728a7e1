package org.ruralcredit.gateway.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.chain.ChainRule;
import org.ruralcredit.commons.metrics.ChainVerificationFailures;
import org.ruralcredit.gateway.domain.RegisterChain;

/**
 * Appends to and verifies the query register's hash chain. New entries are written in the current
 * chain version; each stored entry is verified in the form of its own version.
 *
 * <p>Appends are serialised by a transaction-scoped PostgreSQL advisory lock: the head is read and
 * the new entry inserted while the lock is held, and the lock is released only at commit, so two
 * concurrent queries never name the same predecessor (no fork), on any number of replicas.
 */
@ApplicationScoped
public class QueryRegisterService {

    /** Any constant works; every replica of the gateway must use the same one. */
    private static final long CHAIN_LOCK = 0x5152_4547_4348_4e31L;
    private static final int VERIFY_BATCH = 1000;

    private final EntityManager em;
    @Inject
    ChainVerificationFailures verificationFailures;

    public QueryRegisterService(EntityManager em) {
        this.em = em;
    }

    /** The new entry's seq. Runs in the caller's transaction: the entry commits with what it records. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(RegisterChain.Fields fields) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> head = em.createNativeQuery("SELECT entry_hash FROM query_register ORDER BY seq DESC LIMIT 1")
                .getResultList();
        String prev = head.isEmpty() ? RegisterChain.GENESIS : head.get(0);
        String hash = RegisterChain.hash(prev, fields);
        Object seq = em.createNativeQuery("""
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
                .setParameter(10, prev)
                .setParameter(11, hash)
                .setParameter(12, ChainRule.CURRENT_VERSION)
                .getSingleResult();
        return ((Number) seq).longValue();
    }

    /** Walks the whole chain in seq order in batches and reports the first broken link. */
    @Transactional
    public RegisterChain.Verification verify() {
        String prev = RegisterChain.GENESIS;
        long after = 0;
        long checked = 0;
        while (true) {
            List<RegisterChain.Link> batch = batchAfter(after);
            if (batch.isEmpty()) {
                return new RegisterChain.Verification(checked, true, null, null, prev);
            }
            RegisterChain.Walk walk = RegisterChain.walk(prev, batch);
            if (walk.broken().isPresent()) {
                RegisterChain.Broken broken = walk.broken().get();
                verificationFailures.record();
                return new RegisterChain.Verification(checked + walk.intact(), false, broken.seq(), broken.problem(),
                        walk.lastHash());
            }
            checked += batch.size();
            prev = walk.lastHash();
            after = batch.get(batch.size() - 1).seq();
        }
    }

    private List<RegisterChain.Link> batchAfter(long after) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT seq, recorded_at, username, institution, subject_type, subject_ref, purpose, consent_id,
                       outcome, reason, prev_hash, entry_hash, chain_version
                FROM query_register WHERE seq > ?1 ORDER BY seq LIMIT ?2""")
                .setParameter(1, after).setParameter(2, VERIFY_BATCH).getResultList();
        List<RegisterChain.Link> links = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            links.add(new RegisterChain.Link(((Number) r[0]).longValue(), ((Number) r[12]).intValue(),
                    new RegisterChain.Fields(instant(r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                            (String) r[6], (UUID) r[7], (String) r[8], (String) r[9]),
                    (String) r[10], (String) r[11]));
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
