package org.ruralcredit.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdentifierTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    @Test
    void residentIdWithRightCheckDigitIsAcceptedAndNormalised() {
        assertEquals("11010519491231002X", ResidentId.check("11010519491231002x", TODAY).value().orElseThrow());
        assertEquals('X', ResidentId.checkCharacter("11010519491231002"));
    }

    @Test
    void residentIdRefusalsSayWhy() {
        assertEquals("has a wrong check digit (GB 11643)", ResidentId.check("110105194912310021", TODAY).refusal());
        assertEquals("must be 18 characters: 17 digits and a check digit or X",
                ResidentId.check("1101051949123100", TODAY).refusal());
        assertEquals("has no valid birth date in positions 7 to 14", ResidentId.check(
                withCheck("11010519490231002"), TODAY).refusal());
        assertEquals("has a birth date outside 1900 to today", ResidentId.check(
                withCheck("11010520270101002"), TODAY).refusal());
        assertEquals("is required", ResidentId.check(" ", TODAY).refusal());
    }

    @Test
    void residentIdIsMaskedToAddressCodeAndLastFour() {
        assertEquals("110105********002X", ResidentId.mask("11010519491231002X"));
    }

    @Test
    void creditCodeWithRightCheckCharacterIsAccepted() {
        Checked ok = CreditCode.check("91350100m000100y43");
        assertTrue(ok.valid(), ok.refusal());
        assertEquals("91350100M000100Y43", ok.value().orElseThrow());
    }

    @Test
    void creditCodeCheckOf31IsWrittenAsZero() {
        // Search a code whose weighted sum is 0 mod 31: its check character must be '0', not out of range.
        String first17 = "00000000000000000";
        assertEquals('0', CreditCode.checkCharacter(first17));
        assertTrue(CreditCode.check(first17 + "0").valid());
    }

    @Test
    void creditCodeRefusalsSayWhy() {
        assertEquals("has a wrong check character (GB 32100)", CreditCode.check("91350100M000100Y44").refusal());
        assertEquals("may only contain 0-9 and A-H J-N P-R T U W-Y (GB 32100)",
                CreditCode.check("91350100M000100I43").refusal());
        assertEquals("must be 18 characters", CreditCode.check("91350100M000100Y4").refusal());
        assertFalse(CreditCode.check(null).valid());
    }

    private static String withCheck(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }
}
