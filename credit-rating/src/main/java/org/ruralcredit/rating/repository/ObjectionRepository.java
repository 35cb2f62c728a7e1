package org.ruralcredit.rating.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.ruralcredit.rating.domain.Objection;

/** Objections (异议) filed against a campaign's posted results, and how they were resolved. */
@ApplicationScoped
public class ObjectionRepository {

    private final EntityManager em;

    public ObjectionRepository(EntityManager em) {
        this.em = em;
    }

    public void save(Objection objection) {
        em.persist(objection);
    }

    /** The objection locked against another resolution until the transaction ends, or null. */
    public Objection lockForUpdate(UUID id) {
        return em.find(Objection.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The campaign's objections per status (statuses without any are absent). */
    public Map<String, Long> countsByStatus(UUID campaignId) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select o.status, count(o) from Objection o where o.campaignId = ?1 group by o.status",
                        Object[].class)
                .setParameter(1, campaignId)
                .getResultList()) {
            counts.put(row[0].toString(), (Long) row[1]);
        }
        return counts;
    }

    /** The campaign's objections, of one township or (null) all, oldest first. */
    public List<Objection> ofCampaign(UUID campaignId, String townshipOrNull) {
        return em.createQuery(
                        "from Objection where campaignId = ?1 and (?2 is null or townshipCode = ?2) order by filedAt",
                        Objection.class)
                .setParameter(1, campaignId)
                .setParameter(2, townshipOrNull)
                .getResultList();
    }

    /** Objections filed for the household in the campaign. */
    public long filedFor(UUID campaignId, UUID householdId) {
        return em.createQuery(
                        "select count(o) from Objection o where o.campaignId = ?1 and o.householdId = ?2", Long.class)
                .setParameter(1, campaignId)
                .setParameter(2, householdId)
                .getSingleResult();
    }

    /** The campaign's objections still open. */
    public long open(UUID campaignId) {
        return em.createQuery("select count(o) from Objection o where o.campaignId = ?1 and o.status = ?2", Long.class)
                .setParameter(1, campaignId)
                .setParameter(2, Objection.Status.OPEN)
                .getSingleResult();
    }
}
