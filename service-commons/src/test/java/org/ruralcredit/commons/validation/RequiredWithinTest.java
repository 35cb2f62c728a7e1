package org.ruralcredit.commons.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A required whole number, on both sides of each end. */
class RequiredWithinTest {

    record Sample(
            @RequiredWithin(min = 1, max = 360, message = "{loan.term-months}")
            Integer months,

            @RequiredWithin(min = 0, max = 10, message = "{loan.overdue-days}")
            Integer days) {}

    private static RequiredWithin.Validator requiredWithin(String component) {
        RequiredWithin.Validator v = new RequiredWithin.Validator();
        v.initialize(FreeTextTest.on(Sample.class, component, RequiredWithin.class));
        return v;
    }

    @Test
    void requiredWithinIsThereAndInsideBothEnds() {
        RequiredWithin.Validator v = requiredWithin("months");
        assertTrue(v.isValid(1, null));
        assertTrue(v.isValid(360, null));
        assertFalse(v.isValid(0, null));
        assertFalse(v.isValid(361, null));
        assertFalse(v.isValid(null, null));
    }

    @Test
    void zeroMayBeTheLowerEnd() {
        RequiredWithin.Validator v = requiredWithin("days");
        assertTrue(v.isValid(0, null));
        assertTrue(v.isValid(10, null));
        assertFalse(v.isValid(-1, null));
        assertFalse(v.isValid(11, null));
        assertFalse(v.isValid(null, null));
    }
}
