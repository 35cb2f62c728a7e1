package org.ruralcredit.sme.service;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.sme.domain.FeedSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedReaderTest {

    private static List<FeedReader.RawRow> csv(String text) {
        return FeedReader.read(FeedReader.Format.CSV, text.getBytes(StandardCharsets.UTF_8), FeedSource.TAX, 100);
    }

    @Test
    void csvRowsKeepTheirLineNumbersAcrossBlankAndQuotedLines() {
        List<FeedReader.RawRow> rows = csv("""
                \uFEFFuscc,creditGrade,arrears
                91330100716105852F,A,0

                "9144030071526726XG","B","1
                2"
                914403001922038216,M
                91350100M000100Y43 , C , 5
                """);
        assertEquals(4, rows.size());
        assertEquals(2, rows.get(0).line());
        assertEquals("A", rows.get(0).values().get("creditGrade"));
        assertEquals(4, rows.get(1).line());
        assertEquals("1\n2", rows.get(1).values().get("arrears"));
        assertEquals(6, rows.get(2).line());
        assertEquals("has 2 cells, the header has 3", rows.get(2).shapeProblem());
        assertEquals(7, rows.get(3).line());
        assertEquals("91350100M000100Y43", rows.get(3).values().get("uscc"));
        assertNull(rows.get(3).shapeProblem());
    }

    @Test
    void wrongHeaderRefusesTheWholeFile() {
        ApiException e = assertThrows(ApiException.class, () -> csv("uscc,grade,arrears\n91330100716105852F,A,0\n"));
        assertEquals(400, e.problem().status());
        assertEquals(2, e.problem().errors().size());
        assertThrows(ApiException.class, () -> csv(""));
    }

    @Test
    void jsonRowsCarryLinesAndUnexpectedFieldsAreRowErrors() {
        String json = """
                [
                  {"uscc": "91330100716105852F", "creditGrade": "A", "arrears": 0},
                  {"uscc": "9144030071526726XG", "creditGrade": "B", "arrears": 3, "note": "x"},
                  42
                ]""";
        List<FeedReader.RawRow> rows =
                FeedReader.read(FeedReader.Format.JSON, json.getBytes(StandardCharsets.UTF_8), FeedSource.TAX, 100);
        assertEquals(
                List.of(2, 3, 4), rows.stream().map(FeedReader.RawRow::line).toList());
        assertEquals("0", rows.get(0).values().get("arrears"));
        assertTrue(rows.get(1).shapeProblem().contains("note"));
        assertEquals("is not an object", rows.get(2).shapeProblem());
        assertThrows(
                ApiException.class,
                () -> FeedReader.read(
                        FeedReader.Format.JSON, "{\"uscc\":1}".getBytes(StandardCharsets.UTF_8), FeedSource.TAX, 100));
        assertThrows(
                ApiException.class,
                () -> FeedReader.read(
                        FeedReader.Format.JSON, "[{\"uscc\":".getBytes(StandardCharsets.UTF_8), FeedSource.TAX, 100));
    }

    @Test
    void tooManyRowsRefusesTheFile() {
        assertThrows(
                ApiException.class,
                () -> FeedReader.read(
                        FeedReader.Format.CSV,
                        "uscc,creditGrade,arrears\na,A,0\nb,A,0\n".getBytes(StandardCharsets.UTF_8),
                        FeedSource.TAX,
                        1));
    }
}
