package org.ruralcredit.commons.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.CommonCodes;

/**
 * The service's {@code idempotency_key} table, written in the transaction of the write it guards.
 * The key's row is inserted first: a second request with the same key waits on the unique key
 * until the first commits, then finds its answer. Only a write that succeeds leaves a row — a
 * refusal rolls the row back with everything else, so the clerk may correct the refused item and
 * resend it under the same key.
 */
@ApplicationScoped
public class IdempotencyStore {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    public IdempotencyStore(EntityManager em, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * The stored answer when this caller sent this key before for the same request; else the
     * answer of {@code write}, stored with the key. The same key for another request (another
     * body or operation) is 422 {@code request.idempotency-key-reused}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IdempotentReply once(IdempotentRequest request, AnswerSeal seal, Supplier<Answer> write) {
        if (!claim(request)) {
            return earlier(request, seal);
        }
        Answer answer = write.get();
        String json = json(answer.body());
        em.createNativeQuery("""
                        UPDATE idempotency_key SET status = ?1, body = ?2, location = NULLIF(?3, '')
                        WHERE caller = ?4 AND idempotency_key = ?5""")
                .setParameter(1, answer.status())
                .setParameter(2, seal.seal(json))
                .setParameter(3, answer.location() == null ? "" : answer.location())
                .setParameter(4, request.caller())
                .setParameter(5, request.key().value())
                .executeUpdate();
        return new IdempotentReply(answer.status(), json, answer.location(), false);
    }

    /** Inserts the key's row; false when it exists (once the transaction that wrote it has committed). */
    private boolean claim(IdempotentRequest request) {
        return em.createNativeQuery("""
                                INSERT INTO idempotency_key
                                    (caller, idempotency_key, operation, fingerprint, created_at)
                                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                        .setParameter(1, request.caller())
                        .setParameter(2, request.key().value())
                        .setParameter(3, request.operation())
                        .setParameter(4, request.fingerprint())
                        .setParameter(5, OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                        .executeUpdate()
                == 1;
    }

    private IdempotentReply earlier(IdempotentRequest request, AnswerSeal seal) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT fingerprint, status, body, location FROM idempotency_key
                        WHERE caller = ?1 AND idempotency_key = ?2""")
                .setParameter(1, request.caller())
                .setParameter(2, request.key().value())
                .getResultList();
        if (rows.isEmpty()) {
            // deleted by retention between the insert and this read: the caller may simply resend
            throw ApiException.of(CommonCodes.CONCURRENT_CHANGE);
        }
        Object[] row = rows.get(0);
        // a committed row always has its answer: it is written in the transaction that inserted it
        if (!request.fingerprint().equals(row[0])) {
            throw ApiException.of(CommonCodes.IDEMPOTENCY_KEY_REUSED);
        }
        return new IdempotentReply(((Number) row[1]).intValue(), seal.open((byte[]) row[2]), (String) row[3], true);
    }

    /**
     * Deletes up to {@code limit} keys created before {@code cutoff}, oldest first; returns how many.
     * Nothing is done (0) in a service that has no {@code idempotency_key} table.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteCreatedBefore(Instant cutoff, int limit) {
        Object table = em.createNativeQuery("SELECT to_regclass('idempotency_key')::text")
                .getSingleResult();
        if (table == null) {
            return 0;
        }
        return em.createNativeQuery("""
                        DELETE FROM idempotency_key WHERE (caller, idempotency_key) IN (
                            SELECT caller, idempotency_key FROM idempotency_key
                            WHERE created_at < ?1 ORDER BY created_at LIMIT ?2)""")
                .setParameter(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .setParameter(2, limit)
                .executeUpdate();
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer that cannot be written as JSON", e);
        }
    }
}
