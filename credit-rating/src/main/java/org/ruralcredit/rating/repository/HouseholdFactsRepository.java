package org.ruralcredit.rating.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.jpa.HibernateHints;

import org.ruralcredit.rating.domain.HouseholdFactsRecord;

/** The registry's facts of each household as this service keeps them, and its mark for re-rating. */
@ApplicationScoped
public class HouseholdFactsRepository {

    private final EntityManager em;

    public HouseholdFactsRepository(EntityManager em) {
        this.em = em;
    }

    /** The household's facts, or null when the registry never announced it. */
    public HouseholdFactsRecord find(UUID householdId) {
        return em.find(HouseholdFactsRecord.class, householdId);
    }

    public void save(HouseholdFactsRecord record) {
        em.persist(record);
    }

    /** The facts of the given households, by household (those unknown are absent). */
    public Map<UUID, HouseholdFactsRecord> byHousehold(List<UUID> households) {
        Map<UUID, HouseholdFactsRecord> facts = new HashMap<>();
        em.createQuery("from HouseholdFactsRecord where householdId in ?1", HouseholdFactsRecord.class)
                .setParameter(1, households)
                .getResultList()
                .forEach(f -> facts.put(f.householdId, f));
        return facts;
    }

    /**
     * The facts of the households about to be rated, in household order, locked for the batch. Read
     * only: the batch's changes to these rows are written by one statement.
     */
    public List<HouseholdFactsRecord> lockedForRating(List<UUID> households) {
        return em.createQuery(
                        "from HouseholdFactsRecord where householdId in ?1 order by householdId",
                        HouseholdFactsRecord.class)
                .setParameter(1, households)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }

    /** Leaves the rows out of the transaction's persistence context (they were written by statement). */
    public void detach(List<HouseholdFactsRecord> records) {
        records.forEach(em::detach);
    }

    /**
     * Up to {@code limit} households marked for re-rating no later than {@code markedBy}, oldest mark
     * first; rows another replica is rating are skipped.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> markedBy(Instant markedBy, int limit) {
        return em.createNativeQuery("""
                        SELECT household_id FROM household_facts WHERE needs_rating AND marked_at <= ?2
                        ORDER BY marked_at LIMIT ?1 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, limit)
                .setParameter(2, markedBy)
                .getResultList();
    }

    /** Marks an active household for re-rating. */
    public void markForRating(UUID householdId, Instant at) {
        em.createNativeQuery("UPDATE household_facts SET needs_rating = true, updated_at = now(), marked_at = ?2 "
                        + "WHERE household_id = ?1 AND status = 'ACTIVE'")
                .setParameter(1, householdId)
                .setParameter(2, at)
                .executeUpdate();
    }

    /** Marks the active household a borrower hash belongs to (if it is known) for re-rating. */
    public void markBorrowerForRating(String subjectHash, Instant at) {
        em.createNativeQuery("""
                        UPDATE household_facts SET needs_rating = true, marked_at = ?2
                        WHERE household_id = (SELECT household_id FROM household_subject WHERE subject_hash = ?1)
                          AND status = 'ACTIVE'""")
                .setParameter(1, subjectHash)
                .setParameter(2, at)
                .executeUpdate();
    }
}
