package org.ruralcredit.rating.domain.monitoring;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PopulationStabilityTest {

    /** Bins (−∞, 60), [60, 70), [70, 80), [80, +∞). */
    static final ScoreBins BINS = new ScoreBins(List.of(60.0, 70.0, 80.0));

    static List<Double> scores(int below60, int sixties, int seventies, int eightyUp) {
        return Stream.of(
                        Collections.nCopies(below60, 55.0), Collections.nCopies(sixties, 65.0),
                        Collections.nCopies(seventies, 75.0), Collections.nCopies(eightyUp, 85.0))
                .flatMap(List::stream)
                .toList();
    }

    @Test
    void binsAreLeftClosed() {
        assertEquals(0, BINS.binOf(59.99));
        assertEquals(1, BINS.binOf(60));
        assertEquals(3, BINS.binOf(80));
        assertEquals(3, BINS.binOf(1000));
        assertEquals("[70.0, 80.0)", BINS.label(2));
    }

    @Test
    void psiByHand() {
        // Baseline shares 0.1, 0.2, 0.3, 0.4; current 0.2, 0.3, 0.3, 0.2.
        // PSI = 0.1·ln 2 + 0.1·ln 1.5 + 0 + (−0.2)·ln 0.5
        //     = 0.069315 + 0.040547 + 0 + 0.138629 = 0.248491.
        PopulationStability.Result result = PopulationStability.index(
                BINS, scores(1, 2, 3, 4), scores(2, 3, 3, 2), PopulationStability.DEFAULT_EMPTY_BIN_SHARE);
        assertEquals(0.248491, result.index(), 1e-6);
        assertEquals(0.138629, result.bins().get(3).contribution(), 1e-6);
        assertEquals(0, result.bins().get(2).contribution(), 1e-12);
    }

    @Test
    void identicalDistributionsHaveZeroPsi() {
        assertEquals(
                0,
                PopulationStability.index(BINS, scores(1, 2, 3, 4), scores(2, 4, 6, 8), 0.0001)
                        .index(),
                1e-12);
    }

    @Test
    void emptyBinsUseTheSmallShare() {
        // Baseline 5, 5, 0, 0 → shares 0.5, 0.5, then 0.0001 for the two empty bins; current 0.25 each.
        // (0.25 − 0.5)·ln 0.5 = 0.173287, twice; (0.25 − 0.0001)·ln(0.25 / 0.0001) = 0.2499 × 7.824046 = 1.955229,
        // twice.
        // PSI = 0.346574 + 3.910458 = 4.257032.
        PopulationStability.Result result =
                PopulationStability.index(BINS, scores(5, 5, 0, 0), scores(2, 2, 2, 2), 0.0001);
        assertEquals(4.257032, result.index(), 1e-6);
        assertEquals(0.0001, result.bins().get(2).expectedShare(), 1e-12);
    }

    @Test
    void refusesEmptyPeriodsAndUnorderedCuts() {
        assertThrows(
                IllegalArgumentException.class,
                () -> PopulationStability.index(BINS, List.of(), scores(1, 1, 1, 1), 0.0001));
        assertThrows(IllegalArgumentException.class, () -> new ScoreBins(List.of(70.0, 60.0)));
    }
}
