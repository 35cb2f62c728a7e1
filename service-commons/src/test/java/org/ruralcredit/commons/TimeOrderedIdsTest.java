package org.ruralcredit.commons;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.persistence.TimeOrderedIds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7UniqueAndAscendInTheOrderPostgresqlSortsThem() {
        long before = System.currentTimeMillis();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertEquals(10_000, new HashSet<>(ids).size());
        for (int i = 1; i < ids.size(); i++) {
            // PostgreSQL orders uuid by its bytes, unsigned: compare the hex forms
            assertTrue(
                    ids.get(i - 1).toString().compareTo(ids.get(i).toString()) < 0,
                    ids.get(i - 1) + " !< " + ids.get(i));
        }
        UUID first = ids.get(0);
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        long millis = first.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= System.currentTimeMillis(), "the id begins with the time it was made");
    }
}
