package org.ruralcredit.rating.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.commons.persistence.TimeOrderedIds;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.DivisionScope;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.rating.config.RatingConfig;
import org.ruralcredit.rating.domain.Campaign;
import org.ruralcredit.rating.domain.CampaignRetry;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.domain.Objection;
import org.ruralcredit.rating.repository.CampaignRepository;
import org.ruralcredit.rating.repository.DivisionFilter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Rating campaigns (评定批次). Starting one only records it; a scheduled pass then walks the
 * division's households village by village, one batch per transaction through the rater's batch path,
 * keeping its place in the campaign row — so a campaign over a million households streams, never
 * holds them in memory, and resumes after a restart. Finalizing walks the campaign's results the
 * same way and records each as FINAL, valid one year.
 */
@ApplicationScoped
public class CampaignService {

    private static final Logger LOG = Logger.getLogger(CampaignService.class);

    public enum Resolution { UPHOLD, RERATE }

    /** A page of campaigns, their open objections, and how many the reader sees in all. */
    public record Listing(List<Campaign> items, Map<UUID, Long> openObjections, long total) {
    }

    private final EntityManager em;
    private final HouseholdRater rater;
    private final RatingClock clock;
    private final RatingConfig config;
    private final CampaignRepository campaigns;

    public CampaignService(EntityManager em, HouseholdRater rater, RatingClock clock, RatingConfig config,
                           CampaignRepository campaigns) {
        this.em = em;
        this.rater = rater;
        this.clock = clock;
        this.config = config;
        this.campaigns = campaigns;
    }

    @Transactional
    public Campaign start(String division, Integer postingDays, String username) {
        Long open = em.createQuery("select count(c) from Campaign c where c.divisionCode = ?1 and c.status <> ?2", Long.class)
                .setParameter(1, division).setParameter(2, Campaign.Status.FINALIZED).getSingleResult();
        if (open > 0) {
            throw ApiException.of(RatingCodes.CAMPAIGN_ALREADY_OPEN, division);
        }
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.divisionCode = division;
        c.status = Campaign.Status.RATING;
        c.postingDays = postingDays == null ? config.campaign().postingDays() : postingDays;
        c.householdsTotal = ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM household_facts WHERE %s AND status = 'ACTIVE'"""
                        .formatted(DivisionFilter.villageIn(division, 1)))
                .setParameter(1, division).getSingleResult()).intValue();
        c.startedBy = username;
        c.startedAt = clock.now();
        em.persist(c);
        return c;
    }

    @Scheduled(every = "${rating.campaign.interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void advanceAll() {
        List<UUID> busy;
        try {
            busy = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "select c.id from Campaign c where c.status in ?1", UUID.class)
                    .setParameter(1, List.of(Campaign.Status.RATING, Campaign.Status.FINALIZING)).getResultList());
        } catch (RuntimeException e) {
            LOG.warnf("campaign pass failed, will retry: %s", e.getMessage());
            return;
        }
        // one campaign that fails must not hold up the others
        for (UUID id : busy) {
            try {
                runToEnd(id);
            } catch (RuntimeException e) {
                recordStall(id, e);
            }
        }
    }

    /** Advances one campaign batch by batch until it waits for people (posting) or is done. */
    public void runToEnd(UUID id) {
        while (Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(() -> advance(id)))) {
            // one batch per transaction
        }
    }

    /**
     * One batch; true when there is more to do. Replicas skip a campaign another one is advancing;
     * a stalled campaign waits out its pause ({@link CampaignRetry}).
     */
    boolean advance(UUID id) {
        @SuppressWarnings("unchecked")
        List<Campaign> claimed = em.createQuery("from Campaign where id = ?1", Campaign.class).setParameter(1, id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
        if (claimed.isEmpty()) {
            return false;
        }
        Campaign c = claimed.get(0);
        if (!CampaignRetry.due(c.failedPasses, c.lastFailureAt, clock.now())) {
            return false;
        }
        int failedBefore = c.failedPasses;
        if (failedBefore > 0) {
            // rolled back with the batch if it fails again
            c.stalledSince = null;
            c.lastFailureAt = null;
            c.failedPasses = 0;
            c.stallReason = null;
        }
        boolean more = switch (c.status) {
            case RATING -> rateBatch(c);
            case FINALIZING -> finalizeBatch(c);
            default -> false;
        };
        if (failedBefore > 0) {
            LOG.infof("campaign %s moves again after %d failed passes", c.id, failedBefore);
        }
        return more;
    }

    /**
     * Notes on the campaign that a pass failed and where, for the officers who watch it; the cause
     * goes to the log only (it may name the service's classes).
     */
    private void recordStall(UUID id, RuntimeException cause) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Campaign c = em.find(Campaign.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (c == null) {
                    return;
                }
                Instant now = clock.now();
                boolean first = c.stalledSince == null;
                if (first) {
                    c.stalledSince = now;
                }
                c.lastFailureAt = now;
                c.failedPasses++;
                c.stallReason = stallReason(c);
                if (first) {
                    LOG.errorf(cause, "campaign %s stalled: %s", id, c.stallReason);
                } else {
                    LOG.warnf("campaign %s still stalled after %d failed passes, next try in %s: %s", id,
                            c.failedPasses, CampaignRetry.pauseAfter(c.failedPasses), cause.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("campaign %s: a pass failed (%s) and that could not be recorded (%s); will retry", id,
                    cause.getMessage(), e.getMessage());
        }
    }

    private static String stallReason(Campaign c) {
        if (c.status == Campaign.Status.FINALIZING) {
            return "Finalizing stopped after " + c.householdsFinal + " of " + c.householdsRated
                    + " households: a batch failed and is tried again. The service log has the cause.";
        }
        return "Rating stopped after " + c.householdsRated + " of " + c.householdsTotal + " households: the batch "
                + (c.cursorVillageCode == null ? "from the start" : "after village " + c.cursorVillageCode)
                + " failed and is tried again. The service log has the cause.";
    }

    private boolean rateBatch(Campaign c) {
        // village by village along (village_code, household_id): a batch reads a few villages' pages
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT village_code, household_id FROM household_facts
                        WHERE village_code BETWEEN ?1 AND ?2 AND status = 'ACTIVE'
                          AND (village_code, household_id) > (coalesce(?3, ''),
                               coalesce(?4, '00000000-0000-0000-0000-000000000000'::uuid))
                        ORDER BY village_code, household_id LIMIT ?5""")
                .setParameter(1, DivisionFilter.firstVillage(c.divisionCode))
                .setParameter(2, DivisionFilter.lastVillage(c.divisionCode))
                .setParameter(3, c.cursorVillageCode).setParameter(4, c.cursorHouseholdId)
                .setParameter(5, HouseholdRater.BATCH).getResultList();
        List<UUID> ids = rows.stream().map(r -> (UUID) r[1]).toList();
        if (!ids.isEmpty()) {
            List<HouseholdRating> ratings = rater.rateAll(ids, HouseholdRater.Occasion.campaign(c.id));
            em.flush();
            em.createNativeQuery("""
                            INSERT INTO campaign_household (campaign_id, household_id, rating_id)
                            SELECT ?1, h, r FROM unnest(?2, ?3) AS t(h, r)""")
                    .setParameter(1, c.id)
                    .setParameter(2, ratings.stream().map(r -> r.householdId).toArray(UUID[]::new))
                    .setParameter(3, ratings.stream().map(r -> r.id).toArray(UUID[]::new))
                    .executeUpdate();
            c.householdsRated += ratings.size();
            c.cursorVillageCode = (String) rows.get(rows.size() - 1)[0];
            c.cursorHouseholdId = ids.get(ids.size() - 1);
        }
        if (ids.size() < HouseholdRater.BATCH) {
            c.status = Campaign.Status.POSTED;
            c.cursorVillageCode = null;
            c.cursorHouseholdId = null;
            c.postingOpensAt = clock.now();
            c.postingClosesAt = c.postingOpensAt.plus(Duration.ofDays(c.postingDays));
            LOG.infof("campaign %s rated %d households; posted until %s", c.id, c.householdsRated, c.postingClosesAt);
            return false;
        }
        return true;
    }

    private boolean finalizeBatch(Campaign c) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT household_id, rating_id FROM campaign_household
                        WHERE campaign_id = ?1
                          AND household_id > coalesce(?2, '00000000-0000-0000-0000-000000000000'::uuid)
                        ORDER BY household_id LIMIT ?3""")
                .setParameter(1, c.id).setParameter(2, c.cursorHouseholdId).setParameter(3, HouseholdRater.BATCH)
                .getResultList();
        if (!rows.isEmpty()) {
            List<UUID> households = rows.stream().map(r -> (UUID) r[0]).toList();
            List<UUID> ratingIds = rows.stream().map(r -> (UUID) r[1]).toList();
            Map<UUID, HouseholdFactsRecord> facts = new HashMap<>();
            em.createQuery("from HouseholdFactsRecord where householdId in ?1", HouseholdFactsRecord.class)
                    .setParameter(1, households).getResultList().forEach(f -> facts.put(f.householdId, f));
            Instant now = clock.now();
            List<Outbox.Keyed<HouseholdRated>> events = new java.util.ArrayList<>(rows.size());
            List<HouseholdRating> finals = new java.util.ArrayList<>(rows.size());
            for (HouseholdRating posted : em.createQuery("from HouseholdRating where id in ?1", HouseholdRating.class)
                    .setParameter(1, ratingIds).getResultList()) {
                HouseholdRating result = finalCopy(posted, c, now);
                finals.add(result);
                events.add(rater.announcement(result, facts.get(posted.householdId)));
            }
            rater.keep(finals, events);
            c.householdsFinal += rows.size();
            c.cursorHouseholdId = households.get(households.size() - 1);
        }
        if (rows.size() < HouseholdRater.BATCH) {
            c.status = Campaign.Status.FINALIZED;
            c.cursorHouseholdId = null;
            return false;
        }
        return true;
    }

    /** The posted result, unchanged, as a FINAL rating valid until the campaign's date. */
    private static HouseholdRating finalCopy(HouseholdRating posted, Campaign c, Instant now) {
        HouseholdRating r = new HouseholdRating();
        r.id = TimeOrderedIds.next();
        r.householdId = posted.householdId;
        r.villageCode = posted.villageCode;
        r.modelCode = posted.modelCode;
        r.modelVersion = posted.modelVersion;
        r.totalPoints = posted.totalPoints;
        r.grade = posted.grade;
        r.creditHousehold = posted.creditHousehold;
        r.vetoes = posted.vetoes;
        r.indicators = posted.indicators;
        r.reasons = posted.reasons;
        r.inputsAsOf = posted.inputsAsOf;
        r.status = HouseholdRating.Status.FINAL;
        r.ratedBy = "CAMPAIGN";
        r.sourceVersion = posted.sourceVersion;
        r.ratedAt = now;
        r.campaignId = c.id;
        r.validUntil = c.validUntil;
        return r;
    }

    @Transactional
    public Campaign get(UUID id) {
        Campaign c = em.find(Campaign.class, id);
        if (c == null) {
            throw ApiException.of(RatingCodes.CAMPAIGN_NOT_FOUND, id);
        }
        return c;
    }

    /**
     * The campaigns a reader sees, newest first: exactly those {@link #readable} lets them open —
     * inside their read scope, and for an official or clerk also the campaigns over a division that
     * contains theirs (they file objections in them).
     */
    @Transactional
    public Listing list(DivisionScope read, DivisionScope write, String division, Campaign.Status status, int page, int size) {
        CampaignRepository.Visible visible = read.everywhere() ? new CampaignRepository.Visible(true, null, null)
                : new CampaignRepository.Visible(false, read.division(),
                        write.equals(DivisionScope.NOWHERE) ? null : division);
        List<Campaign> items = campaigns.page(visible, status, page, size);
        return new Listing(items, campaigns.openObjections(items.stream().map(c -> c.id).toList()),
                campaigns.count(visible, status));
    }

    /** The campaign if the reader may open it (see {@link #list}), else refused. */
    @Transactional
    public Campaign readable(UUID id, DivisionScope read, DivisionScope write, String division) {
        Campaign c = get(id);
        boolean inside = read.covers(c.divisionCode)
                || (!write.equals(DivisionScope.NOWHERE) && division != null && division.startsWith(c.divisionCode));
        if (!inside) {
            throw ApiException.of(RatingCodes.CAMPAIGN_OUTSIDE_DIVISION);
        }
        return c;
    }

    /** Objections of a campaign: counts per status. */
    @Transactional
    public Map<String, Long> objectionCounts(UUID id) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select o.status, count(o) from Objection o where o.campaignId = ?1 group by o.status",
                Object[].class).setParameter(1, id).getResultList()) {
            counts.put(row[0].toString(), (Long) row[1]);
        }
        return counts;
    }

    @Transactional
    public List<Objection> objections(UUID id, String townshipOrNull) {
        return em.createQuery("from Objection where campaignId = ?1 and (?2 is null or townshipCode = ?2) order by filedAt",
                        Objection.class)
                .setParameter(1, id).setParameter(2, townshipOrNull).getResultList();
    }

    /** An objection by the household's own township official, inside the posting window, once. */
    @Transactional
    public Objection object(UUID campaignId, UUID householdId, String reason, String username, String officialTownship) {
        Campaign c = em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_READ);
        if (c == null) {
            throw ApiException.of(RatingCodes.CAMPAIGN_NOT_FOUND, campaignId);
        }
        HouseholdFactsRecord facts = em.find(HouseholdFactsRecord.class, householdId);
        boolean inCampaign = facts != null && ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM campaign_household WHERE campaign_id = ?1 AND household_id = ?2")
                .setParameter(1, campaignId).setParameter(2, householdId).getSingleResult()).longValue() > 0;
        if (!inCampaign) {
            throw ApiException.of(RatingCodes.OBJECTION_HOUSEHOLD_NOT_IN_CAMPAIGN, householdId);
        }
        if (!facts.townshipCode.equals(officialTownship)) {
            throw ApiException.of(RatingCodes.OBJECTION_OTHER_TOWNSHIP);
        }
        Instant now = clock.now();
        if (c.status != Campaign.Status.POSTED || now.isBefore(c.postingOpensAt) || !now.isBefore(c.postingClosesAt)) {
            throw c.postingClosesAt == null ? ApiException.of(RatingCodes.OBJECTION_RESULTS_NOT_POSTED)
                    : ApiException.of(RatingCodes.OBJECTION_OUTSIDE_POSTING_WINDOW, c.postingOpensAt, c.postingClosesAt);
        }
        Long filed = em.createQuery("select count(o) from Objection o where o.campaignId = ?1 and o.householdId = ?2", Long.class)
                .setParameter(1, campaignId).setParameter(2, householdId).getSingleResult();
        if (filed > 0) {
            throw ApiException.of(RatingCodes.OBJECTION_ALREADY_FILED);
        }
        Objection o = new Objection();
        o.id = UUID.randomUUID();
        o.campaignId = campaignId;
        o.householdId = householdId;
        o.townshipCode = facts.townshipCode;
        o.reason = reason;
        o.status = Objection.Status.OPEN;
        o.filedBy = username;
        o.filedAt = now;
        em.persist(o);
        return o;
    }

    /** A credit-admin resolves an open objection: the result stands, or the household is rated again from its current facts. */
    @Transactional
    public Objection resolve(UUID campaignId, UUID objectionId, Resolution resolution, String note, String username) {
        Campaign c = em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
        Objection o = em.find(Objection.class, objectionId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || o == null || !o.campaignId.equals(campaignId)) {
            throw ApiException.of(RatingCodes.OBJECTION_NOT_FOUND, objectionId, campaignId);
        }
        if (o.status != Objection.Status.OPEN) {
            throw ApiException.of(RatingCodes.OBJECTION_ALREADY_RESOLVED, o.resolvedBy);
        }
        if (c.status != Campaign.Status.POSTED) {
            throw ApiException.of(RatingCodes.OBJECTION_CAMPAIGN_NOT_POSTED, c.status.name());
        }
        if (resolution == Resolution.RERATE) {
            List<HouseholdRating> rerated = rater.rateAll(List.of(o.householdId), HouseholdRater.Occasion.objection(campaignId));
            if (rerated.isEmpty()) {
                throw ApiException.of(RatingCodes.HOUSEHOLD_FILE_CLOSED);
            }
            em.flush();
            em.createNativeQuery("UPDATE campaign_household SET rating_id = ?3 WHERE campaign_id = ?1 AND household_id = ?2")
                    .setParameter(1, campaignId).setParameter(2, o.householdId).setParameter(3, rerated.get(0).id)
                    .executeUpdate();
            o.newRatingId = rerated.get(0).id;
            o.status = Objection.Status.RERATED;
        } else {
            o.status = Objection.Status.UPHELD;
        }
        o.resolvedBy = username;
        o.resolvedAt = clock.now();
        o.resolutionNote = note;
        return o;
    }

    /** After the posting window, with every objection resolved: results become final, valid one year. */
    @Transactional
    public Campaign finalizeCampaign(UUID campaignId, String username) {
        Campaign c = em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ApiException.of(RatingCodes.CAMPAIGN_NOT_FOUND, campaignId);
        }
        if (c.status != Campaign.Status.POSTED) {
            throw ApiException.of(RatingCodes.CAMPAIGN_FINALIZE_NOT_POSTED, c.status.name());
        }
        if (clock.now().isBefore(c.postingClosesAt)) {
            throw ApiException.of(RatingCodes.CAMPAIGN_POSTING_WINDOW_OPEN, c.postingClosesAt);
        }
        Long open = em.createQuery("select count(o) from Objection o where o.campaignId = ?1 and o.status = ?2", Long.class)
                .setParameter(1, campaignId).setParameter(2, Objection.Status.OPEN).getSingleResult();
        if (open > 0) {
            throw ApiException.of(RatingCodes.CAMPAIGN_OBJECTIONS_OPEN, open);
        }
        c.status = Campaign.Status.FINALIZING;
        c.cursorHouseholdId = null;
        c.finalizedBy = username;
        c.finalizedAt = clock.now();
        c.validUntil = clock.today().plusYears(1);
        return c;
    }
}
