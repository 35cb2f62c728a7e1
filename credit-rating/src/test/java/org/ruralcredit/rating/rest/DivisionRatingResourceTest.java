package org.ruralcredit.rating.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.events.rating.TownshipRated;
import org.ruralcredit.events.rating.VillageRated;
import org.ruralcredit.rating.Fixtures;
import org.ruralcredit.testing.KafkaSend;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class DivisionRatingResourceTest {

    private static final String LOANS = "test." + EventCatalog.LOAN_CHANGED.topic();

    @Inject
    Fixtures fixtures;

    static EventEnvelope<LoanChanged> loan(
            String hash,
            UUID household,
            long outstandingFen,
            int overdueDays,
            String classification,
            int revision,
            String loanId) {
        return Fixtures.loan(hash, household, outstandingFen, overdueDays, classification, false, revision, loanId);
    }

    /**
     * 10 households in the profile, 6 of them credit households (60%); all 10 borrow, none overdue,
     * nothing non-performing. 60% meets the regional "≥ 50" but not the default "≥ 70".
     */
    private String villageOfSixCreditHouseholdsInTen() {
        String village = fixtures.freshVillage(10);
        List<String> hashes = new ArrayList<>();
        List<EventEnvelope<LoanChanged>> loans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String hash = Fixtures.randomHash();
            hashes.add(hash);
            // linked by the loan events alone: the household's facts carry no borrower hash
            UUID household = fixtures.household(village, i < 6, null);
            String loanId = UUID.randomUUID().toString();
            // reported once as 30 days overdue, then (revision 2) current again; the late revision 1 copy changes
            // nothing
            loans.add(loan(hash, household, 4_000_000, 30, "SPECIAL_MENTION", 1, loanId));
            loans.add(loan(hash, household, 3_000_000, 0, "NORMAL", 2, loanId));
            loans.add(loan(hash, household, 4_000_000, 30, "SPECIAL_MENTION", 1, loanId));
        }
        KafkaSend.send(LOANS, loans.toArray(EventEnvelope[]::new));
        Fixtures.eventually(() -> hashes.stream().allMatch(h -> fixtures.loansOf(h) == 1), Duration.ofSeconds(30));
        return village;
    }

    private static String compute(String user, String division, String ruleSet) {
        Map<String, Object> body =
                ruleSet == null ? Map.of("division", division) : Map.of("division", division, "ruleSet", ruleSet);
        return given().header("Authorization", bearer(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aVillageThatPassesTheRegionalRulesButFailsTheDefaultOnes() {
        String village = villageOfSixCreditHouseholdsInTen();
        // loans settle on revision 2 only after the duplicates: overdue 0, balance 30,000 yuan each
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", village))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(201)
                .body("ruleSet", equalTo("village-default"))
                .body("ruleSetVersion", equalTo(2))
                .body("outcome", equalTo("FAILED"))
                .body("status", equalTo("PENDING"))
                .body("computedBy", equalTo("credit-admin"))
                .body("criteria", hasSize(4))
                .body("criteria[0].measure", equalTo("CREDIT_HOUSEHOLD_SHARE"))
                .body("criteria[0].measuredPercent", equalTo(60.00f))
                .body("criteria[0].comparison", equalTo("≥"))
                .body("criteria[0].threshold", equalTo(70))
                .body("criteria[0].status", equalTo("FAIL"))
                .body("criteria[1].measuredPercent", equalTo(100.00f))
                .body("criteria[1].status", equalTo("PASS"))
                .body("criteria[2].measuredPercent", equalTo(0.00f))
                .body("criteria[2].status", equalTo("PASS"))
                .body("criteria[3].status", equalTo("PASS"))
                .body("figures.householdsInProfile", equalTo(10))
                .body("figures.creditHouseholds", equalTo(6))
                .body("figures.borrowers", equalTo(10))
                .body("figures.borrowersWithOverdue", equalTo(0))
                .body("figures.outstandingFen", equalTo(30_000_000));

        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", village, "ruleSet", "village-regional-50-90-3"))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("PASSED"))
                .body("ruleSetVersion", equalTo(2))
                .body("criteria", hasSize(3))
                .body("criteria[0].threshold", equalTo(50))
                .body("criteria[0].status", equalTo("PASS"))
                .body("criteria[1].comparison", equalTo("≥"))
                .body("criteria[2].comparison", equalTo("≤"));
    }

    @Test
    void theTownshipApprovesAVillageAndTheApprovalIsPublished() {
        String village = villageOfSixCreditHouseholdsInTen();
        String id = compute(CREDIT_ADMIN, village, "village-regional-50-90-3");

        // only the official of the village's own township decides; nobody decides twice
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("approve", true))
                .post("/api/v1/division-ratings/{id}/decision", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .contentType(ContentType.JSON)
                .body(Map.of("approve", true))
                .post("/api/v1/division-ratings/{id}/decision", id)
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/division-ratings/current?division=" + village)
                .then()
                .statusCode(404);
        try (KafkaTail tail = KafkaTail.of("test." + EventCatalog.VILLAGE_RATED.topic())) {
            given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .contentType(ContentType.JSON)
                    .body(Map.of("approve", true, "note", "公示无异议"))
                    .post("/api/v1/division-ratings/{id}/decision", id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("decidedBy", equalTo("official-linshan"))
                    .body("computedBy", equalTo("credit-admin"));
            List<KafkaTail.Received> events =
                    tail.await(e -> e.aggregateId().equals(village), 1, Duration.ofSeconds(20));
            assertEquals(1, events.size());
            VillageRated rated = events.get(0).event().dataAs(EventCatalog.VILLAGE_RATED);
            assertEquals(id, rated.ratingId());
            assertEquals("PASSED", rated.outcome());
            assertEquals("village-regional-50-90-3", rated.ruleSetId());
            assertEquals("official-linshan", rated.approvedBy());
            assertEquals("credit-admin", rated.computedBy());
            assertEquals(3, rated.criteria().size(), "the regional set's three criteria, no NPL growth");
            assertEquals("330281100", rated.townshipCode());
        }
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("approve", false))
                .post("/api/v1/division-ratings/{id}/decision", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/division-ratings/current?division=" + village)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("title", equalTo("信用村"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/division-ratings?division=" + village)
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get("/api/v1/division-ratings/{id}", id)
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/division-ratings/{id}", id)
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/division-ratings/{id}", id)
                .then()
                .statusCode(403);
    }

    @Test
    void theCountyApprovesATownshipButNobodyApprovesTheirOwnResult() {
        fixtures.freshVillage(10); // the township has at least one village
        String township = compute(OFFICIAL_LINSHAN, Fixtures.LINSHAN, null);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("approve", true))
                .post("/api/v1/division-ratings/{id}/decision", township)
                .then()
                .statusCode(403);
        try (KafkaTail tail = KafkaTail.of("test." + EventCatalog.TOWNSHIP_RATED.topic())) {
            given().header("Authorization", bearer(CREDIT_ADMIN))
                    .contentType(ContentType.JSON)
                    .body(Map.of("approve", true))
                    .post("/api/v1/division-ratings/{id}/decision", township)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("criteria", hasSize(4))
                    .body("criteria[0].measure", equalTo("CREDIT_VILLAGE_SHARE"));
            List<KafkaTail.Received> events = tail.await(
                    e -> e.dataAs(EventCatalog.TOWNSHIP_RATED).ratingId().equals(township), 1, Duration.ofSeconds(20));
            TownshipRated rated = events.get(0).event().dataAs(EventCatalog.TOWNSHIP_RATED);
            assertEquals("official-linshan", rated.computedBy());
            assertEquals("credit-admin", rated.approvedBy());
        }
        // another township's official may not compute it; a county is computed by a credit-admin only
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .contentType(ContentType.JSON)
                .body(Map.of("division", Fixtures.LINSHAN))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", "330281"))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(403);
        String county = compute(CREDIT_ADMIN, "330281", null);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("approve", true))
                .post("/api/v1/division-ratings/{id}/decision", county)
                .then()
                .statusCode(403)
                .body("detail", equalTo("The person who computed a rating cannot also decide on it."))
                .body("code", equalTo("division-rating.same-person"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .contentType(ContentType.JSON)
                .body(Map.of("approve", true))
                .post("/api/v1/division-ratings/{id}/decision", county)
                .then()
                .statusCode(403)
                .header("Vary", Matchers.containsString("Accept-Language"))
                .body("code", equalTo("division-rating.same-person"))
                .body("type", equalTo("urn:ruralcredit:problem:forbidden"))
                .body("detail", equalTo("评定结果的计算人不能同时审批该结果。"));
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", "330281100202"))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(AUDITOR))
                .contentType(ContentType.JSON)
                .body(Map.of("division", "330281100202"))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(403);
    }

    @Test
    void badRequestsAreRefusedAndNothingIsStored() {
        String village = fixtures.freshVillage(10);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", "12345"))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("division"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", village, "ruleSet", "no-such-rules"))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("ruleSet"))
                .body("code", equalTo("validation"))
                .body("errors[0].code", equalTo("rule-set.unknown"))
                .body("errors[0].args.ruleSet", equalTo("no-such-rules"))
                .body("errors[0].message", equalTo("no-such-rules is not a known rule set"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON)
                .body(Map.of("division", village, "ruleSet", "no-such-rules"))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("rule-set.unknown"))
                .body("title", equalTo("请求内容有误"))
                .body("errors[0].message", equalTo("no-such-rules 不是已有的评定规则"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", village, "ruleSet", "township-default"))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("ruleSet"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", "330281199999"))
                .post("/api/v1/division-ratings")
                .then()
                .statusCode(404);
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .get("/api/v1/division-ratings?division=" + village)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("approve", true))
                .post("/api/v1/division-ratings/{id}/decision", UUID.randomUUID())
                .then()
                .statusCode(404);
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/division-ratings/rule-sets")
                .then()
                .statusCode(200)
                .body("id", hasItem("village-regional-50-90-3"));
    }

    @Test
    void gradeDistributionsPerDivision() {
        String village = fixtures.freshVillage(10);
        fixtures.household(village, true, null);
        fixtures.household(village, true, null);
        fixtures.household(village, false, null);
        fixtures.household(village, null, null);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("division", village)
                .get("/api/v1/grade-distributions")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].grades.AA", equalTo(2))
                .body("[0].grades.NONE", equalTo(1))
                .body("[0].grades.UNRATED", equalTo(1))
                .body("[0].households", equalTo(4));
        given().header("Authorization", bearer(AUDITOR))
                .queryParam("division", Fixtures.LINSHAN)
                .queryParam("by", "VILLAGE")
                .get("/api/v1/grade-distributions")
                .then()
                .statusCode(200)
                .body("find { it.division == '" + village + "' }.households", equalTo(4));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("division", "330281")
                .queryParam("by", "TOWNSHIP")
                .get("/api/v1/grade-distributions")
                .then()
                .statusCode(200)
                .body("division", hasItem(Fixtures.LINSHAN));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("division", village)
                .queryParam("by", "TOWNSHIP")
                .get("/api/v1/grade-distributions")
                .then()
                .statusCode(400);
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .queryParam("division", village)
                .get("/api/v1/grade-distributions")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(LOAN_OFFICER))
                .queryParam("division", village)
                .get("/api/v1/grade-distributions")
                .then()
                .statusCode(403);
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .queryParam("division", village)
                .get("/api/v1/grade-distributions")
                .then()
                .statusCode(403);
    }
}
