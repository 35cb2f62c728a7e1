package org.ruralcredit.rating.service;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.rating.Fixtures;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.domain.HouseholdRating;
import org.ruralcredit.rating.messaging.HouseholdFactsConsumer;
import org.ruralcredit.rating.repository.HouseholdFactsRepository;
import org.ruralcredit.rating.repository.HouseholdRatingRepository;
import org.ruralcredit.rating.rest.HouseholdRatingResource;
import org.ruralcredit.testing.StandInCaller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Event-driven re-rating against PostgreSQL only: registry events are handed to the consumer's
 * method as the broker would deliver them, and the rater, woken when the marking transaction
 * commits, rates the household once the quiet period (1 s in tests) has passed.
 */
@QuarkusTest
@TestProfile(PostgresOnlyProfile.class)
class HouseholdRaterTest {

    @Inject
    Fixtures fixtures;

    @Inject
    HouseholdFactsConsumer consumer;

    @Inject
    HouseholdRatingRepository ratings;

    @Inject
    HouseholdFactsRepository householdFacts;

    @Inject
    EntityManager em;

    @Inject
    HouseholdRatingResource resource;

    private void received(HouseholdChanged change) {
        consumer.onHouseholdChanged(EventCodec.encode(
                EventEnvelope.of(EventCatalog.HOUSEHOLD_CHANGED, change.householdId(), "farmer-registry", change)));
    }

    private List<HouseholdRating> ratingsOf(UUID household) {
        return QuarkusTransaction.requiringNew().call(() -> ratings.ofHousehold(household));
    }

    @Test
    void aBurstOfCorrectionsIsRatedOnceFromTheLastVersionAndALateOlderOneChangesNothing() {
        String village = fixtures.freshVillage(5);
        UUID household = UUID.randomUUID();
        String id = household.toString();
        received(Fixtures.facts(id, village, 1, 400_000));
        received(Fixtures.facts(id, village, 2, 300_000));
        received(Fixtures.listedFacts(id, village, 3));
        Fixtures.eventually(() -> !ratingsOf(household).isEmpty(), Duration.ofSeconds(20));

        // an older version delivered late is not applied and marks nothing
        received(Fixtures.facts(id, village, 2, 400_000));
        HouseholdFactsRecord kept = QuarkusTransaction.requiringNew().call(() -> householdFacts.find(household));
        assertEquals(3, kept.sourceVersion);
        assertFalse(kept.needsRating);

        List<HouseholdRating> rated = ratingsOf(household);
        assertEquals(1, rated.size());
        HouseholdRating rating = rated.get(0);
        assertEquals(3, rating.sourceVersion);
        assertEquals(HouseholdRating.Status.PROVISIONAL, rating.status);
        assertFalse(rating.creditHousehold);
        String payload = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT payload FROM outbox_event WHERE aggregate_id = ?1 ORDER BY id DESC LIMIT 1")
                .setParameter(1, id)
                .getSingleResult());
        HouseholdRated announced = EventCodec.decode(payload).dataAs(EventCatalog.HOUSEHOLD_RATED);
        assertEquals(rating.id.toString(), announced.ratingId());
        assertEquals(3, announced.sourceVersion());

        // the event carries what /rating shows of it: the top reasons with their names and points,
        // the validity (none while provisional) and the household's current rating, this one
        QuarkusMock.installMockForType(StandInCaller.of("credit-admin", Role.CREDIT_ADMIN, null), Caller.class);
        HouseholdRatingResource.RatingView shown = resource.current(household);
        assertEquals(rating.id, shown.id());
        assertFalse(shown.reasons().isEmpty());
        assertEquals(
                shown.reasons().stream()
                        .map(r -> new HouseholdRated.Reason(r.indicator(), r.nameZh(), r.nameEn(), r.pointsLost()))
                        .toList(),
                announced.reasonDetails());
        assertNull(shown.validUntil());
        assertNull(announced.validUntil());
        assertEquals(shown.id().toString(), announced.currentRatingId());
    }
}
