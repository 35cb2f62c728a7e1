package org.ruralcredit.morality.domain;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrimmedMeanAndNameMaskTest {

    @Test
    void highestAndLowestAreDropped() {
        assertEquals(new BigDecimal("80.00"), TrimmedMean.of(List.of(100, 80, 75, 85, 10)));
        assertEquals(new BigDecimal("87.50"), TrimmedMean.of(List.of(90, 85, 85, 90, 60, 95)));
        assertEquals(new BigDecimal("87.33"), TrimmedMean.of(List.of(91, 85, 86, 60, 95)));
    }

    @Test
    void fewerThanFiveScoresHaveNoResult() {
        assertThrows(IllegalArgumentException.class, () -> TrimmedMean.of(List.of(90, 80, 70, 60)));
    }

    @Test
    void namesAreMaskedToTheFamilyName() {
        assertEquals("林某", NameMask.mask("林国强"));
        assertEquals("欧阳某", NameMask.mask("欧阳春晓"));
        assertEquals("某户", NameMask.mask(null));
    }
}
