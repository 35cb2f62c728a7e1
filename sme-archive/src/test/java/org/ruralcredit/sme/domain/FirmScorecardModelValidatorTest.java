package org.ruralcredit.sme.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped document is consistent, and each kind of inconsistency is refused with its place. */
class FirmScorecardModelValidatorTest {

    private static String shipped() throws IOException {
        try (InputStream in = FirmScorecardModelValidatorTest.class
                .getClassLoader()
                .getResourceAsStream(FirmScorecardDocuments.SHIPPED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The problems of the shipped document with one piece of text replaced. */
    private static List<String> problemsWith(String text, String replacement) throws IOException {
        String json = shipped();
        assertTrue(json.contains(text), "the shipped document has " + text);
        return FirmScorecardModelValidator.validate(FirmScorecardDocuments.read(json.replace(text, replacement)));
    }

    private static void assertRefused(List<String> problems, String expected) {
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected " + expected + " in " + problems);
    }

    @Test
    void theShippedDocumentIsConsistentAndIsVersionSme1() throws IOException {
        FirmScorecardModel model = FirmScorecardDocuments.read(shipped());
        assertEquals(List.of(), FirmScorecardModelValidator.validate(model));
        assertEquals("sme-1", model.label());
        assertEquals("sme-1", FirmScorecard.shippedModel().label());
    }

    @Test
    void bandPointsAboveTheIndicatorsMaximumAreRefused() throws IOException {
        assertRefused(
                problemsWith("{ \"values\": [\"A\"], \"points\": 25 }", "{ \"values\": [\"A\"], \"points\": 30 }"),
                "indicators[2].bands[0].points: 30 is outside 0 to the indicator's maximum of 25");
    }

    @Test
    void maximaThatDoNotAddUpTo100AreRefused() throws IOException {
        assertRefused(problemsWith("\"maxPoints\": 15", "\"maxPoints\": 20"), "the maxima add up to 105, not 100");
    }

    @Test
    void overlappingBandsAreRefused() throws IOException {
        assertRefused(
                problemsWith("{ \"from\": 3, \"to\": 5, \"points\": 8 }", "{ \"from\": 2, \"to\": 5, \"points\": 8 }"),
                "indicators[0].bands[2]: starts at 2, before the band before ends (3)");
    }

    @Test
    void bandsOutOfOrderAreRefused() throws IOException {
        assertRefused(problemsWith("""
                        { "from": null, "to": 0.9, "points": 2 },
                                { "from": 0.9, "to": 1, "points": 6 },""", """
                        { "from": 0.9, "to": 1, "points": 6 },
                                { "from": null, "to": 0.9, "points": 2 },"""), "indicators[5].bands[0].from: the first band starts open");
    }

    @Test
    void bandsLeavingAGapAreRefused() throws IOException {
        assertRefused(
                problemsWith(
                        "{ \"from\": 5, \"to\": 10, \"points\": 12 }", "{ \"from\": 6, \"to\": 10, \"points\": 12 }"),
                "indicators[0].bands[3]: starts at 6, leaving a gap after 5");
    }

    @Test
    void unknownIndicatorsAreRefused() throws IOException {
        assertRefused(
                problemsWith("\"name\": \"CROSS_CHECKS\"", "\"name\": \"CROSS_CHECK\""),
                "indicators[7].name: unknown indicator CROSS_CHECK");
    }

    @Test
    void valuesACategoryDoesNotHaveAreRefused() throws IOException {
        assertRefused(
                problemsWith("{ \"values\": [\"M\"], \"points\": 15 }", "{ \"values\": [\"AA\"], \"points\": 15 }"),
                "indicators[2].bands[2]: TAX_GRADE has no value AA");
    }

    @Test
    void gradesThatDoNotCoverZeroTo100AreRefused() throws IOException {
        assertRefused(
                problemsWith("{ \"grade\": \"D\", \"minPoints\": 0 }", "{ \"grade\": \"D\", \"minPoints\": 10 }"),
                "the lowest grade starts at 10, so totals below it have no grade");
        assertRefused(
                problemsWith("{ \"grade\": \"A\", \"minPoints\": 80 }", "{ \"grade\": \"A\", \"minPoints\": 120 }"),
                "grades[0].minPoints: 120 is outside 0 to 100");
        assertRefused(
                problemsWith("{ \"grade\": \"C\", \"minPoints\": 50 }", "{ \"grade\": \"C\", \"minPoints\": 70 }"),
                "grades[2].minPoints: 70 is not below the grade before (65)");
    }

    @Test
    void unknownVetoesAndAVetoGradeThatIsNoGradeAreRefused() throws IOException {
        assertRefused(problemsWith("\"DISHONEST_DEBTOR\"]", "\"BAD_DEBTOR\"]"), "vetoes[1]: unknown veto BAD_DEBTOR");
        assertRefused(
                problemsWith("\"vetoGrade\": \"D\"", "\"vetoGrade\": \"E\""), "vetoGrade: E is not one of the grades");
    }

    @Test
    void anInconsistentPackagedDocumentIsRefusedWithItsProblems() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> FirmScorecardDocuments.readValid("firm-scorecards/inconsistent-v9.json"));
        assertTrue(refused.getMessage().contains("the maxima add up to 105, not 100"), refused.getMessage());
    }

    @Test
    void aMisspeltFieldIsNotReadAsMissing() throws IOException {
        String json = shipped().replace("\"missingPoints\": 10", "\"missingPoint\": 10");
        assertThrows(IOException.class, () -> FirmScorecardDocuments.read(json));
    }
}
