package org.ruralcredit.rating.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.DivisionScope;
import org.ruralcredit.rating.config.RatingConfig;
import org.ruralcredit.rating.domain.Campaign;
import org.ruralcredit.rating.domain.CampaignLanes;
import org.ruralcredit.rating.repository.CampaignLaneRepository;
import org.ruralcredit.rating.repository.CampaignRepository;
import org.ruralcredit.rating.repository.ObjectionRepository;

/**
 * Rating campaigns (评定批次): starting one only records it ({@link CampaignRunner} rates its
 * households in the background), reading the campaigns a caller may open, and finalizing one after
 * its posting window.
 */
@ApplicationScoped
public class CampaignService {

    /** A page of campaigns, their open objections, and how many the reader sees in all. */
    public record Listing(List<Campaign> items, Map<UUID, Long> openObjections, long total) {}

    private final CampaignRepository campaigns;
    private final ObjectionRepository objections;
    private final CampaignLaneRepository lanes;
    private final Clock clock;
    private final RatingConfig config;
    private final Caller caller;

    public CampaignService(
            CampaignRepository campaigns,
            ObjectionRepository objections,
            CampaignLaneRepository lanes,
            Clock clock,
            RatingConfig config,
            Caller caller) {
        this.campaigns = campaigns;
        this.objections = objections;
        this.lanes = lanes;
        this.clock = clock;
        this.config = config;
        this.caller = caller;
    }

    @Transactional
    public Campaign start(String division, Integer postingDays, String username) {
        if (campaigns.openOver(division) > 0) {
            throw ApiException.of(RatingCodes.CAMPAIGN_ALREADY_OPEN, division);
        }
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.divisionCode = division;
        c.status = Campaign.Status.RATING;
        c.postingDays = postingDays == null ? config.campaign().postingDays() : postingDays;
        List<CampaignLanes.VillageCount> villages = campaigns.activeHouseholdsByVillage(division);
        c.householdsTotal = Math.toIntExact(villages.stream()
                .mapToLong(CampaignLanes.VillageCount::households)
                .sum());
        c.startedBy = username;
        c.startedAt = Instant.now(clock);
        campaigns.save(c);
        lanes.create(
                c.id,
                CampaignLanes.split(
                        division,
                        villages,
                        config.campaign().laneHouseholds(),
                        config.campaign().lanes()));
        return c;
    }

    @Transactional
    public Campaign get(UUID id) {
        Campaign c = campaigns.find(id);
        if (c == null) {
            throw ApiException.of(RatingCodes.CAMPAIGN_NOT_FOUND, id);
        }
        return c;
    }

    /**
     * The campaigns the caller sees, newest first: exactly those {@link #readable} lets them open —
     * inside their read scope, and for an official or clerk also the campaigns over a division that
     * contains theirs (they file objections in them).
     */
    @Transactional
    public Listing list(Campaign.Status status, int page, int size) {
        DivisionScope read = caller.readScope();
        CampaignRepository.Visible visible = read.everywhere()
                ? new CampaignRepository.Visible(true, null, null)
                : new CampaignRepository.Visible(
                        false,
                        read.division(),
                        caller.writeScope().equals(DivisionScope.NOWHERE) ? null : caller.division());
        List<Campaign> items = campaigns.page(visible, status, page, size);
        return new Listing(
                items,
                campaigns.openObjections(items.stream().map(c -> c.id).toList()),
                campaigns.count(visible, status));
    }

    /** The campaign if the caller may open it (see {@link #list}), else refused. */
    @Transactional
    public Campaign readable(UUID id) {
        Campaign c = get(id);
        String division = caller.division();
        boolean inside = caller.readScope().covers(c.divisionCode)
                || (!caller.writeScope().equals(DivisionScope.NOWHERE)
                        && division != null
                        && division.startsWith(c.divisionCode));
        if (!inside) {
            throw ApiException.of(RatingCodes.CAMPAIGN_OUTSIDE_DIVISION);
        }
        return c;
    }

    /** Objections of a campaign: counts per status. */
    @Transactional
    public Map<String, Long> objectionCounts(UUID id) {
        return objections.countsByStatus(id);
    }

    /** After the posting window, with every objection resolved: results become final, valid one year. */
    @Transactional
    public Campaign finalizeCampaign(UUID campaignId, String username) {
        Campaign c = campaigns.lockForUpdate(campaignId);
        if (c == null) {
            throw ApiException.of(RatingCodes.CAMPAIGN_NOT_FOUND, campaignId);
        }
        if (c.status != Campaign.Status.POSTED) {
            throw ApiException.of(RatingCodes.CAMPAIGN_FINALIZE_NOT_POSTED, c.status.name());
        }
        if (Instant.now(clock).isBefore(c.postingClosesAt)) {
            throw ApiException.of(RatingCodes.CAMPAIGN_POSTING_WINDOW_OPEN, c.postingClosesAt);
        }
        long open = objections.open(campaignId);
        if (open > 0) {
            throw ApiException.of(RatingCodes.CAMPAIGN_OBJECTIONS_OPEN, open);
        }
        c.status = Campaign.Status.FINALIZING;
        c.cursorHouseholdId = null;
        c.finalizedBy = username;
        c.finalizedAt = Instant.now(clock);
        c.validUntil = LocalDate.now(clock).plusYears(1);
        return c;
    }
}
