package org.ruralcredit.registry.service;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerStatisticsTest {

    @Test
    void dueAfterTheFirstThousandThenAtEachDoubling() {
        PlannerStatistics statistics = new PlannerStatistics();
        List<Long> due = new ArrayList<>();
        for (long processed = 200; processed <= 20_000; processed += 200) {
            if (statistics.dueAfter(processed)) {
                due.add(processed);
            }
        }
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 8_000L, 16_000L), due);
    }

    @Test
    void aLargeStepCountsAsOneRefresh() {
        PlannerStatistics statistics = new PlannerStatistics();
        assertFalse(statistics.dueAfter(999));
        assertTrue(statistics.dueAfter(9_000));
        assertFalse(statistics.dueAfter(15_000), "the next refresh is at 16,000, not at every chunk after 9,000");
        assertTrue(statistics.dueAfter(16_000));
    }
}
