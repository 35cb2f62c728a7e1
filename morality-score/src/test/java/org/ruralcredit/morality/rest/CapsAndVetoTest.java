package org.ruralcredit.morality.rest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.morality.TestHouseholds;
import org.ruralcredit.testing.KafkaTail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.POINTS_TOPIC;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.approve;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.deed;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.propose;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.proposed;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.yesterday;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class CapsAndVetoTest {

    @Test
    void aProposalBeyondTheRulesYearlyCapIsAcceptedButCountsOnlyUpToTheCap() {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        for (int i = 0; i < 5; i++) {
            approve(OFFICIAL_LINSHAN, proposed(household, "P01")).statusCode(200);
        }

        String sixth = propose(CLERK_LINSHAN, deed(household, "P01"))
                .statusCode(201)
                .body("effect.nominalPoints", equalTo(2))
                .body("effect.countedPoints", equalTo(0))
                .body("effect.capped", equalTo(true))
                .body("effect.note", containsString("yearly cap of 10"))
                .extract()
                .path("proposal.id");
        approve(OFFICIAL_LINSHAN, sixth)
                .statusCode(200)
                .body("entry.points", equalTo(2))
                .body("entry.countedPoints", equalTo(0))
                .body("standing.standards[1].points", equalTo(22))
                .body("standing.totalPoints", equalTo(69));

        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("rule", "P01")
                .get("/api/v1/households/{id}/entries", household)
                .then()
                .statusCode(200)
                .body("size()", equalTo(6))
                .body("countedPoints", equalTo(List.of(2, 2, 2, 2, 2, 0)));
    }

    @Test
    void aStandardIsHeldAtItsCapAndTheResponseSaysSo() {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        approve(OFFICIAL_LINSHAN, proposed(household, "L02")).statusCode(200);
        propose(CLERK_LINSHAN, deed(household, "L02"))
                .statusCode(201)
                .body("effect.countedPoints", equalTo(10))
                .body("effect.totalBefore", equalTo(70))
                .body("effect.totalAfter", equalTo(74))
                .body("effect.capped", equalTo(true))
                .body("effect.note", containsString("LAW_AND_CIVILITY is held between 0 and its cap"));
    }

    @Test
    void aVetoMakesAnEligibleHouseholdIneligibleAndIsAnnounced() {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        for (String rule : List.of("L02", "L02", "P01", "P01", "P01")) {
            approve(OFFICIAL_LINSHAN, proposed(household, rule)).statusCode(200);
        }
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/profile", household)
                .then()
                .statusCode(200)
                .body("standing.totalPoints", equalTo(80))
                .body("standing.eligible", equalTo(true))
                .body("standing.moralCreditLine", equalTo(30000))
                .body("standing.greenCard", equalTo(false));

        Map<String, Object> veto = new HashMap<>();
        veto.put("householdId", household);
        veto.put("kind", "VETO");
        veto.put("vetoCode", "V02");
        veto.put("deedDate", yesterday());
        veto.put("description", "列入失信被执行人名单");
        veto.put("evidenceHash", "a".repeat(64));
        String vetoId = propose(CLERK_LINSHAN, veto).statusCode(201).extract().path("proposal.id");

        try (KafkaTail tail = KafkaTail.of(POINTS_TOPIC)) {
            approve(OFFICIAL_LINSHAN, vetoId)
                    .statusCode(200)
                    .body("standing.vetoed", equalTo(true))
                    .body("standing.eligible", equalTo(false))
                    .body("standing.moralCreditLine", equalTo(0))
                    .body("standing.totalPoints", equalTo(80));
            MoralityPointsChanged data = tail.await(
                            e -> e.aggregateId().equals(household)
                                    && e.dataAs(EventCatalog.MORALITY_POINTS_CHANGED)
                                            .cause()
                                            .equals(MoralityPointsChanged.VETO),
                            1,
                            Duration.ofSeconds(30))
                    .get(0)
                    .event()
                    .dataAs(EventCatalog.MORALITY_POINTS_CHANGED);
            assertEquals(MoralityPointsChanged.VETO, data.cause());
            assertEquals(List.of("V02"), data.vetoCodes());
            assertEquals(false, data.eligible());
            assertEquals(6, data.recentEntries().size(), "the veto and the five deeds");
            assertEquals("V02", data.recentEntries().get(0).vetoCode());
            ProfileOnTheEvent.assertCarriesTheProfile(data);
        }
    }

    @Test
    void aVetoNeedsAKnownItemAndEvidence() {
        String household = TestHouseholds.registered(LINSHAN_VILLAGE);
        Map<String, Object> veto = new HashMap<>();
        veto.put("householdId", household);
        veto.put("kind", "VETO");
        veto.put("vetoCode", "V09");
        veto.put("deedDate", yesterday());
        veto.put("description", "?");
        propose(CLERK_LINSHAN, veto).statusCode(400).body("errors[0].field", equalTo("vetoCode"));
        veto.put("vetoCode", "V01");
        propose(CLERK_LINSHAN, veto).statusCode(400).body("errors[0].field", equalTo("evidenceNote"));
    }
}
