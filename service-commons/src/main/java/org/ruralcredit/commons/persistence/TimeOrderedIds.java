package org.ruralcredit.commons.persistence;

import java.util.UUID;

import org.hibernate.id.uuid.UuidVersion7Strategy;

/**
 * Identifiers for rows written in bulk: version 7 UUIDs, which begin with the time they were made,
 * so a key index takes new rows at its end instead of on a random page. A random key costs one
 * index page read per row once a table outgrows the buffer cache (a million households and their
 * members, revisions and person links). The order leaks only when a row was made, which each of
 * these rows also records.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {}

    public static UUID next() {
        // Hibernate's generator: monotonic within a millisecond, random below; it needs no session
        return UuidVersion7Strategy.INSTANCE.generateUuid(null);
    }
}
