package org.ruralcredit.sme.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResidentIdTest {

    @Test
    void validNumbersIncludingXCheck() {
        assertTrue(ResidentId.problemWith("330281198001010019").isEmpty());
        assertTrue(ResidentId.problemWith("11010519491231002X").isEmpty());
    }

    @Test
    void wrongCheckDateOrShapeIsRejected() {
        assertTrue(ResidentId.problemWith("330281198001010018").orElseThrow().contains("should be '9'"));
        assertTrue(ResidentId.problemWith("330281198002300019").orElseThrow().contains("birth date"));
        assertTrue(ResidentId.problemWith("33028119800101001").isPresent());
        assertTrue(ResidentId.problemWith("3302811980010100x9").isPresent());
    }

    @Test
    void maskKeepsRegionAndLastFour() {
        assertEquals("330281********0019", ResidentId.mask("330281198001010019"));
        assertEquals("138****5678", Phone.mask("13812345678"));
        assertTrue(Phone.isValid("0574-62345678"));
        assertTrue(!Phone.isValid("12345"));
    }
}
