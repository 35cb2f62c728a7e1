package org.ruralcredit.system.console;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The crawler's rules on text and widths alone, without a browser: what they flag and what they let pass. */
class PageCheckTest {

    private static final String BASE = "http://127.0.0.1:18085";
    private static final PageCheck CHECK = PageCheck.fromApiDocuments(
            Path.of(System.getProperty("services.root", "..")).resolve("api"));

    @Test
    void rawTokensOfTheApisAreFlaggedButGradesAndCodesAreNot() {
        assertEquals(
                List.of("raw enum token: LOAN_APPLICATION", "raw enum token: ACTIVE", "raw enum token: SPOUSE"),
                kinds("用途 LOAN_APPLICATION\t状态ACTIVE\n关系 SPOUSE"));
        assertEquals(List.of(), kinds("等级 AAA · 机构 YYRCB · 下载 CSV 模板 · 区划 330281100202"));
    }

    @Test
    void isoDateTimesAreFlaggedButDatesAreNot() {
        assertEquals(
                List.of(
                        "ISO date-time: 2026-12-06T16:39:42Z",
                        "ISO date-time: 2026-12-06T16:39:42.123456+08:00",
                        "ISO date-time: 2026-12-06T16:39"),
                kinds("时间 2026-12-06T16:39:42Z 与 2026-12-06T16:39:42.123456+08:00，2026-12-06T16:39"));
        assertEquals(List.of(), kinds("签署日期 2026-12-06 16:39"));
    }

    @Test
    void englishRunsOfThreeWordsAreFlaggedButAddressesAndShortWordsAreNot() {
        assertEquals(
                List.of("English sentence: \"head's row: whole yuan\"", "English sentence: \"the person's name\""),
                kinds("住房价值\thead's row: whole yuan\n姓名\tthe person's name"));
        assertEquals(
                List.of(),
                kinds("联系 official-linshan@demo.rural-credit.invalid 或 https://example.invalid/a b c\n"
                        + "Excel 模板\tSign out\nPDF\tJPG\tPNG"));
    }

    @Test
    void aPageWiderThanItsViewportIsFlagged() {
        Map<String, Object> page = page("农户");
        page.put("innerWidth", 390L);
        page.put("scrollWidth", 628L);
        assertEquals(
                List.of("wider than the viewport: scrollWidth 628 > 390"),
                CHECK.findings(page, BASE, 390, true).stream()
                        .map(f -> f.kind() + ": " + f.sample())
                        .toList());
    }

    private static List<String> kinds(String text) {
        return CHECK.findings(page(text), BASE, 1366, true).stream()
                .map(f -> f.kind() + ": " + f.sample())
                .toList();
    }

    private static Map<String, Object> page(String text) {
        Map<String, Object> page = new HashMap<>();
        page.put("status", 200L);
        page.put("url", BASE + "/console");
        page.put("title", "工作台");
        page.put("lang", "zh-CN");
        page.put("viewportMeta", true);
        page.put("text", text);
        page.put("captions", List.of());
        page.put("innerWidth", 1366L);
        page.put("scrollWidth", 1366L);
        return page;
    }
}
