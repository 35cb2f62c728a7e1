package org.ruralcredit.rating.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import org.ruralcredit.rating.domain.Campaign;
import org.ruralcredit.rating.domain.CampaignLanes;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.domain.Objection;

/**
 * Campaigns, the households each one rated with the rating each got, and the listings: which
 * campaigns a reader sees, newest first, a page at a time.
 */
@ApplicationScoped
public class CampaignRepository {

    /**
     * The campaigns a reader may see: all of them, or those over a division inside {@code inside}
     * (its code starts with it), or over a division that contains {@code within} (a prefix of it).
     * A null part matches nothing.
     */
    public record Visible(boolean everywhere, String inside, String within) {
        public static final Visible NONE = new Visible(false, null, null);
    }

    /** An active household of a campaign's division, with its village (the cursor moves along both). */
    public record VillageHousehold(String villageCode, UUID householdId) {}

    /** A household of a campaign and the rating it has there. */
    public record Result(UUID householdId, UUID ratingId) {}

    private final EntityManager em;

    public CampaignRepository(EntityManager em) {
        this.em = em;
    }

    /** Stores a new campaign at once, so its lanes can name it. */
    public void save(Campaign campaign) {
        em.persist(campaign);
        em.flush();
    }

    /** The campaign, or null. */
    public Campaign find(UUID id) {
        return em.find(Campaign.class, id);
    }

    /** The campaign locked against changes until the transaction ends, or null. */
    public Campaign lockForUpdate(UUID id) {
        return em.find(Campaign.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The managed campaign read again and locked against changes until the transaction ends. */
    public void refreshLocked(Campaign campaign) {
        em.refresh(campaign, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The campaign locked so it does not change (e.g. leave posting) until the transaction ends, or null. */
    public Campaign lockForShare(UUID id) {
        return em.find(Campaign.class, id, LockModeType.PESSIMISTIC_READ);
    }

    /**
     * The campaign locked for this pass, or empty when it is gone or another replica is advancing it
     * (SKIP LOCKED: that replica's pass is not waited for).
     */
    public Optional<Campaign> claim(UUID id) {
        return em
                .createQuery("from Campaign where id = ?1", Campaign.class)
                .setParameter(1, id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList()
                .stream()
                .findFirst();
    }

    /** Campaigns a pass has work for: rating or finalizing. */
    public List<UUID> inProgress() {
        return em.createQuery("select c.id from Campaign c where c.status in ?1", UUID.class)
                .setParameter(1, List.of(Campaign.Status.RATING, Campaign.Status.FINALIZING))
                .getResultList();
    }

    /** Campaigns over the division not yet finalized. */
    public long openOver(String division) {
        return em.createQuery(
                        "select count(c) from Campaign c where c.divisionCode = ?1 and c.status <> ?2", Long.class)
                .setParameter(1, division)
                .setParameter(2, Campaign.Status.FINALIZED)
                .getSingleResult();
    }

    /** Active household files of the division per village, in village order. */
    public List<CampaignLanes.VillageCount> activeHouseholdsByVillage(String division) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT village_code, count(*) FROM household_facts WHERE %s AND status = 'ACTIVE'
                        GROUP BY village_code ORDER BY village_code""".formatted(DivisionFilter.villageIn(division, 1)))
                .setParameter(1, division)
                .getResultList();
        return rows.stream()
                .map(r -> new CampaignLanes.VillageCount((String) r[0], ((Number) r[1]).longValue()))
                .toList();
    }

    /**
     * The next active households of a campaign's lane after its cursor, village by village along
     * (village_code, household_id), so a batch reads a few villages' pages.
     */
    public List<VillageHousehold> householdsAfterCursor(CampaignLaneRepository.Claimed lane, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT village_code, household_id FROM household_facts
                        WHERE village_code BETWEEN ?1 AND ?2 AND status = 'ACTIVE'
                          AND (village_code, household_id) > (coalesce(?3, ''),
                               coalesce(?4, '00000000-0000-0000-0000-000000000000'::uuid))
                        ORDER BY village_code, household_id LIMIT ?5""")
                .setParameter(1, lane.from())
                .setParameter(2, lane.through())
                .setParameter(3, lane.cursorVillageCode())
                .setParameter(4, lane.cursorHouseholdId())
                .setParameter(5, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new VillageHousehold((String) r[0], (UUID) r[1]))
                .toList();
    }

    /** Records the campaign's ratings of a batch of households. */
    public void addResults(UUID campaignId, List<HouseholdRating> ratings) {
        em.flush();
        em.createNativeQuery("""
                        INSERT INTO campaign_household (campaign_id, household_id, rating_id)
                        SELECT ?1, h, r FROM unnest(?2, ?3) AS t(h, r)""")
                .setParameter(1, campaignId)
                .setParameter(2, ratings.stream().map(r -> r.householdId).toArray(UUID[]::new))
                .setParameter(3, ratings.stream().map(r -> r.id).toArray(UUID[]::new))
                .executeUpdate();
    }

    /** The campaign's results after the household {@code after} (null: from the start), in household order. */
    public List<Result> resultsAfter(UUID campaignId, UUID after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT household_id, rating_id FROM campaign_household
                        WHERE campaign_id = ?1
                          AND household_id > coalesce(?2, '00000000-0000-0000-0000-000000000000'::uuid)
                        ORDER BY household_id LIMIT ?3""")
                .setParameter(1, campaignId)
                .setParameter(2, after)
                .setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new Result((UUID) r[0], (UUID) r[1])).toList();
    }

    /** Whether the campaign rated the household. */
    public boolean rated(UUID campaignId, UUID householdId) {
        return ((Number) em.createNativeQuery(
                                        "SELECT count(*) FROM campaign_household WHERE campaign_id = ?1 AND household_id = ?2")
                                .setParameter(1, campaignId)
                                .setParameter(2, householdId)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    /** The household's result in the campaign is now this rating. */
    public void replaceResult(UUID campaignId, UUID householdId, UUID ratingId) {
        em.flush();
        em.createNativeQuery(
                        "UPDATE campaign_household SET rating_id = ?3 WHERE campaign_id = ?1 AND household_id = ?2")
                .setParameter(1, campaignId)
                .setParameter(2, householdId)
                .setParameter(3, ratingId)
                .executeUpdate();
    }

    /** Newest first (started, then id, so a page boundary never repeats or skips a campaign). */
    public List<Campaign> page(Visible visible, Campaign.Status status, int page, int size) {
        TypedQuery<Campaign> query = em.createQuery(
                "from Campaign c where " + where(visible, status) + " order by c.startedAt desc, c.id desc",
                Campaign.class);
        bind(query, visible, status);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(Visible visible, Campaign.Status status) {
        TypedQuery<Long> query =
                em.createQuery("select count(c) from Campaign c where " + where(visible, status), Long.class);
        bind(query, visible, status);
        return query.getSingleResult();
    }

    /** Open objections per campaign, for the campaigns given (those without any are absent). */
    public Map<UUID, Long> openObjections(List<UUID> campaigns) {
        Map<UUID, Long> counts = new HashMap<>();
        if (campaigns.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createQuery("""
                        select o.campaignId, count(o) from Objection o
                        where o.campaignId in ?1 and o.status = ?2 group by o.campaignId""", Object[].class)
                .setParameter(1, campaigns)
                .setParameter(2, Objection.Status.OPEN)
                .getResultList()) {
            counts.put((UUID) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static String where(Visible visible, Campaign.Status status) {
        String scope;
        if (visible.everywhere()) {
            scope = "1 = 1";
        } else {
            StringBuilder any = new StringBuilder("(1 = 0");
            if (visible.inside() != null) {
                any.append(" or c.divisionCode like :inside");
            }
            if (visible.within() != null) {
                any.append(" or locate(c.divisionCode, :within) = 1");
            }
            scope = any.append(")").toString();
        }
        return scope + (status == null ? "" : " and c.status = :status");
    }

    private static void bind(TypedQuery<?> query, Visible visible, Campaign.Status status) {
        if (!visible.everywhere()) {
            if (visible.inside() != null) {
                query.setParameter("inside", visible.inside() + "%");
            }
            if (visible.within() != null) {
                query.setParameter("within", visible.within());
            }
        }
        if (status != null) {
            query.setParameter("status", status);
        }
    }
}
