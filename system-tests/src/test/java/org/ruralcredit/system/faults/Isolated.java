package org.ruralcredit.system.faults;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.ruralcredit.system.TestDatabase;

/**
 * A fault suite's own world: a schema of its own in each test database (dropped at the start, so
 * the accounting is exact) and topics of its own, so its tens of thousands of households and
 * events reach no other suite and no other suite's reach it.
 */
record Isolated(String schema, String topicPrefix) {

    /** Drops the schema in these databases; the services' Flyway makes it afresh. */
    void reset(TestDatabase... databases) throws SQLException {
        for (TestDatabase database : databases) {
            database.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** The settings that point a service at the schema in its test database and at the topics. */
    List<String> service(TestDatabase database) {
        return new ArrayList<>(List.of(
                "%test.quarkus.datasource.jdbc.url=" + database.urlWithSchema(schema),
                "quarkus.flyway.schemas=" + schema,
                "quarkus.flyway.default-schema=" + schema,
                "%test.ruralcredit.outbox.topic-prefix=" + topicPrefix));
    }

    /** credit-rating's settings: every channel it consumes, and its dead letters, on the suite's topics. */
    List<String> rating() {
        List<String> settings = service(TestDatabase.RATING);
        for (String[] channel : new String[][] {
            {"registry-household", "registry.household.v1"},
            {"registry-village", "registry.village.v1"},
            {"morality-points", "morality.points.v1"},
            {"lending-loan", "lending.loan.v1"}
        }) {
            settings.add("%test.mp.messaging.incoming." + channel[0] + ".topic=" + topicPrefix + channel[1]);
            settings.add("%test.mp.messaging.incoming." + channel[0] + ".dead-letter-queue.topic=" + topicPrefix
                    + "credit-rating.dead-letter");
        }
        return settings;
    }
}
