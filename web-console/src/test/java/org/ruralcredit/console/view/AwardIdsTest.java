package org.ruralcredit.console.view;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.ruralcredit.console.view.AwardIds.Candidate;
import org.ruralcredit.console.view.AwardIds.Origin;
import org.ruralcredit.console.view.AwardIds.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwardIdsTest {

    /** Valid IDs (check digits computed by the standard's weights). */
    private static final String A = withCheck("33028119800101001");

    private static final String B = withCheck("33028119751231002");

    @Test
    void aHeaderNamesTheColumnAndItsLinesAreKept() {
        List<Candidate> c = AwardIds.fromCsv("姓名,身份证号,村\n张三," + A + ",临山村\n\n李四," + B + ",临南村\n");
        assertEquals(List.of(A, B), c.stream().map(Candidate::value).toList());
        assertEquals(List.of(2, 4), c.stream().map(Candidate::line).toList(), "lines of the file, blank lines counted");
        assertTrue(c.stream().allMatch(x -> x.sendable() && x.origin() == Origin.FILE));
    }

    @Test
    void withoutAHeaderTheFirstColumnHoldingIdsIsRead() {
        List<Candidate> c = AwardIds.fromCsv("1,王五," + A + "\n2,赵六," + B.toLowerCase(Locale.ROOT));
        assertEquals(List.of(A, B), c.stream().map(Candidate::value).toList());
        assertEquals(List.of(1, 2), c.stream().map(Candidate::line).toList());
    }

    @Test
    void anUnknownHeaderIsSkippedAndQuotesAndApostrophesAreDropped() {
        List<Candidate> c = AwardIds.fromCsv("\"证件\"\n\"'" + A + "\"\n\t" + B + "\n");
        assertEquals(List.of(A, B), c.stream().map(Candidate::value).toList());
    }

    @Test
    void excelNumbersWrongCheckDigitsAndOtherTextAreNamed() {
        String wrong = A.substring(0, 17) + (A.charAt(17) == '1' ? '2' : '1');
        List<Candidate> c = AwardIds.fromCsv("身份证号\n3.30281E+17\n" + wrong + "\n12345\n" + A);
        assertEquals(Problem.EXCEL_NUMBER, c.get(0).problem());
        assertEquals(Problem.CHECK_DIGIT, c.get(1).problem());
        assertEquals(Problem.NOT_AN_ID, c.get(2).problem());
        assertTrue(c.get(3).sendable());
    }

    @Test
    void gbkFilesFromChineseExcelAreRead() {
        byte[] gbk = ("身份证号\r\n" + A + "\r\n").getBytes(Charset.forName("GB18030"));
        String text = AwardIds.decode(gbk);
        assertTrue(text.startsWith("身份证号"), text);
        assertEquals(
                List.of(A),
                AwardIds.fromCsv(text).stream().map(Candidate::value).toList());
        byte[] bom = ("\uFEFF身份证号\n" + B).getBytes(StandardCharsets.UTF_8);
        assertEquals(
                List.of(B),
                AwardIds.fromCsv(AwardIds.decode(bom)).stream()
                        .map(Candidate::value)
                        .toList());
    }

    @Test
    void typedIdsOnePerLineOrSeparated() {
        List<Candidate> c = AwardIds.fromLines(A + "\n\n  " + B + " ，" + A + "\r\nabc");
        assertEquals(List.of(A, B, A, "abc"), c.stream().map(Candidate::value).toList());
        assertEquals(List.of(1, 3, 3, 4), c.stream().map(Candidate::line).toList());
        assertEquals(Origin.TYPED, c.get(0).origin());
        assertEquals(Problem.NOT_AN_ID, c.get(3).problem());
    }

    @Test
    void masksAsThePlatformDoes() {
        assertEquals(A.substring(0, 6) + "********" + A.substring(14), AwardIds.mask(A));
        assertEquals("abc", AwardIds.mask("abc"));
    }

    @Test
    void csvCellsAreQuotedAndNeverFormulas() {
        assertEquals("'=1+1", AwardIds.csvCell("=1+1"));
        assertEquals("\"a,b\"", AwardIds.csvCell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AwardIds.csvCell("say \"hi\""));
    }

    private static String withCheck(String first17) {
        return first17 + AwardIds.checkCharacter(first17);
    }
}
