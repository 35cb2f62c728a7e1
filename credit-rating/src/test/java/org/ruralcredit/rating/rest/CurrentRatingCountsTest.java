package org.ruralcredit.rating.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.rating.Fixtures;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.service.CurrentRatingExpiry;
import org.ruralcredit.rating.service.HouseholdRater;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.GATEWAY_SERVICE;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;
import static org.ruralcredit.testing.DemoUsers.serviceBearer;

/**
 * Division figures, grade distributions and offers count a household's FINAL rating while it is
 * valid, not a later provisional re-rating; after its year the newest counts, and the daily pass
 * announces the change.
 */
@QuarkusTest
class CurrentRatingCountsTest {

    private static final String RATINGS = "test." + EventCatalog.HOUSEHOLD_RATED.topic();

    @Inject
    Fixtures fixtures;

    @Inject
    HouseholdRater rater;

    @Inject
    CurrentRatingExpiry expiry;

    @Inject
    EntityManager em;

    @AfterEach
    void realClock() {
        QuarkusMock.installMockForType(Clock.system(ServiceClock.CHINA), Clock.class);
    }

    /** Both households rated FINAL (valid until {@code validUntil}) through the rater's batch path, as finalisation stores them. */
    private void finalise(List<UUID> households, LocalDate validUntil) {
        QuarkusTransaction.requiringNew()
                .run(() -> rater.rateAll(
                        households,
                        new HouseholdRater.Occasion("CAMPAIGN", HouseholdRating.Status.FINAL, null, validUntil)));
    }

    private static Map<String, Object> villageFigures(String village) {
        return given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", village))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(201)
                .extract()
                .path("figures");
    }

    @Test
    void aProvisionalReRatingAfterFinalisationDoesNotCountWhileTheFinalIsValid() {
        String village = fixtures.freshVillage(2);
        UUID first = fixtures.household(village, null, null);
        UUID second = fixtures.household(village, null, null);
        finalise(List.of(first, second), LocalDate.now(ServiceClock.CHINA).plusYears(1));
        assertEquals(2, ((Number) villageFigures(village).get("creditHouseholds")).intValue());

        // the second household is found on the dishonest-debtor list and re-rated: PROVISIONAL, no credit household
        fixtures.listAsDebtor(second);
        HouseholdRating newer = QuarkusTransaction.requiringNew()
                .call(() -> rater.rateAll(List.of(second), HouseholdRater.Occasion.EVENT)
                        .get(0));
        assertFalse(newer.creditHousehold);

        // the village figure, the grade distribution and the offer keep the FINAL rating, and say so
        Map<String, Object> figures = villageFigures(village);
        assertEquals(2, ((Number) figures.get("creditHouseholds")).intValue());
        assertEquals(2, ((Number) figures.get("creditHouseholdsByFinalRating")).intValue());
        assertEquals(0, ((Number) figures.get("creditHouseholdsByNewestRating")).intValue());
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("division", village)
                .get("/api/v1/grade-distributions")
                .then()
                .statusCode(200)
                .body("[0].grades.AAA", equalTo(2))
                .body("[0].byFinalRating", equalTo(2));
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .queryParam("household", second.toString())
                .queryParam("institution", "default")
                .get("/api/v1/credit-offers")
                .then()
                .statusCode(200)
                .body("ratingStanding", equalTo("FINAL"))
                .body("finances.grade", equalTo("AAA"));
        // and /rating agrees: FINAL current, the newer one beside it
        JsonPath shown = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/rating", second)
                .then()
                .statusCode(200)
                .body("standing", equalTo("FINAL"))
                .body("newer.id", equalTo(newer.id.toString()))
                .extract()
                .jsonPath();
        // the re-rating's announcement names the FINAL rating as the current one, as /rating does,
        // and carries the newer rating's reasons as /rating shows them
        HouseholdRated reRated = lastAnnounced(second);
        assertEquals(newer.id.toString(), reRated.ratingId());
        assertNotEquals(newer.id.toString(), shown.getString("id"));
        assertEquals(shown.getString("id"), reRated.currentRatingId());
        List<Map<String, Object>> shownReasons = shown.getList("newer.reasons");
        assertFalse(shownReasons.isEmpty());
        assertEquals(shownReasons, asJson(reRated.reasonDetails()));
        assertNull(reRated.validUntil());

        // a day after the year of validity the newest rating counts, before the daily pass as after it
        QuarkusMock.installMockForType(CampaignResourceTest.shifted(Duration.ofDays(367)), Clock.class);
        Map<String, Object> later = villageFigures(village);
        assertEquals(1, ((Number) later.get("creditHouseholds")).intValue());
        assertEquals(0, ((Number) later.get("creditHouseholdsByFinalRating")).intValue());
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .queryParam("household", second.toString())
                .queryParam("institution", "default")
                .get("/api/v1/credit-offers")
                .then()
                .statusCode(200)
                .body("ratingStanding", equalTo("PROVISIONAL"))
                .body("ratingId", equalTo(newer.id.toString()));
    }

    @Test
    void theDailyPassEndsExpiredFinalRatingsAndAnnouncesTheCurrentOne() {
        String village = fixtures.freshVillage(2);
        UUID kept = fixtures.household(village, null, null);
        UUID overtaken = fixtures.household(village, null, null);
        LocalDate validUntil = LocalDate.now(ServiceClock.CHINA).plusDays(10);
        finalise(List.of(kept, overtaken), validUntil);
        fixtures.listAsDebtor(overtaken);
        String newer = QuarkusTransaction.requiringNew()
                .call(() -> rater.rateAll(List.of(overtaken), HouseholdRater.Occasion.EVENT)
                        .get(0)
                        .id
                        .toString());

        // the tail below starts at the topic's end: the finalisation's and the re-rating's own
        // announcements (the same PROVISIONAL rating id) must be out before it, or they count as the pass's
        awaitPublished(kept, overtaken);
        // on the last day of validity nothing expires
        QuarkusMock.installMockForType(CampaignResourceTest.shifted(Duration.ofDays(10)), Clock.class);
        try (KafkaTail tail = KafkaTail.of(RATINGS)) {
            expiry.expireAll();
            assertEquals(0, finalsExpiredAmong(kept, overtaken));
            // the day after, the pass ends both and announces each household's current rating once
            QuarkusMock.installMockForType(CampaignResourceTest.shifted(Duration.ofDays(11)), Clock.class);
            expiry.expireAll();
            assertEquals(2, finalsExpiredAmong(kept, overtaken));
            List<KafkaTail.Received> announced = tail.await(
                    e -> e.aggregateId().equals(kept.toString())
                            || e.aggregateId().equals(overtaken.toString()),
                    2,
                    Duration.ofSeconds(20));
            Map<String, HouseholdRated> byHousehold = new HashMap<>();
            announced.forEach(
                    r -> byHousehold.put(r.event().aggregateId(), r.event().dataAs(EventCatalog.HOUSEHOLD_RATED)));
            assertEquals("FINAL_EXPIRED", byHousehold.get(kept.toString()).status());
            assertEquals("PROVISIONAL", byHousehold.get(overtaken.toString()).status());
            assertEquals(newer, byHousehold.get(overtaken.toString()).ratingId());
            assertFalse(byHousehold.get(overtaken.toString()).creditHousehold());
            // each names the household's current rating from now on: the expired FINAL for the one,
            // the newer provisional rating for the other
            HouseholdRated keptNow = byHousehold.get(kept.toString());
            assertEquals(keptNow.ratingId(), keptNow.currentRatingId());
            assertEquals(validUntil, keptNow.validUntil());
            assertEquals(newer, byHousehold.get(overtaken.toString()).currentRatingId());
        }
        // a second pass has nothing left to do for them; the village now counts the newest ratings
        expiry.expireAll();
        assertEquals(2, finalsExpiredAmong(kept, overtaken));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("division", village)
                .get("/api/v1/grade-distributions")
                .then()
                .statusCode(200)
                .body("[0].households", equalTo(2))
                .body("[0].byFinalRating", equalTo(0));
        assertEquals(1, ((Number) villageFigures(village).get("creditHouseholds")).intValue());
    }

    /** The newest announcement the outbox holds for the household. */
    private HouseholdRated lastAnnounced(UUID household) {
        String payload = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT payload FROM outbox_event WHERE aggregate_id = ?1 ORDER BY id DESC LIMIT 1")
                .setParameter(1, household.toString())
                .getSingleResult());
        return EventCodec.decode(payload).dataAs(EventCatalog.HOUSEHOLD_RATED);
    }

    /** An announcement's reasons as /rating's JSON shows them. */
    static List<Map<String, Object>> asJson(List<HouseholdRated.Reason> reasons) {
        return reasons.stream()
                .map(r -> Map.<String, Object>of(
                        "indicator",
                        r.indicator(),
                        "nameZh",
                        r.nameZh(),
                        "nameEn",
                        r.nameEn(),
                        "pointsLost",
                        r.pointsLost()))
                .toList();
    }

    /** Waits until the relay has sent every announcement of these households written so far. */
    private void awaitPublished(UUID... households) {
        String[] ids = Arrays.stream(households).map(UUID::toString).toArray(String[]::new);
        Instant deadline = Instant.now().plusSeconds(30);
        while (((Number) QuarkusTransaction.requiringNew()
                                .call(() -> em.createNativeQuery(
                                                "SELECT count(*) FROM outbox_event WHERE aggregate_id = ANY(?1) AND published_at IS NULL")
                                        .setParameter(1, ids)
                                        .getSingleResult()))
                        .intValue()
                > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("announcements of " + Arrays.toString(ids) + " not sent within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Households of these whose FINAL rating the pass has cleared. */
    private int finalsExpiredAmong(UUID... households) {
        return ((Number) QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery(
                                        "SELECT count(*) FROM household_current_rating WHERE household_id = ANY(?1) AND final_rating_id IS NULL")
                                .setParameter(1, households)
                                .getSingleResult()))
                .intValue();
    }
}
