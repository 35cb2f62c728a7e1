package org.ruralcredit.rating.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.rating.Fixtures;
import org.ruralcredit.rating.service.HouseholdRater;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class CampaignResourceTest {

    private static final String RATINGS = "test." + EventCatalog.HOUSEHOLD_RATED.topic();

    @Inject
    Fixtures fixtures;

    @Inject
    HouseholdRater rater;

    @Inject
    EntityManager em;

    /** The service's clock moved forward, so the posting window can pass without waiting. */
    static Clock shifted(Duration shift) {
        return Clock.offset(Clock.system(ServiceClock.CHINA), shift);
    }

    private static String status(String campaign) {
        return given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/campaigns/{id}", campaign)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    private static Response object(String user, String campaign, UUID household) {
        return given().header("Authorization", bearer(user))
                .contentType(ContentType.JSON)
                .body(Map.of("householdId", household.toString(), "reason", "家庭资产漏报了一套商铺"))
                .post("/api/v1/campaigns/{id}/objections", campaign);
    }

    @Test
    void aCampaignRatesPostsTakesObjectionsAndFinalizes() {
        String village = fixtures.freshVillage(5);
        UUID first = fixtures.household(village, null, null);
        UUID second = fixtures.household(village, null, null);
        UUID third = fixtures.household(village, null, null);

        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", village))
                .post("/api/v1/campaigns")
                .then()
                .statusCode(403);
        String campaign = given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", village))
                .post("/api/v1/campaigns")
                .then()
                .statusCode(201)
                .body("postingDays", equalTo(7))
                .body("householdsTotal", equalTo(3))
                .extract()
                .path("id");
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", village))
                .post("/api/v1/campaigns")
                .then()
                .statusCode(409);

        // results are not posted yet while households are rated
        Fixtures.eventually(() -> "POSTED".equals(status(campaign)), Duration.ofSeconds(30));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/campaigns/{id}", campaign)
                .then()
                .statusCode(200)
                .body("householdsRated", equalTo(3))
                .body("postingClosesAt", notNullValue());
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/rating", first)
                .then()
                .statusCode(200)
                .body("status", equalTo("PROVISIONAL"))
                .body("score", equalTo(88));

        // objections: only the household's own township official, once
        object(OFFICIAL_MAZHU, campaign, first).then().statusCode(403).contentType("application/problem+json");
        object(CREDIT_ADMIN, campaign, first).then().statusCode(403);
        object(OFFICIAL_LINSHAN, campaign, UUID.randomUUID()).then().statusCode(404);
        String objection = object(OFFICIAL_LINSHAN, campaign, first)
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("filedBy", equalTo("official-linshan"))
                .extract()
                .path("id");
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/campaigns/{id}/objections/{objection}", campaign, objection)
                .then()
                .statusCode(200)
                .body("id", equalTo(objection))
                .body("status", equalTo("OPEN"));
        object(OFFICIAL_LINSHAN, campaign, first).then().statusCode(409).contentType("application/problem+json");
        String second_ = object(OFFICIAL_LINSHAN, campaign, second)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // not before the window closes, and not with open objections
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .post("/api/v1/campaigns/{id}/finalization", campaign)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", Matchers.startsWith("The posting window is open until"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .header("Accept-Language", "zh-CN")
                .post("/api/v1/campaigns/{id}/finalization", campaign)
                .then()
                .statusCode(409)
                .body("code", equalTo("campaign.posting-window-open"))
                .body("type", equalTo("urn:ruralcredit:problem:posting-window-open"))
                .body("args.closes", Matchers.notNullValue())
                .body("detail", Matchers.startsWith("公示期尚未结束，截止时间为 "));

        // the registry corrected the first household's facts: the credit-admin re-rates it
        fixtures.correctFacts(first, 50_000);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "RERATE"))
                .post("/api/v1/campaigns/{id}/objections/{o}/resolution", campaign, objection)
                .then()
                .statusCode(403);
        String newRating = given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "RERATE", "note", "资产已核实更正"))
                .post("/api/v1/campaigns/{id}/objections/{o}/resolution", campaign, objection)
                .then()
                .statusCode(200)
                .body("status", equalTo("RERATED"))
                .body("resolvedBy", equalTo("credit-admin"))
                .extract()
                .path("newRatingId");
        int rerated = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/rating", first)
                .then()
                .statusCode(200)
                .body("id", equalTo(newRating))
                .body("status", equalTo("PROVISIONAL"))
                .extract()
                .path("score");
        assertNotEquals(88, rerated, "the corrected facts were rated");
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "UPHOLD"))
                .post("/api/v1/campaigns/{id}/objections/{o}/resolution", campaign, objection)
                .then()
                .statusCode(409);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "MAYBE"))
                .post("/api/v1/campaigns/{id}/objections/{o}/resolution", campaign, second_)
                .then()
                .statusCode(400);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "UPHOLD"))
                .post("/api/v1/campaigns/{id}/objections/{o}/resolution", campaign, second_)
                .then()
                .statusCode(200)
                .body("status", equalTo("UPHELD"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/campaigns/{id}", campaign)
                .then()
                .statusCode(200)
                .body("objections.RERATED", equalTo(1))
                .body("objections.UPHELD", equalTo(1));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .post("/api/v1/campaigns/{id}/finalization", campaign)
                .then()
                .statusCode(409)
                .body("detail", Matchers.startsWith("The posting window is open until"));

        // eight days later: the window is over
        QuarkusMock.installMockForType(shifted(Duration.ofDays(8)), Clock.class);
        object(OFFICIAL_LINSHAN, campaign, third)
                .then()
                .statusCode(409)
                .body("detail", Matchers.startsWith("Objections are accepted only during the posting window"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .post("/api/v1/campaigns/{id}/finalization", campaign)
                .then()
                .statusCode(403);
        Map<String, Integer> finalScores =
                Map.of(first.toString(), rerated, second.toString(), 88, third.toString(), 88);
        List<KafkaTail.Received> announced;
        try (KafkaTail tail = KafkaTail.of(RATINGS)) {
            given().header("Authorization", bearer(CREDIT_ADMIN))
                    .post("/api/v1/campaigns/{id}/finalization", campaign)
                    .then()
                    .statusCode(200)
                    .body("finalizedBy", equalTo("credit-admin"));
            Fixtures.eventually(() -> "FINALIZED".equals(status(campaign)), Duration.ofSeconds(30));
            // every household's result is announced once more, now FINAL, with the posted score
            announced = tail.await(
                    e -> finalScores.containsKey(e.aggregateId())
                            && "FINAL"
                                    .equals(e.dataAs(EventCatalog.HOUSEHOLD_RATED)
                                            .status()),
                    3,
                    Duration.ofSeconds(30));
            // nothing more: one FINAL event per household
            announced = new ArrayList<>(announced);
            announced.addAll(tail.await(e -> finalScores.containsKey(e.aggregateId()), 1, Duration.ofSeconds(3)));
        }
        assertEquals(3, announced.size(), "one FINAL rating.household.v1 event per household of the campaign");
        LocalDate validUntil = LocalDate.now(ServiceClock.CHINA).plusDays(8).plusYears(1);
        for (KafkaTail.Received received : announced) {
            HouseholdRated event = received.event().dataAs(EventCatalog.HOUSEHOLD_RATED);
            assertEquals(received.event().aggregateId(), received.key(), "keyed by household");
            assertEquals("FINAL", event.status());
            assertEquals(finalScores.get(event.householdId()), event.score());
            assertEquals(village, event.villageCode());
            assertEquals(Fixtures.LINSHAN, event.townshipCode());
            assertEquals("household-default", event.modelCode());
            // the event names the FINAL rating the reads show, as the household's current one, with
            // its validity and reasons as /rating shows them
            JsonPath shown = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .get("/api/v1/households/{id}/rating", event.householdId())
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(event.ratingId()))
                    .body("status", equalTo("FINAL"))
                    .body("validUntil", equalTo(validUntil.toString()))
                    .extract()
                    .jsonPath();
            assertEquals(event.ratingId(), event.currentRatingId());
            assertEquals(validUntil, event.validUntil());
            List<Map<String, Object>> shownReasons = shown.getList("reasons");
            assertFalse(shownReasons.isEmpty());
            assertEquals(shownReasons, CurrentRatingCountsTest.asJson(event.reasonDetails()));
            // and the current rating kept beside the facts, which division figures and lenders' offers read
            assertEquals(event.ratingId(), currentRatingId(UUID.fromString(event.householdId())));
        }
        assertEquals(
                finalScores.keySet(),
                announced.stream().map(r -> r.event().aggregateId()).collect(Collectors.toSet()));
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/campaigns/{id}", campaign)
                .then()
                .statusCode(200)
                .body("householdsFinal", equalTo(3))
                .body("validUntil", equalTo(validUntil.toString()));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/rating", first)
                .then()
                .statusCode(200)
                .body("status", equalTo("FINAL"))
                .body("score", equalTo(rerated))
                .body("validUntil", equalTo(validUntil.toString()));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/rating", second)
                .then()
                .statusCode(200)
                .body("status", equalTo("FINAL"))
                .body("score", equalTo(88));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .post("/api/v1/campaigns/{id}/finalization", campaign)
                .then()
                .statusCode(409);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/campaigns/{id}/objections", campaign)
                .then()
                .statusCode(200)
                .body("size()", equalTo(2));

        // a later change re-rates the second household (PROVISIONAL): the FINAL result stays current
        // while in force, with the newer rating shown beside it
        fixtures.correctFacts(second, 50_000);
        String newer = QuarkusTransaction.requiringNew()
                .call(() -> rater.rateAll(List.of(second), HouseholdRater.Occasion.EVENT)
                        .get(0)
                        .id
                        .toString());
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/rating", second)
                .then()
                .statusCode(200)
                .body("status", equalTo("FINAL"))
                .body("standing", equalTo("FINAL"))
                .body("current", equalTo(true))
                .body("score", equalTo(88))
                .body("newer.id", equalTo(newer))
                .body("newer.status", equalTo("PROVISIONAL"));
        // the village's chart counts the three FINAL results, not the newer provisional one
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("division", village)
                .get("/api/v1/grade-distributions")
                .then()
                .statusCode(200)
                .body("[0].households", equalTo(3))
                .body("[0].byFinalRating", equalTo(3));
        // what the gateway reads: the current rating first, then the others newest first
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/ratings", second)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo("FINAL"))
                .body("[0].current", equalTo(true))
                .body("[1].id", equalTo(newer))
                .body("[1].current", equalTo(false));

        // a day after the year of validity: the newest rating is current, an expired FINAL one shown so
        QuarkusMock.installMockForType(shifted(Duration.ofDays(8 + 366 + 1)), Clock.class);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/rating", second)
                .then()
                .statusCode(200)
                .body("id", equalTo(newer))
                .body("standing", equalTo("PROVISIONAL"))
                .body("newer", Matchers.nullValue());
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/rating", third)
                .then()
                .statusCode(200)
                .body("status", equalTo("FINAL"))
                .body("standing", equalTo("FINAL_EXPIRED"));
    }

    @Test
    void aTownshipCampaignRatesEveryHouseholdOfEveryVillageOnce() {
        // batches end inside the first village, then between the second and third: the cursor
        // (village, household) must carry over both without skipping or repeating anyone
        int batch = HouseholdRater.BATCH;
        Map.Entry<String, Set<UUID>> township = fixtures.freshTownship(batch + 7, 2, batch - 9);
        int total = township.getValue().size();
        String campaign = given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", township.getKey()))
                .post("/api/v1/campaigns")
                .then()
                .statusCode(201)
                .body("householdsTotal", equalTo(total))
                .extract()
                .path("id");

        Fixtures.eventually(() -> "POSTED".equals(status(campaign)), Duration.ofSeconds(60));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/campaigns/{id}", campaign)
                .then()
                .statusCode(200)
                .body("householdsRated", equalTo(total));
        List<UUID> rated =
                QuarkusTransaction.requiringNew().call(() -> fixtures.campaignHouseholds(UUID.fromString(campaign)));
        assertEquals(total, rated.size(), "each household once");
        assertEquals(township.getValue(), new HashSet<>(rated));
        // each rating became its household's current one: the township's chart has no unrated household left
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("division", township.getKey())
                .get("/api/v1/grade-distributions")
                .then()
                .statusCode(200)
                .body("[0].households", equalTo(total))
                .body("[0].grades.UNRATED", Matchers.nullValue());
    }

    @Test
    void rolesAndBadInput() {
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", "3302"))
                .post("/api/v1/campaigns")
                .then()
                .statusCode(400)
                .body("errors[0].field", Matchers.containsString("division"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", "330281100", "postingDays", 0))
                .post("/api/v1/campaigns")
                .then()
                .statusCode(400);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .contentType(ContentType.JSON)
                .body(Map.of("division", "330281100"))
                .post("/api/v1/campaigns")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/campaigns/{id}", UUID.randomUUID())
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/campaigns/{id}", UUID.randomUUID())
                .then()
                .statusCode(404);
        given().get("/api/v1/campaigns/{id}", UUID.randomUUID()).then().statusCode(401);
    }

    private String currentRatingId(UUID household) {
        return QuarkusTransaction.requiringNew()
                .call(() -> String.valueOf(em.createNativeQuery(
                                "SELECT newest_rating_id FROM household_current_rating WHERE household_id = ?1")
                        .setParameter(1, household)
                        .getSingleResult()));
    }

    @Test
    void aCampaignWhoseBatchFailsSaysWhereItStoppedHoldsUpNoOtherAndMovesOnOnceTheFileIsRepaired() {
        Map.Entry<String, Set<UUID>> broken = fixtures.freshTownship(3, 2);
        Map.Entry<String, Set<UUID>> healthy = fixtures.freshTownshipBeside(broken.getKey(), 4);
        String village = broken.getKey() + "202";
        // facts the rater cannot read (a count that is not a number), as a faulty copy would leave them;
        // reversible: "many3" reads as 3 again
        facts(village, "jsonb_set(facts, '{labourCount}', to_jsonb('many' || (facts->>'labourCount')))");
        String stalled;
        try {
            stalled = start(broken.getKey());
            String other = start(healthy.getKey());

            Fixtures.eventually(() -> "POSTED".equals(status(other)), Duration.ofSeconds(30));
            Fixtures.eventually(() -> failedPasses(stalled) >= 2, Duration.ofSeconds(30));
            given().header("Authorization", bearer(CREDIT_ADMIN))
                    .get("/api/v1/campaigns/{id}", stalled)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("RATING"))
                    .body("householdsRated", equalTo(0))
                    .body("stall.since", notNullValue())
                    .body("stall.lastFailureAt", notNullValue())
                    .body(
                            "stall.reason",
                            equalTo("Rating stopped after 0 of 5 households: the batch from the start"
                                    + " failed and is tried again. The service log has the cause."));
        } finally {
            facts(village, "jsonb_set(facts, '{labourCount}', to_jsonb(substring(facts->>'labourCount' from 5)::int))");
        }
        // the pause after a few failed passes is some seconds
        Fixtures.eventually(() -> "POSTED".equals(status(stalled)), Duration.ofSeconds(60));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/campaigns/{id}", stalled)
                .then()
                .statusCode(200)
                .body("householdsRated", equalTo(5))
                .body("stall", Matchers.nullValue());
    }

    @Test
    void aCampaignInLanesRatesTheHealthyLaneWhileTheOtherStallsAndFinishesItOnceRepaired() {
        // two villages of 600: two lanes (at least 500 households each in tests), the second from its village
        Map.Entry<String, Set<UUID>> township = fixtures.freshTownship(600, 600);
        String second = township.getKey() + "202";
        facts(second, "jsonb_set(facts, '{labourCount}', to_jsonb('many' || (facts->>'labourCount')))");
        String campaign;
        try {
            campaign = start(township.getKey());
            // the healthy lane is rated (its batches wait out the campaign's pauses too), the other says where it
            // stopped
            String stopped = "Rating stopped after 600 of 1200 households: the batch from village " + second
                    + " failed and is tried again. The service log has the cause.";
            Fixtures.eventually(() -> stopped.equals(stallReason(campaign)), Duration.ofSeconds(60));
            given().header("Authorization", bearer(CREDIT_ADMIN))
                    .get("/api/v1/campaigns/{id}", campaign)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("RATING"))
                    .body("householdsRated", equalTo(600));
        } finally {
            facts(second, "jsonb_set(facts, '{labourCount}', to_jsonb(substring(facts->>'labourCount' from 5)::int))");
        }
        Fixtures.eventually(() -> "POSTED".equals(status(campaign)), Duration.ofSeconds(60));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/campaigns/{id}", campaign)
                .then()
                .statusCode(200)
                .body("householdsRated", equalTo(1200))
                .body("stall", Matchers.nullValue());
        List<UUID> rated =
                QuarkusTransaction.requiringNew().call(() -> fixtures.campaignHouseholds(UUID.fromString(campaign)));
        assertEquals(1200, rated.size(), "each household once");
        assertEquals(township.getValue(), new HashSet<>(rated));
    }

    private static String stallReason(String campaign) {
        return given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/campaigns/{id}", campaign)
                .then()
                .statusCode(200)
                .extract()
                .path("stall.reason");
    }

    private static String start(String division) {
        return given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", division))
                .post("/api/v1/campaigns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void facts(String village, String newValue) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE household_facts SET facts = " + newValue + " WHERE village_code = ?1")
                        .setParameter(1, village)
                        .executeUpdate());
    }

    private static int failedPasses(String campaign) {
        Integer passes = given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/campaigns/{id}", campaign)
                .then()
                .statusCode(200)
                .extract()
                .path("stall.failedPasses");
        return passes == null ? 0 : passes;
    }
}
