package org.ruralcredit.console.view;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ChartFiguresTest {

    @Test
    void creditShareCountsAaaAaAndAOverTheVillagesHouseholds() {
        Map<String, Long> grades = Map.of("AAA", 10L, "AA", 20L, "A", 5L, "NONE", 7L, "UNRATED", 3L);
        assertEquals(new BigDecimal("70.0"), ChartFigures.creditShare(grades, 50));
        assertEquals(new BigDecimal("33.3"), ChartFigures.creditShare(Map.of("A", 1L), 3));
    }

    @Test
    void withoutTheVillagesTotalThereIsNoShare() {
        assertNull(ChartFigures.creditShare(Map.of("AAA", 1L), null));
        assertNull(ChartFigures.creditShare(Map.of("AAA", 1L), 0));
    }

    @Test
    void countsComeInTheChartsGradeOrderWithZeros() {
        assertEquals(
                List.of(0L, 4L, 0L, 2L, 0L),
                ChartFigures.countsInOrder(Map.of("NONE", 2L, "AA", 4L), ChartFigures.GRADES));
    }
}
