package org.ruralcredit.rating.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.ruralcredit.rating.domain.DivisionRatingRecord;
import org.ruralcredit.rating.domain.division.DivisionLevel;

/** Village, township and county rating results with their criteria and approval. */
@ApplicationScoped
public class DivisionRatingRepository {

    private final EntityManager em;

    public DivisionRatingRepository(EntityManager em) {
        this.em = em;
    }

    public void save(DivisionRatingRecord record) {
        em.persist(record);
    }

    /** The result, or null. */
    public DivisionRatingRecord find(UUID id) {
        return em.find(DivisionRatingRecord.class, id);
    }

    /** The result locked until the transaction ends (one decision at a time), or null. */
    public DivisionRatingRecord lockForDecision(UUID id) {
        return em.find(DivisionRatingRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every result of a division, newest first. */
    public List<DivisionRatingRecord> history(DivisionLevel level, String code) {
        return em.createQuery(
                        "from DivisionRatingRecord where level = ?1 and divisionCode = ?2 order by computedAt desc",
                        DivisionRatingRecord.class)
                .setParameter(1, level)
                .setParameter(2, code)
                .getResultList();
    }
}
