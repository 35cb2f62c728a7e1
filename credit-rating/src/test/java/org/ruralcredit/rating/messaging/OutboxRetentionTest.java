package org.ruralcredit.rating.messaging;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.outbox.OutboxRetention;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Published outbox rows are deleted after the retention period (seven days); unpublished ones never. */
@QuarkusTest
class OutboxRetentionTest {

    /** No consumer reads it: the relay may publish the unpublished probe row while the test runs. */
    private static final String PROBE_TOPIC = "test.outbox-retention-probe";

    @Inject
    OutboxRetention retention;

    @Inject
    EntityManager em;

    @Test
    void rowsPublishedBeforeTheRetentionPeriodAreDeletedAndNoUnpublishedRowIs() {
        UUID publishedLongAgo = probe("now() - interval '30 days'", "now() - interval '8 days'");
        UUID publishedYesterday = probe("now() - interval '30 days'", "now() - interval '1 day'");
        UUID neverPublished = probe("now() - interval '30 days'", "NULL");

        retention.prune();

        // gone, by this pass or by the scheduled one, which may run at the same moment (a minute after start)
        assertEquals(0, rows(publishedLongAgo));
        assertEquals(1, rows(publishedYesterday), "still within the seven days");
        assertEquals(1, rows(neverPublished), "an event not yet published is kept, however old");
    }

    private UUID probe(String createdAt, String publishedAt) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, event_type, topic, aggregate_id, payload, created_at, published_at)
                        VALUES (?1, 'retention-probe', ?2, 'probe', '{}', %s, %s)""".formatted(createdAt, publishedAt))
                        .setParameter(1, eventId)
                        .setParameter(2, PROBE_TOPIC)
                        .executeUpdate());
        return eventId;
    }

    private long rows(UUID eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE event_id = ?1")
                                .setParameter(1, eventId)
                                .getSingleResult())
                        .longValue());
    }
}
