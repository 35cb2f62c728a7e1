package org.ruralcredit.morality.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruralcredit.morality.TestHouseholds;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.rest.MakerCheckerFlowTest.deed;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** A deed proposal sent with an Idempotency-Key: a resend gets the first answer and proposes once. */
@QuarkusTest
class IdempotentProposalTest {

    @Inject
    EntityManager em;

    private String household;

    @BeforeEach
    void household() {
        household = TestHouseholds.registered(LINSHAN_VILLAGE);
    }

    private static ExtractableResponse<Response> propose(String key, Map<String, Object> body) {
        return given().header("Authorization", bearer(CLERK_LINSHAN))
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post("/api/v1/proposals")
                .then()
                .extract();
    }

    private long proposalsOf(String householdId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM proposal WHERE household_id = ?1")
                        .setParameter(1, householdId)
                        .getSingleResult())
                .longValue();
    }

    @Test
    void aResentProposalIsAnsweredTheSameAndProposedOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = deed(household, "P01");

        ExtractableResponse<Response> first = propose(key, body);
        assertEquals(201, first.statusCode(), first.asString());
        assertNull(first.header("Idempotent-Replayed"));
        ExtractableResponse<Response> again = propose(key, body);

        assertEquals(201, again.statusCode(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.asString(), again.asString());
        String id = first.path("proposal.id");
        assertTrue(first.header("Location").endsWith("/api/v1/proposals/" + id), first.header("Location"));
        assertEquals(1, proposalsOf(household));
    }

    @Test
    void theSameKeyForAnotherProposalIs422AndProposesNothing() {
        String key = UUID.randomUUID().toString();
        assertEquals(201, propose(key, deed(household, "P01")).statusCode());
        Map<String, Object> other = deed(household, "P01");
        other.put("description", "另一件好人好事");

        ExtractableResponse<Response> reused = propose(key, other);

        assertEquals(422, reused.statusCode(), reused.asString());
        assertTrue(reused.contentType().startsWith("application/problem+json"), reused.contentType());
        assertEquals("request.idempotency-key-reused", reused.path("code"));
        assertEquals(1, proposalsOf(household));
    }
}
