package org.ruralcredit.rating.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.rating.domain.CampaignLanes;

/**
 * The lanes of campaigns being rated ({@link CampaignLanes}): each a range of the division's villages
 * with its own cursor, claimed by one worker at a time (SKIP LOCKED, so workers and replicas share a
 * campaign's lanes without waiting on each other).
 */
@ApplicationScoped
public class CampaignLaneRepository {

    /** A lane as claimed: its villages and the last household it rated (nulls: from the start). */
    public record Claimed(
            UUID campaignId, int lane, String from, String through, String cursorVillageCode, UUID cursorHouseholdId) {}

    private final EntityManager em;

    public CampaignLaneRepository(EntityManager em) {
        this.em = em;
    }

    public void create(UUID campaignId, List<CampaignLanes.Lane> lanes) {
        for (int i = 0; i < lanes.size(); i++) {
            em.createNativeQuery("""
                            INSERT INTO campaign_lane (campaign_id, lane, from_village, through_village)
                            VALUES (?1, ?2, ?3, ?4)""")
                    .setParameter(1, campaignId)
                    .setParameter(2, i)
                    .setParameter(3, lanes.get(i).from())
                    .setParameter(4, lanes.get(i).through())
                    .executeUpdate();
        }
    }

    /** A lane of the campaign with households left that no other worker holds, locked; empty if none. */
    public Optional<Claimed> claimNext(UUID campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT lane, from_village, through_village, cursor_village_code, cursor_household_id
                        FROM campaign_lane WHERE campaign_id = ?1 AND NOT done
                        ORDER BY lane LIMIT 1 FOR UPDATE SKIP LOCKED""").setParameter(1, campaignId).getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Claimed(
                        campaignId, ((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3], (UUID)
                                r[4]));
    }

    /**
     * The lane moved past a batch of {@code rated} households ending at the given household (or
     * unchanged when the batch was empty), done when it has no more; a lane that moves is no longer
     * failing.
     */
    public void advance(Claimed lane, String villageCode, UUID householdId, int rated, boolean done) {
        em.createNativeQuery("""
                        UPDATE campaign_lane SET
                            cursor_village_code = coalesce(?3, cursor_village_code),
                            cursor_household_id = coalesce(?4, cursor_household_id),
                            households_rated = households_rated + ?5, done = ?6, failed_passes = 0
                        WHERE campaign_id = ?1 AND lane = ?2""")
                .setParameter(1, lane.campaignId())
                .setParameter(2, lane.lane())
                .setParameter(3, villageCode)
                .setParameter(4, householdId)
                .setParameter(5, rated)
                .setParameter(6, done)
                .executeUpdate();
    }

    /** Lanes of the campaign other than {@code lane} not yet done (committed ones only). */
    public long othersOpen(UUID campaignId, int lane) {
        return count("NOT done", campaignId, lane);
    }

    /** Lanes of the campaign other than {@code lane} whose last pass failed. */
    public long othersFailing(UUID campaignId, int lane) {
        return count("failed_passes > 0", campaignId, lane);
    }

    private long count(String condition, UUID campaignId, int lane) {
        return ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM campaign_lane WHERE campaign_id = ?1 AND lane <> ?2 AND "
                                        + condition)
                        .setParameter(1, campaignId)
                        .setParameter(2, lane)
                        .getSingleResult())
                .longValue();
    }

    /** Notes that a pass of the lane failed. */
    public void recordFailure(UUID campaignId, int lane) {
        em.createNativeQuery(
                        "UPDATE campaign_lane SET failed_passes = failed_passes + 1 WHERE campaign_id = ?1 AND lane = ?2")
                .setParameter(1, campaignId)
                .setParameter(2, lane)
                .executeUpdate();
    }
}
