package org.ruralcredit.commons.problem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.codes.CommonCodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A problem built from its code and values, written in the caller's language from the catalogue. */
class ProblemTest {

    @Test
    void aRefusalIsWrittenInTheCallersLanguageWithItsValues() {
        Problem problem = Problem.of(CommonCodes.JSON_MALFORMED_AT, 3, 14);
        Problem zh = problem.in(Language.of("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals("请求内容在第 3 行第 14 列不是有效的 JSON。", zh.detail());
        assertEquals("JSON 格式错误", zh.title());
        Problem en = problem.in(Language.of("fr-FR"));
        assertEquals("The request body is not valid JSON at line 3, column 14.", en.detail());
        assertEquals(Map.of("line", 3, "column", 14), en.args());
        assertEquals("json.malformed-at", en.code());
    }

    @Test
    void aCodeRefusesTheWrongNumberOfValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> Problem.of(CommonCodes.JSON_MALFORMED_AT, 3));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains("json.malformed-at"));
    }
}
