package org.ruralcredit.morality.rest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.morality.TestHouseholds;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class MakerCheckerFlowTest {

    static final String POINTS_TOPIC = "test.morality.points.v1";

    static ValidatableResponse propose(String user, Map<String, Object> body) {
        return given().header("Authorization", bearer(user))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/proposals")
                .then();
    }

    static Map<String, Object> deed(String householdId, String rule) {
        Map<String, Object> body = new HashMap<>();
        body.put("householdId", householdId);
        body.put("ruleCode", rule);
        body.put("deedDate", yesterday());
        body.put("description", "村民小组月度评议");
        body.put("evidenceNote", "村委会记录 第12页");
        return body;
    }

    static String proposed(String householdId, String rule) {
        var created =
                propose(CLERK_LINSHAN, deed(householdId, rule)).statusCode(201).extract();
        String id = created.path("proposal.id");
        assertTrue(created.header("Location").endsWith("/api/v1/proposals/" + id), created.header("Location"));
        return id;
    }

    static ValidatableResponse approve(String user, String proposalId) {
        return given().header("Authorization", bearer(user))
                .post("/api/v1/reviews/{id}/approval", proposalId)
                .then();
    }

    @Test
    void clerkProposesOfficialApprovesAndTheLedgerTheProfileAndKafkaAgree() {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        String proposalId = propose(CLERK_LINSHAN, deed(household, "L02"))
                .statusCode(201)
                .body("proposal.state", equalTo("PENDING"))
                .body("proposal.proposedBy", equalTo("clerk-linshan"))
                .body("proposal.proposedByName", equalTo("陈小燕"))
                .body("proposal.points", equalTo(10))
                .body("proposal.catalogueVersion", equalTo(1))
                .body("effect.countedPoints", equalTo(10))
                .body("effect.totalBefore", equalTo(60))
                .body("effect.totalAfter", equalTo(70))
                .body("effect.capped", equalTo(false))
                .extract()
                .path("proposal.id");

        // pending: nothing counts yet, and the official sees it waiting
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/households/{id}/profile", household)
                .then()
                .statusCode(200)
                .body("standing.totalPoints", equalTo(60))
                .body("recentEntries.size()", equalTo(0));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/reviews")
                .then()
                .statusCode(200)
                .body("id", hasItem(proposalId))
                .body("find { it.id == '" + proposalId + "' }.proposedByName", equalTo("陈小燕"));
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get("/api/v1/reviews")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(proposalId)));

        // another township's official and the clerk cannot approve
        approve(OFFICIAL_MAZHU, proposalId)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("proposal " + proposalId + " is outside your township"));
        approve(CLERK_LINSHAN, proposalId).statusCode(403).contentType("application/problem+json");

        try (KafkaTail tail = KafkaTail.of(POINTS_TOPIC)) {
            approve(OFFICIAL_LINSHAN, proposalId)
                    .statusCode(200)
                    .body("proposal.state", equalTo("APPROVED"))
                    .body("proposal.decidedBy", equalTo(OFFICIAL_LINSHAN))
                    .body("entry.seq", equalTo(1))
                    .body("entry.ruleCode", equalTo("L02"))
                    .body("entry.entryHash.length()", equalTo(64))
                    .body("standing.totalPoints", equalTo(70))
                    .body("standing.standards[0].points", equalTo(32));

            var received = tail.await(e -> e.aggregateId().equals(household), 1, Duration.ofSeconds(30));
            assertEquals(1, received.size(), "one morality.points.v1 event for the approval");
            assertEquals(household, received.get(0).key());
            MoralityPointsChanged data = received.get(0).event().dataAs(EventCatalog.MORALITY_POINTS_CHANGED);
            assertEquals(MoralityPointsChanged.ENTRY_APPROVED, data.cause());
            assertEquals(70, data.totalPoints());
            assertEquals(32, data.standards().get(0).points());
            assertEquals(LINSHAN_VILLAGE, data.villageCode());
            assertEquals(false, data.vetoed());
            // what a credit report shows: the status and the entry just approved, as the profile has them
            assertEquals("ACTIVE", data.status());
            assertEquals(1, data.recentEntries().size());
            MoralityPointsChanged.Entry approved = data.recentEntries().get(0);
            assertEquals("DEED", approved.kind());
            assertEquals("L02", approved.ruleCode());
            assertEquals(10, approved.points());
            assertEquals(LocalDate.parse(yesterday()), approved.deedDate());
            assertEquals("村民小组月度评议", approved.description());
            assertEquals(false, approved.reversed());
            ProfileOnTheEvent.assertCarriesTheProfile(data);
        }

        // the second approval is a conflict, and adds nothing
        approve(OFFICIAL_LINSHAN, proposalId)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:already-decided"))
                .body("code", equalTo("proposal.already-approved"))
                .body("args.proposalId", equalTo(proposalId))
                .body("detail", equalTo("proposal " + proposalId + " is already approved"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .post("/api/v1/reviews/{id}/approval", proposalId)
                .then()
                .statusCode(409)
                .body("code", equalTo("proposal.already-approved"))
                .body("detail", equalTo("申报 " + proposalId + " 已批准，不能再次审核。"));
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/households/{id}/entries", household)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].countedPoints", equalTo(10));

        // the clerk sees their proposal approved
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .queryParam("state", "APPROVED")
                .get("/api/v1/proposals")
                .then()
                .statusCode(200)
                .body("id", hasItem(proposalId));
    }

    @Test
    void rejectionNeedsAReasonAndWritesNothingToTheLedger() {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        String proposalId = proposed(household, "P01");

        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(Map.of("reason", " "))
                .post("/api/v1/reviews/{id}/rejection", proposalId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType("application/json")
                .body(Map.of("reason", "无现场照片，请补充证据"))
                .post("/api/v1/reviews/{id}/rejection", proposalId)
                .then()
                .statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("decisionReason", equalTo("无现场照片，请补充证据"));

        approve(OFFICIAL_LINSHAN, proposalId).statusCode(409);
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/proposals/{id}", proposalId)
                .then()
                .statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("ledgerEntryId", nullValue());
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/households/{id}/entries", household)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void nobodyApprovesTheirOwnProposal() {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        String proposalId = propose(OFFICIAL_LINSHAN, deed(household, "F02"))
                .statusCode(201)
                .extract()
                .path("proposal.id");

        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/reviews")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(proposalId)));
        approve(OFFICIAL_LINSHAN, proposalId)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("review.own-proposal"))
                .body("title", equalTo("Forbidden"))
                .body("detail", equalTo("nobody decides on their own proposal"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .header("Accept-Language", "zh-CN")
                .post("/api/v1/reviews/{id}/approval", proposalId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:forbidden"))
                .body("code", equalTo("review.own-proposal"))
                .body("title", equalTo("无权操作"))
                .body("detail", equalTo("任何人不得审核本人提交的申报。"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/proposals/{id}", proposalId)
                .then()
                .statusCode(200)
                .body("state", equalTo("PENDING"));
    }

    @Test
    void aCorrectionIsAReversingEntryThatReferencesTheOriginal() {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        String entryId = approve(OFFICIAL_LINSHAN, proposed(household, "H02"))
                .statusCode(200)
                .extract()
                .path("entry.id");

        Map<String, Object> reversal = new HashMap<>();
        reversal.put("householdId", household);
        reversal.put("kind", "REVERSAL");
        reversal.put("reversesEntryId", entryId);
        reversal.put("deedDate", yesterday());
        reversal.put("description", "核实有误，冲销");
        String reversalId = propose(CLERK_LINSHAN, reversal)
                .statusCode(201)
                .body("proposal.points", equalTo(-5))
                .body("effect.countedPoints", equalTo(-5))
                .extract()
                .path("proposal.id");
        propose(CLERK_LINSHAN, reversal)
                .statusCode(409)
                .body("type", equalTo("urn:ruralcredit:problem:already-reversed"));

        try (KafkaTail tail = KafkaTail.of(POINTS_TOPIC)) {
            approve(OFFICIAL_LINSHAN, reversalId)
                    .statusCode(200)
                    .body("entry.seq", equalTo(2))
                    .body("entry.reversesEntryId", equalTo(entryId))
                    .body("standing.totalPoints", equalTo(60));
            var received = tail.await(
                    e -> e.aggregateId().equals(household)
                            && e.dataAs(EventCatalog.MORALITY_POINTS_CHANGED)
                                    .cause()
                                    .equals(MoralityPointsChanged.REVERSAL),
                    1,
                    Duration.ofSeconds(30));
            assertEquals(1, received.size());
            MoralityPointsChanged data = received.get(0).event().dataAs(EventCatalog.MORALITY_POINTS_CHANGED);
            assertEquals(60, data.totalPoints());
            assertEquals(MoralityPointsChanged.REVERSAL, data.cause());
            // the report's entries: the reversal first, then the original, now shown reversed
            assertEquals(
                    List.of("REVERSAL", "DEED"),
                    data.recentEntries().stream()
                            .map(MoralityPointsChanged.Entry::kind)
                            .toList());
            assertEquals(-5, data.recentEntries().get(0).points());
            assertEquals(false, data.recentEntries().get(0).reversed());
            assertEquals("H02", data.recentEntries().get(1).ruleCode());
            assertEquals(5, data.recentEntries().get(1).points());
            assertEquals(true, data.recentEntries().get(1).reversed(), "the original shows reversed");
            ProfileOnTheEvent.assertCarriesTheProfile(data);
        }

        List<Map<String, Object>> entries = given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/households/{id}/entries", household)
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        assertEquals(2, entries.size());
        assertEquals(true, entries.get(0).get("reversed"), "the original stays, marked reversed");
        assertEquals(5, entries.get(0).get("points"), "and unchanged");
        assertTrue(entries.get(1).get("kind").equals("REVERSAL"));
    }

    @Test
    void twoApprovalsAtOnceMakeOneEntryAndOneConflict() throws Exception {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        String proposalId = proposed(household, "P04");
        String token = bearer(OFFICIAL_LINSHAN);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var calls = List.<Callable<Integer>>of(
                    () -> given().header("Authorization", token)
                            .post("/api/v1/reviews/{id}/approval", proposalId)
                            .statusCode(),
                    () -> given().header("Authorization", token)
                            .post("/api/v1/reviews/{id}/approval", proposalId)
                            .statusCode());
            List<Integer> statuses = new ArrayList<>();
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdown();
        }
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/households/{id}/entries", household)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }

    /** China's yesterday, read when a test asks (a suite may run across midnight). */
    static String yesterday() {
        return LocalDate.now(ServiceClock.CHINA).minusDays(1).toString();
    }
}
