package org.ruralcredit.rating.repository;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DivisionFilterTest {

    @Test
    void countiesAndTownshipsUseTheExpressionsThatHaveStatistics() {
        // the same expressions as the CREATE STATISTICS of V8: anything else is planned blind
        assertEquals("left(village_code, 6) = ?1", DivisionFilter.villageIn("330281", 1));
        assertEquals("left(village_code, 9) = ?3", DivisionFilter.villageIn("330281100", 3));
    }

    @Test
    void aVillageIsTheColumnItself() {
        assertEquals("village_code = ?1", DivisionFilter.villageIn("330281100202", 1));
    }

    @Test
    void noOtherLengthIsADivision() {
        assertThrows(IllegalArgumentException.class, () -> DivisionFilter.villageIn("3302", 1));
    }
}
