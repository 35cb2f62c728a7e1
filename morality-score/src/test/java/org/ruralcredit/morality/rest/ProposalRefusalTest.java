package org.ruralcredit.morality.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.TestHouseholds.OTHER_LINSHAN_VILLAGE;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.deed;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.propose;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralcredit.morality.TestHouseholds;

import io.quarkus.test.junit.QuarkusTest;

/** Each bad proposal is a problem+json naming what is wrong, and nothing of it is stored. */
@QuarkusTest
class ProposalRefusalTest {

    @Inject
    EntityManager em;

    private String household;

    @BeforeEach
    void household() {
        household = TestHouseholds.registered(LINSHAN_VILLAGE);
    }

    private long proposalsOf(String householdId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM proposal WHERE household_id = ?1")
                .setParameter(1, householdId).getSingleResult()).longValue();
    }

    private void refusedAsInvalid(Map<String, Object> body, String field, String message) {
        propose(CLERK_LINSHAN, body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:validation"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
        assertEquals(0, proposalsOf(household));
    }

    @Test
    void unknownHouseholdIs404() {
        String stranger = "hh-" + UUID.randomUUID();
        propose(CLERK_LINSHAN, deed(stranger, "P01")).statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("household " + stranger + " is not in the moral bank's directory"));
    }

    @Test
    void markupInTheDescriptionIsRefused() {
        Map<String, Object> body = deed(household, "P01");
        body.put("description", "<img src=x onerror=alert(1)>");
        refusedAsInvalid(body, "description", "must be plain text");
    }

    @Test
    void unknownRuleIsRefused() {
        refusedAsInvalid(deed(household, "Z99"), "ruleCode", "rule Z99 is not in catalogue version 1");
    }

    @Test
    void deedInTheFutureIsRefused() {
        Map<String, Object> body = deed(household, "P01");
        body.put("deedDate", LocalDate.now().plusDays(2).toString());
        refusedAsInvalid(body, "deedDate", "must not be in the future");
    }

    @Test
    void deedBeforeTheFirstCatalogueVersionIsRefused() {
        Map<String, Object> body = deed(household, "P01");
        body.put("deedDate", "2019-06-01");
        refusedAsInvalid(body, "deedDate", "before the first catalogue version");
    }

    @Test
    void ruleThatRequiresEvidenceWithoutAnyIsRefused() {
        Map<String, Object> body = deed(household, "L02");
        body.remove("evidenceNote");
        refusedAsInvalid(body, "evidenceNote", "requires evidence");
    }

    @Test
    void malformedEvidenceHashAndMissingFieldsAreListed() {
        Map<String, Object> body = deed(household, "P01");
        body.put("evidenceHash", "not-a-hash");
        body.remove("description");
        propose(CLERK_LINSHAN, body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("description", "evidenceHash"));
        assertEquals(0, proposalsOf(household));
    }

    @Test
    void unknownJsonFieldIsRefused() {
        Map<String, Object> body = deed(household, "P01");
        body.put("points", 50);
        propose(CLERK_LINSHAN, body).statusCode(400).contentType("application/problem+json");
        assertEquals(0, proposalsOf(household));
    }

    @Test
    void clerkOutsideTheirVillageAndOfficialOutsideTheirTownshipAreRefused() {
        String elsewhere = TestHouseholds.registered(OTHER_LINSHAN_VILLAGE);
        propose(CLERK_LINSHAN, deed(elsewhere, "P01")).statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("household " + elsewhere + " is outside your village"));
        propose(OFFICIAL_MAZHU, deed(household, "P01")).statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("household " + household + " is outside your township"));
        assertEquals(0, proposalsOf(elsewhere));
        assertEquals(0, proposalsOf(household));
    }

    @Test
    void unknownProposalIs404() {
        given().header("Authorization", org.ruralcredit.testing.DemoUsers.bearer(org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN))
                .post("/api/v1/reviews/{id}/approval", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
