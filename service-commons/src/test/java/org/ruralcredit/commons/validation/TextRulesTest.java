package org.ruralcredit.commons.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"王建国", "欧阳娜娜", "阿卜杜·热合曼", "𠮷野家", "䶮", "𪚥𰻞", "𭠀", "Zhang Wei", "Nguyễn Văn", "买买提·艾力"})
    void realNamesAreAccepted(String name) {
        assertTrue(TextRules.isPersonName(name), name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'; DROP TABLE household; --",
                "<script>alert(1)</script>",
                "王建国1",
                "王\u202E国",
                "王\u200B国",
                "王\n国",
                "Robert\"",
                "a\\b",
                "\uD842",
                "王;",
                "${jndi:ldap://x}"
            })
    void hostileOrBrokenNamesAreRefused(String name) {
        assertFalse(TextRules.isPersonName(name), name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "余姚市临山镇临北村3组12号",
                "临山镇 (东) 3-2#",
                "种植水稻，面积30亩。",
                "村委会：王主任",
                "100% 完成!",
                "𠮷野家 路 8 号",
                "tel: 0574-62345678"
            })
    void plainTextIsAccepted(String text) {
        assertTrue(TextRules.isPlainText(text), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "' OR '1'='1",
                "1; DELETE FROM household",
                "<img src=x onerror=alert(1)>",
                "a\u0000b",
                "line\r\nbreak",
                "tab\there",
                "{{7*7}}",
                "`rm -rf`",
                "x\u202Ey",
                "\uDC00",
                "a=b",
                "$(whoami)",
                "a|b"
            })
    void injectionAndControlCharactersAreRefused(String text) {
        assertFalse(TextRules.isPlainText(text), text);
    }

    @Test
    void absentIsLeftToNotNullRules() {
        assertTrue(TextRules.isPlainText(null));
        assertTrue(TextRules.isPersonName(null));
    }
}
