package org.ruralcredit.rating.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.rating.domain.HouseholdRating;

/** Households' ratings as stored (batches of new ones are written by {@link HouseholdRatingWriter}). */
@ApplicationScoped
public class HouseholdRatingRepository {

    private final EntityManager em;

    public HouseholdRatingRepository(EntityManager em) {
        this.em = em;
    }

    /** The ratings with these ids, in no particular order. */
    public List<HouseholdRating> byIds(List<UUID> ids) {
        return em.createQuery("from HouseholdRating where id in ?1", HouseholdRating.class)
                .setParameter(1, ids)
                .getResultList();
    }

    /** Every rating of the household, newest first. */
    public List<HouseholdRating> ofHousehold(UUID householdId) {
        return em.createQuery(
                        "from HouseholdRating where householdId = ?1 order by ratedAt desc", HouseholdRating.class)
                .setParameter(1, householdId)
                .getResultList();
    }

    /**
     * Detaches everything the transaction has read: a caller that changed rows by statement does not
     * want the entities it read flushed back at commit.
     */
    public void forgetRead() {
        em.clear();
    }
}
