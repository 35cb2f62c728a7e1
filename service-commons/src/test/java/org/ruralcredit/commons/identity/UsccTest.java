package org.ruralcredit.commons.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.ruralcredit.commons.problem.codes.CommonCodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsccTest {

    /** Codes published on business licences, so the check is tested against the standard, not itself. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "91330100716105852F",
                "9144030071526726XG",
                "914403001922038216",
                "91350100M000100Y43",
                "91110000100017643K"
            })
    void realCodesAreValid(String code) {
        assertTrue(Uscc.problemWith(code).isEmpty(), () -> code + ": " + Uscc.problemWith(code));
        assertEquals(code, Uscc.parse(code).orElseThrow().value());
    }

    @Test
    void checkCharacterWrapsThirtyOneToZero() {
        // the sum of these 17 characters is a multiple of 31, so 31 - 0 = 31 must map to '0'
        String first17 = "93330281MA2H00000";
        assertEquals('X', Uscc.checkCharacter(first17));
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        String zeroCase = findCodeWhoseSumIsMultipleOf31(weights);
        assertEquals('0', Uscc.checkCharacter(zeroCase));
    }

    private static String findCodeWhoseSumIsMultipleOf31(int[] weights) {
        // vary the last character of a fixed prefix until the weighted sum divides by 31
        String prefix = "9133028100000000";
        for (char c : Uscc.ALPHABET.toCharArray()) {
            String candidate = prefix + c;
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += Uscc.ALPHABET.indexOf(candidate.charAt(i)) * weights[i];
            }
            if (sum % 31 == 0) {
                return candidate;
            }
        }
        throw new AssertionError("no candidate");
    }

    @ParameterizedTest
    @CsvSource({
        "91330100716105852E, check character is 'E' but should be 'F'",
        "9144030071526726XA, check character is 'A' but should be 'G'",
        "91330100716105853F, should be",
        "91330100716105825F, should be"
    })
    void brokenOrTransposedCheckIsRejected(String code, String reason) {
        assertTrue(
                Uscc.problemWith(code).orElseThrow().contains(reason),
                () -> Uscc.problemWith(code).toString());
    }

    @Test
    void forbiddenLettersLengthAndDivisionAreExplained() {
        assertTrue(Uscc.problemWith("91330100716I05852F").orElseThrow().contains("character 12 ('I')"));
        assertTrue(Uscc.problemWith("9133010071610585").orElseThrow().contains("18 characters, not 16"));
        assertTrue(Uscc.problemWith("9133O100716105852F").orElseThrow().contains("not allowed"));
        assertTrue(Uscc.problemWith("91A30100716105852F").orElseThrow().contains("division"));
        assertTrue(Uscc.problemWith(null).isPresent());
        assertTrue(Uscc.problemWith("").isPresent());
        assertThrows(IllegalArgumentException.class, () -> new Uscc("91330100716105852E"));
    }

    @Test
    void lowerCaseIsAcceptedWhenParsing() {
        assertEquals(
                "9144030071526726XG",
                Uscc.parse(" 9144030071526726xg ").orElseThrow().value());
    }

    @ParameterizedTest
    @CsvSource({
        "91330100716105852F, ENTERPRISE",
        "92330281MA2J7Q5E02, SOLE_TRADER",
        "93330281MA2H00000X, FARMERS_COOPERATIVE",
        "12100000400010398E, OTHER"
    })
    void entityTypeComesFromTheFirstTwoCharacters(String code, EntityType expected) {
        String withCheck = code.substring(0, 17) + Uscc.checkCharacter(code.substring(0, 17));
        assertEquals(expected, new Uscc(withCheck).entityType());
    }

    @Test
    void registrationDivisionIsCharactersThreeToEight() {
        assertEquals("330100", new Uscc("91330100716105852F").registrationDivision());
    }

    @Test
    void refusalsCarryTheirCatalogueCodeAndValues() {
        assertTrue(Uscc.refusal("91330100716105852F").isEmpty());
        assertEquals(CommonCodes.USCC_REQUIRED, Uscc.refusal(null).orElseThrow().code());
        assertEquals(List.of(16), Uscc.refusal("9133010071610585").orElseThrow().args());
        assertEquals(
                List.of(12, "I"),
                Uscc.refusal("91330100716I05852F").orElseThrow().args());
        assertEquals(
                CommonCodes.USCC_AUTHORITY,
                Uscc.refusal("91A30100716105852F").orElseThrow().code());
        var check = Uscc.refusal("91330100716105852E").orElseThrow().at("uscc");
        assertEquals("uscc", check.field());
        assertEquals("uscc.check-character", check.code());
        assertEquals(Map.of("actual", "E", "expected", "F"), check.args());
    }
}
