package org.ruralcredit.rating.repository;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertThrows(IllegalArgumentException.class, () -> DivisionFilter.firstVillage("3302811"));
    }

    @Test
    void aDivisionsVillagesLieBetweenItsFirstAndLastCode() {
        assertEquals("330281000000", DivisionFilter.firstVillage("330281"));
        assertEquals("330281999999", DivisionFilter.lastVillage("330281"));
        assertEquals("330281100000", DivisionFilter.firstVillage("330281100"));
        assertEquals("330281100999", DivisionFilter.lastVillage("330281100"));
        // a village is its own range
        assertEquals("330281100202", DivisionFilter.firstVillage("330281100202"));
        assertEquals("330281100202", DivisionFilter.lastVillage("330281100202"));
        // twelve digits compare the same as text and as numbers, so the range holds every village below
        assertTrue("330281100202".compareTo(DivisionFilter.firstVillage("330281100")) >= 0);
        assertTrue("330281100202".compareTo(DivisionFilter.lastVillage("330281100")) <= 0);
        assertTrue("330281101001".compareTo(DivisionFilter.lastVillage("330281100")) > 0);
    }
}
