package org.ruralcredit.console.view;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportTextsTest {

    @Test
    void aColumnIsExplainedInTheConsolesWordsOrElseTheRegistrys() {
        Map<String, String> words = Map.of("imports.guide.headId", "户主的身份证号");
        assertEquals("户主的身份证号", ImportGuide.meaning("户主身份证号", "household key", words));
        assertEquals("something new", ImportGuide.meaning("新列", "something new", words));
        assertNull(ImportGuide.key("新列"));
    }

    @Test
    void aReasonWithItsValuesIsTheCataloguesText() {
        String text = RowReasons.of("import.cell-whole-number", Map.of("value", "abc"), "zh");
        assertEquals("须为整数（填写的是 abc）", text);
    }

    @Test
    void aReasonWithoutItsValuesLeavesOutTheBracketNamingThem() {
        assertEquals("须为整数", RowReasons.of("import.cell-whole-number", Map.of(), "zh"));
        assertEquals("须为以下之一：…", RowReasons.of("import.cell-word", null, "zh"));
        String english = RowReasons.of("import.cell-whole-number", Map.of(), "en");
        assertFalse(english.contains("\u0000") || english.contains("()") || english.contains("（）"), english);
    }

    @Test
    void aCodeTheCatalogueDoesNotKnowHasNoText() {
        assertNull(RowReasons.of("no.such-code", Map.of(), "zh"));
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("3,身份证号,\"须为以下之一：男,女\"\r\n", RowReasons.csvLine(List.of("3", "身份证号", "须为以下之一：男,女")));
        assertEquals("\"a \"\"b\"\"\"\r\n", RowReasons.csvLine(List.of("a \"b\"")));
    }

    @Test
    void hashesAreShortenedAndShortValuesKept() {
        assertEquals(
                "0123456789…", Hashes.shortened("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
        assertEquals("330281100202", Hashes.shortened("330281100202"));
        assertEquals("", Hashes.shortened(null));
    }

    @Test
    void fieldPathsAreNamedInTheFormsWords() {
        Map<String, String> words = Map.of(
                "household.member",
                "成员",
                "hh.name",
                "姓名",
                "hh.production",
                "生产经营",
                "hh.scale",
                "经营规模",
                "hh.address",
                "住址");
        Function<String, String> word = k -> words.getOrDefault(k, k);
        assertEquals("成员2 · 姓名", FieldNames.of("members[1].name", word));
        assertEquals("生产经营 · 经营规模", FieldNames.of("facts.production.scale", word));
        assertEquals("住址", FieldNames.of("address", word));
        assertTrue(FieldNames.of("somethingNew", word).contains("somethingNew"), "an unknown field keeps its name");
    }
}
