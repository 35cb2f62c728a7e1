package org.ruralcredit.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    private static final String A = "0b6f1c1e-1111-4c3a-9a1e-000000000001";
    private static final String B = "0b6f1c1e-1111-4c3a-9a1e-000000000002";
    private static final String C = "0b6f1c1e-1111-4c3a-9a1e-000000000003";

    @Test
    void newestFirstWithoutRepeatsAndBounded() {
        String kept = RecentIds.add(RecentIds.add(RecentIds.add(null, A, 2), B, 2), A, 2);
        assertEquals(List.of(A, B), RecentIds.parse(kept));
        assertEquals(List.of(C, A), RecentIds.parse(RecentIds.add(kept, C, 2)));
    }

    @Test
    void onlyUuidsAreKept() {
        assertEquals(List.of(A), RecentIds.parse("x." + A.toUpperCase() + ".<script>." + A));
        assertEquals(A, RecentIds.add(A, "not-an-id", 5));
    }
}
