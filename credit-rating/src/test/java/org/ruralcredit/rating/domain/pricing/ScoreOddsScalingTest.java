package org.ruralcredit.rating.domain.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScoreOddsScalingTest {

    private static final double EPS = 1e-9;

    @Test
    void oddsDoubleEveryPdoPoints() {
        // offset 60 (even odds at 60), PDO 10: odds 2 at 70, 4 at 80, 8 at 90, 1/2 at 50.
        ScoreOddsScaling scaling = new ScoreOddsScaling(60, 10);
        assertEquals(60, scaling.score(1), EPS);
        assertEquals(90, scaling.score(8), EPS);
        assertEquals(4, scaling.odds(80), EPS);
        assertEquals(0.5, scaling.odds(50), EPS);
    }

    @Test
    void scoreAndOddsAreInverses() {
        ScoreOddsScaling scaling = new ScoreOddsScaling(42.5, 7);
        assertEquals(13.7, scaling.odds(scaling.score(13.7)), 1e-9);
        assertEquals(77, scaling.score(scaling.odds(77)), 1e-9);
    }

    @Test
    void anchoredAtBaseOdds() {
        // 10:1 at 60 with PDO 10: offset = 60 − (10 / ln 2) · ln 10 = 60 − 33.2193 = 26.7807.
        ScoreOddsScaling scaling = ScoreOddsScaling.anchoredAt(60, 10, 10);
        assertEquals(26.7807, scaling.offset(), 1e-4);
        assertEquals(10, scaling.odds(60), 1e-9);
        assertEquals(20, scaling.odds(70), 1e-9);
    }

    @Test
    void refusesNonPositiveOddsAndPdo() {
        ScoreOddsScaling scaling = new ScoreOddsScaling(60, 10);
        assertThrows(IllegalArgumentException.class, () -> scaling.score(0));
        assertThrows(IllegalArgumentException.class, () -> scaling.score(-1));
        assertThrows(IllegalArgumentException.class, () -> new ScoreOddsScaling(60, 0));
    }
}
