package org.ruralcredit.rating.domain.scorecard;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorecardModelValidatorTest {

    private static List<ScorecardModelValidator.Problem> problemsOf(String from, String to) throws Exception {
        String json = ScorecardDocuments.write(ScorecardTest.DEFAULT).replace(from, to);
        return ScorecardModelValidator.validate(ScorecardDocuments.read(json));
    }

    private static void assertHas(List<ScorecardModelValidator.Problem> problems, String field, String fragment) {
        assertTrue(
                problems.stream()
                        .anyMatch(p -> p.field().equals(field) && p.message().contains(fragment)),
                "expected " + field + " ~ " + fragment + " in " + problems);
    }

    @Test
    void overlappingBinsAreNamed() throws Exception {
        // years-resident: 0–3, 3–10, 10+ → 0–3, 2–10
        var problems = problemsOf(
                "{\"from\":3,\"to\":10,\"values\":null,\"points\":2}",
                "{\"from\":2,\"to\":10,\"values\":null,\"points\":2}");
        assertHas(problems, "groups[0].indicators[2].bins", "overlap");
    }

    @Test
    void gapsBetweenBinsAreNamed() throws Exception {
        var problems = problemsOf(
                "{\"from\":3,\"to\":10,\"values\":null,\"points\":2}",
                "{\"from\":4,\"to\":10,\"values\":null,\"points\":2}");
        assertHas(problems, "groups[0].indicators[2].bins", "gap between 3 and 4");
    }

    @Test
    void maximaThatDoNotAddUpAreRefused() throws Exception {
        var problems = problemsOf("\"maxPoints\":100", "\"maxPoints\":90");
        assertHas(problems, "maxPoints", "add up to 100");
    }

    @Test
    void unknownInputIsRefusedByPlace() throws Exception {
        var problems = problemsOf("\"HEAD_AGE\"", "\"HEAD_SHOE_SIZE\"");
        assertHas(problems, "groups[0].indicators[0].input", "not an indicator input");
    }

    @Test
    void gradeBandsOutOfOrderAreRefused() throws Exception {
        var problems = problemsOf("{\"grade\":\"AA\",\"minScore\":70}", "{\"grade\":\"AA\",\"minScore\":85}");
        assertHas(problems, "gradeBands[1]", "lower minScore");
    }

    @Test
    void aBinAboveTheIndicatorsMaximumIsRefused() throws Exception {
        var problems = problemsOf(
                "{\"from\":25,\"to\":60,\"values\":null,\"points\":5}",
                "{\"from\":25,\"to\":60,\"values\":null,\"points\":6}");
        assertHas(problems, "groups[0].indicators[0].bins[1].points", "between 0 and 5");
    }

    @Test
    void severalProblemsAreReportedTogether() throws Exception {
        String json = ScorecardDocuments.write(ScorecardTest.DEFAULT)
                .replace("\"HEAD_AGE\"", "\"HEAD_SHOE_SIZE\"")
                .replace("{\"grade\":\"AA\",\"minScore\":70}", "{\"grade\":\"AA\",\"minScore\":85}");
        assertTrue(
                ScorecardModelValidator.validate(ScorecardDocuments.read(json)).size() >= 2);
    }
}
