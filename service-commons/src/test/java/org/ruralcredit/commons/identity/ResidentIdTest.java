package org.ruralcredit.commons.identity;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResidentIdTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /** Builds a number with the right check character, as a test fixture. */
    static String withCheck(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    @Test
    void theStandardsWorkedExampleIsValid() {
        // GB 11643-1999 appendix example: 11010519491231002X
        ResidentId.Result result = ResidentId.parse("11010519491231002X", TODAY);
        assertTrue(result.valid(), result.refusal());
        assertEquals(LocalDate.of(1949, 12, 31), result.id().get().birthDate());
        assertEquals(ResidentId.Sex.F, result.id().get().sex());
    }

    @Test
    void lowerCaseXIsAcceptedAndStoredUpperCase() {
        assertEquals(
                "11010519491231002X",
                ResidentId.parse("11010519491231002x", TODAY).id().get().value());
    }

    @Test
    void sexFollowsTheSeventeenthDigit() {
        assertEquals(
                ResidentId.Sex.M,
                ResidentId.parse(withCheck("33028119800101001"), TODAY)
                        .id()
                        .get()
                        .sex());
        assertEquals(
                ResidentId.Sex.F,
                ResidentId.parse(withCheck("33028119800101002"), TODAY)
                        .id()
                        .get()
                        .sex());
    }

    @ParameterizedTest
    @CsvSource({
        "11010519491231002Y, must be 18 characters: 17 digits and a check digit or X",
        "1101051949123100, must be 18 characters: 17 digits and a check digit or X",
        "110105194912310021, has a wrong check digit (GB 11643)",
        "110105194902300020, has no valid birth date in positions 7 to 14",
        "110105203001010020, has a birth date outside 1900 to today",
        "110105189901010020, has a birth date outside 1900 to today",
        "00000019850505321X, has an address code (first 6 digits) that is no real division (GB/T 2260)",
        "990000199001014579, has an address code (first 6 digits) that is no real division (GB/T 2260)"
    })
    void brokenNumbersAreRefusedWithAReason(String raw, String reason) {
        ResidentId.Result result = ResidentId.parse(raw, TODAY);
        assertFalse(result.valid());
        assertEquals(reason, result.refusal());
    }

    @ParameterizedTest
    @CsvSource({
        "11010519491231002Y, resident-id.length",
        "110105194912310021, resident-id.check-digit",
        "110105194902300020, resident-id.birth-date",
        "110105203001010020, resident-id.birth-range",
        "00000019850505321X, resident-id.region-unknown",
        "990000199001014579, resident-id.region-unknown",
        "330081198505053214, resident-id.region-unknown",
        "'', field.required"
    })
    void brokenNumbersCarryACatalogueCode(String raw, String code) {
        ResidentId.Result result = ResidentId.parse(raw, TODAY);
        assertEquals(code, result.refusalCode().code());
        assertEquals(400, result.refusalCode().status());
    }

    @Test
    void numbersOfCountiesThatNoLongerExistAreStillValid() {
        // 鄞县 (330227) became 鄞州区 in 2002; its people keep their numbers
        assertTrue(ResidentId.parse(withCheck("33022719700101001"), TODAY).valid());
        // a number with a check digit right for an address code of no province is refused for the code
        assertEquals(
                "resident-id.region-unknown",
                ResidentId.parse(withCheck("99000019900101457"), TODAY)
                        .refusalCode()
                        .code());
    }

    @Test
    void aValidNumberHasNoRefusal() {
        ResidentId.Result result = ResidentId.parse("11010519491231002X", TODAY);
        assertEquals(null, result.refusalCode());
        assertEquals(null, result.refusal());
    }

    @Test
    void everyWrongCheckCharacterIsCaught() {
        String first17 = "33028119751203441";
        char right = ResidentId.checkCharacter(first17);
        for (char c : "0123456789X".toCharArray()) {
            assertEquals(c == right, ResidentId.parse(first17 + c, TODAY).valid(), "check " + c);
        }
    }

    @Test
    void ageIsCompletedYears() {
        ResidentId id =
                ResidentId.parse(withCheck("33028119801123001"), TODAY).id().get();
        assertEquals(45, id.ageOn(TODAY));
        assertEquals(46, id.ageOn(TODAY.plusDays(1)));
    }

    @Test
    void masksKeepAddressCodeAndLastFour() {
        assertEquals("330281********1234", ResidentId.mask("330281198001011234"));
        assertEquals("138****5678", PhoneNumber.mask("13812345678"));
        assertEquals("13812345678", PhoneNumber.normalise("138-1234 5678"));
        assertEquals(null, PhoneNumber.normalise("12345"));
    }
}
