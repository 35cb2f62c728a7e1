package org.ruralcredit.rating.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.rating.Fixtures;
import org.ruralcredit.rating.domain.Campaign;
import org.ruralcredit.rating.domain.CurrentRating;
import org.ruralcredit.rating.domain.Objection;
import org.ruralcredit.rating.repository.CampaignRepository;
import org.ruralcredit.rating.repository.CurrentRatingRepository;
import org.ruralcredit.rating.repository.HouseholdRatingRepository;
import org.ruralcredit.testing.StandInCaller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A campaign's whole life through the services, against PostgreSQL only: rating, posting,
 * objections, finalizing and the end of the year of validity. The campaign runner and the expiry
 * pass are called directly (the profile has no scheduler), the clock is moved instead of waited
 * for, and announcements are read from the outbox table rather than from Kafka.
 */
@QuarkusTest
@TestProfile(PostgresOnlyProfile.class)
class CampaignServiceTest {

    private static final String ADMIN = "credit-admin";

    @Inject
    Fixtures fixtures;

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignRunner runner;

    @Inject
    ObjectionService objections;

    @Inject
    CurrentRatingExpiry expiry;

    @Inject
    HouseholdRater rater;

    @Inject
    CampaignRepository campaignRows;

    @Inject
    CurrentRatingRepository currentRatings;

    @Inject
    HouseholdRatingRepository ratings;

    @Inject
    EntityManager em;

    @AfterEach
    void realClock() {
        QuarkusMock.installMockForType(Clock.system(ServiceClock.CHINA), Clock.class);
    }

    /** The service's clock moved forward by whole days. */
    private static void daysLater(int days) {
        QuarkusMock.installMockForType(
                Clock.offset(Clock.system(ServiceClock.CHINA), Duration.ofDays(days)), Clock.class);
    }

    /** The request's caller as a token would describe them. */
    private static void caller(String username, String role, String division) {
        QuarkusMock.installMockForType(StandInCaller.of(username, role, division), Caller.class);
    }

    private static void assertRefused(ProblemCode code, Executable call) {
        assertEquals(
                code.code(), assertThrows(ApiException.class, call).problem().code());
    }

    private CurrentRatingRepository.Current current(UUID household, LocalDate today) {
        return QuarkusTransaction.requiringNew()
                .call(() -> currentRatings.of(household, today).orElseThrow());
    }

    /** The campaign's result per household: the rating it posted. */
    private Map<UUID, UUID> results(UUID campaign) {
        return QuarkusTransaction.requiringNew()
                .call(() -> campaignRows.resultsAfter(campaign, null, 100).stream()
                        .collect(Collectors.toMap(
                                CampaignRepository.Result::householdId, CampaignRepository.Result::ratingId)));
    }

    /** The top reasons of a stored rating, as an announcement names them. */
    private List<HouseholdRated.Reason> reasonsOf(UUID ratingId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ratings.byIds(List.of(ratingId)).get(0).reasons.stream()
                        .map(r -> new HouseholdRated.Reason(r.indicator(), r.nameZh(), r.nameEn(), r.pointsLost()))
                        .toList());
    }

    /** The newest announcement the outbox holds for the household. */
    private HouseholdRated lastAnnounced(UUID household) {
        String payload = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT payload FROM outbox_event WHERE aggregate_id = ?1 ORDER BY id DESC LIMIT 1")
                .setParameter(1, household.toString())
                .getSingleResult());
        return EventCodec.decode(payload).dataAs(EventCatalog.HOUSEHOLD_RATED);
    }

    @Test
    void aCampaignRatesEveryActiveHouseholdOncePostsAndFinalizesForAYear() {
        String village = fixtures.freshVillage(5);
        UUID first = fixtures.household(village, null, null);
        UUID second = fixtures.household(village, null, null);
        UUID debtor = fixtures.household(village, null, null);
        fixtures.listAsDebtor(debtor);

        Campaign started = campaigns.start(village, null, ADMIN);
        assertEquals(Campaign.Status.RATING, started.status);
        assertEquals(3, started.householdsTotal);
        assertEquals(7, started.postingDays);
        assertRefused(RatingCodes.CAMPAIGN_ALREADY_OPEN, () -> campaigns.start(village, null, ADMIN));

        runner.runToEnd(started.id);
        Campaign posted = campaigns.get(started.id);
        assertEquals(Campaign.Status.POSTED, posted.status);
        assertEquals(3, posted.householdsRated);
        assertEquals(Duration.ofDays(7), Duration.between(posted.postingOpensAt, posted.postingClosesAt));
        Map<UUID, UUID> results = results(started.id);
        assertEquals(Set.of(first, second, debtor), results.keySet());
        LocalDate today = LocalDate.now(ServiceClock.CHINA);
        CurrentRatingRepository.Current provisional = current(first, today);
        assertEquals(CurrentRating.Standing.PROVISIONAL, provisional.standing());
        assertEquals(results.get(first), provisional.ratingId());
        // the posted result, the household's only rating, is announced as its current one
        HouseholdRated postedAnnounced = lastAnnounced(first);
        assertEquals(results.get(first).toString(), postedAnnounced.ratingId());
        assertEquals(results.get(first).toString(), postedAnnounced.currentRatingId());
        assertNull(postedAnnounced.validUntil());
        assertEquals(88, provisional.points());
        assertEquals("AAA", provisional.grade());
        assertFalse(current(debtor, today).creditHousehold());
        // a second pass over a posted campaign rates nobody again
        runner.runToEnd(started.id);
        assertEquals(3, campaigns.get(started.id).householdsRated);

        assertRefused(RatingCodes.CAMPAIGN_POSTING_WINDOW_OPEN, () -> campaigns.finalizeCampaign(started.id, ADMIN));
        daysLater(8);
        Campaign finalizing = campaigns.finalizeCampaign(started.id, ADMIN);
        assertEquals(Campaign.Status.FINALIZING, finalizing.status);
        LocalDate later = today.plusDays(8);
        assertEquals(later.plusYears(1), finalizing.validUntil);
        runner.runToEnd(started.id);
        Campaign done = campaigns.get(started.id);
        assertEquals(Campaign.Status.FINALIZED, done.status);
        assertEquals(3, done.householdsFinal);

        // the FINAL copy carries the posted score and is what the household's rating is for a year
        CurrentRatingRepository.Current kept = current(first, later.plusYears(1));
        assertEquals(CurrentRating.Standing.FINAL, kept.standing());
        assertNotEquals(results.get(first), kept.ratingId());
        assertEquals(88, kept.points());
        HouseholdRated announced = lastAnnounced(first);
        assertEquals(kept.ratingId().toString(), announced.ratingId());
        assertEquals("FINAL", announced.status());
        // with its validity, its reasons as the posted result gave them, and itself as the current rating
        assertEquals(later.plusYears(1), announced.validUntil());
        assertEquals(kept.ratingId().toString(), announced.currentRatingId());
        List<HouseholdRated.Reason> reasons = reasonsOf(kept.ratingId());
        assertFalse(reasons.isEmpty());
        assertEquals(reasons, announced.reasonDetails());
        assertEquals(reasonsOf(results.get(first)), announced.reasonDetails());
        assertEquals(
                CurrentRating.Standing.FINAL_EXPIRED,
                current(first, later.plusYears(1).plusDays(1)).standing());
    }

    @Test
    void objectionsComeFromTheHouseholdsOwnTownshipOnceAndHoldUpFinalizingUntilResolved() {
        String village = fixtures.freshVillage(5);
        UUID household = fixtures.household(village, null, null);
        UUID neighbour = fixtures.household(village, null, null);
        UUID campaign = campaigns.start(village, 3, ADMIN).id;
        runner.runToEnd(campaign);
        UUID posted = results(campaign).get(household);

        caller("official-mazhu", Role.TOWNSHIP_OFFICIAL, "330281101");
        assertRefused(RatingCodes.OBJECTION_OTHER_TOWNSHIP, () -> objections.object(campaign, household, "漏报商铺"));
        caller("clerk-linshan", Role.VILLAGE_CLERK, village);
        assertRefused(
                RatingCodes.OBJECTION_TOWNSHIP_OFFICIAL_ONLY, () -> objections.object(campaign, household, "漏报商铺"));
        caller("official-linshan", Role.TOWNSHIP_OFFICIAL, Fixtures.LINSHAN);
        assertRefused(
                RatingCodes.OBJECTION_HOUSEHOLD_NOT_IN_CAMPAIGN,
                () -> objections.object(campaign, UUID.randomUUID(), "漏报商铺"));
        Objection filed = objections.object(campaign, household, "家庭资产漏报了一套商铺");
        assertEquals(Objection.Status.OPEN, filed.status);
        assertEquals("official-linshan", filed.filedBy);
        assertRefused(RatingCodes.OBJECTION_ALREADY_FILED, () -> objections.object(campaign, household, "再次异议"));

        // after the window no objection is taken, and an open one keeps the campaign from finalizing
        daysLater(4);
        assertRefused(RatingCodes.OBJECTION_OUTSIDE_POSTING_WINDOW, () -> objections.object(campaign, neighbour, "漏报"));
        assertRefused(RatingCodes.CAMPAIGN_OBJECTIONS_OPEN, () -> campaigns.finalizeCampaign(campaign, ADMIN));

        // re-rated from the corrected facts: the campaign's result for the household is the new rating
        fixtures.listAsDebtor(household);
        caller(ADMIN, Role.CREDIT_ADMIN, null);
        Objection resolved = objections.resolve(campaign, filed.id, ObjectionService.Resolution.RERATE, "已核实法院名单");
        assertEquals(Objection.Status.RERATED, resolved.status);
        assertEquals(ADMIN, resolved.resolvedBy);
        Map<UUID, UUID> results = results(campaign);
        assertEquals(resolved.newRatingId, results.get(household));
        assertNotEquals(posted, results.get(household));
        assertFalse(current(household, LocalDate.now(ServiceClock.CHINA)).creditHousehold());
        assertRefused(
                RatingCodes.OBJECTION_ALREADY_RESOLVED,
                () -> objections.resolve(campaign, filed.id, ObjectionService.Resolution.UPHOLD, null));

        campaigns.finalizeCampaign(campaign, ADMIN);
        runner.runToEnd(campaign);
        CurrentRatingRepository.Current now = current(household, LocalDate.now(ServiceClock.CHINA));
        assertEquals(CurrentRating.Standing.FINAL, now.standing());
        assertFalse(now.creditHousehold());
    }

    @Test
    void theExpiryPassEndsFinalRatingsOnlyAfterTheirLastDayAndAnnouncesTheCurrentOne() {
        String village = fixtures.freshVillage(5);
        UUID kept = fixtures.household(village, null, null);
        UUID overtaken = fixtures.household(village, null, null);
        UUID campaign = campaigns.start(village, 1, ADMIN).id;
        runner.runToEnd(campaign);
        daysLater(2);
        LocalDate validUntil = campaigns.finalizeCampaign(campaign, ADMIN).validUntil;
        runner.runToEnd(campaign);
        // a registry correction re-rates one household after finalizing: PROVISIONAL, newer than the FINAL
        fixtures.listAsDebtor(overtaken);
        UUID newer = QuarkusTransaction.requiringNew()
                .call(() -> rater.rateAll(List.of(overtaken), HouseholdRater.Occasion.EVENT))
                .get(0)
                .id;
        // announced with the FINAL rating, still in force, as the household's current one
        UUID finalOfOvertaken = current(
                        overtaken, LocalDate.now(ServiceClock.CHINA).plusDays(2))
                .ratingId();
        assertNotEquals(newer, finalOfOvertaken);
        HouseholdRated reRated = lastAnnounced(overtaken);
        assertEquals(newer.toString(), reRated.ratingId());
        assertEquals("PROVISIONAL", reRated.status());
        assertEquals(finalOfOvertaken.toString(), reRated.currentRatingId());
        assertNull(reRated.validUntil());

        // on the last day of validity nothing ends
        shiftTo(validUntil);
        expiry.expireAll();
        assertEquals(CurrentRating.Standing.FINAL, current(kept, validUntil).standing());
        assertTrue(finalKept(kept) && finalKept(overtaken));

        shiftTo(validUntil.plusDays(1));
        assertTrue(expiry.expireAll() >= 2);
        assertFalse(finalKept(kept) || finalKept(overtaken));
        HouseholdRated keptNow = lastAnnounced(kept);
        assertEquals("FINAL_EXPIRED", keptNow.status());
        assertEquals(current(kept, validUntil.plusDays(1)).ratingId().toString(), keptNow.ratingId());
        // the expired FINAL, the newest, stays current; its validity and reasons travel with it
        assertEquals(keptNow.ratingId(), keptNow.currentRatingId());
        assertEquals(validUntil, keptNow.validUntil());
        assertEquals(reasonsOf(UUID.fromString(keptNow.ratingId())), keptNow.reasonDetails());
        HouseholdRated overtakenNow = lastAnnounced(overtaken);
        assertEquals("PROVISIONAL", overtakenNow.status());
        assertEquals(newer.toString(), overtakenNow.ratingId());
        assertFalse(overtakenNow.creditHousehold());
        // the newer provisional rating is current now
        assertEquals(newer.toString(), overtakenNow.currentRatingId());
        assertEquals(current(overtaken, validUntil.plusDays(1)).ratingId().toString(), overtakenNow.currentRatingId());
        assertNull(overtakenNow.validUntil());
        assertEquals(reasonsOf(newer), overtakenNow.reasonDetails());
    }

    /** The clock moved to noon (China) of {@code day}. */
    private static void shiftTo(LocalDate day) {
        QuarkusMock.installMockForType(
                Clock.fixed(day.atTime(12, 0).atZone(ServiceClock.CHINA).toInstant(), ServiceClock.CHINA), Clock.class);
    }

    /** Whether the household still has a FINAL rating in its current-rating row. */
    private boolean finalKept(UUID household) {
        return QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) em.createNativeQuery(
                                                "SELECT count(*) FROM household_current_rating WHERE household_id = ?1 AND final_rating_id IS NOT NULL")
                                        .setParameter(1, household)
                                        .getSingleResult())
                                .intValue())
                > 0;
    }
}
