package org.ruralcredit.gateway.domain.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemTextTest {

    private final ProblemText text = new ProblemText();

    @Test
    void theRegistrysResidentIdRefusalsReadInChinese() {
        assertEquals("校验码错误（GB 11643），请核对身份证号", text.message("has a wrong check digit (GB 11643)", "zh"));
        assertEquals("已在另一个在册农户中登记", text.message("already belongs to another active household", "zh"));
    }

    @Test
    void valuesNamedInTheMessageAreKeptAndPositionsCountFromOne() {
        assertEquals("与第1位成员的身份证号重复", text.message("is the same as members[0]", "zh"));
        assertEquals("必须有且只有一位户主（现有 2 位）",
                text.message("must contain exactly one member with relation HEAD (has 2)", "zh"));
        assertEquals("与身份证号不一致（身份证号显示为 1980-02-29）",
                text.message("does not agree with the resident ID (which says 1980-02-29)", "zh"));
        assertEquals("不能大于 1000000000", text.message("must be less than or equal to 1000000000", "zh"));
        assertEquals("长度应在 0 到 50 之间", text.message("size must be between 0 and 50", "zh"));
    }

    @Test
    void aQueryRefusalWithItsCodeInFrontIsTranslatedToo() {
        assertEquals("没有此编号的授权：查询前须先登记被查询人的书面授权。",
                text.message("consent-missing: No consent with this id exists.", "zh"));
        assertEquals("该授权已于 2026-01-31 过期。", text.message("The consent expired on 2026-01-31.", "zh"));
        assertEquals("没有此编号的授权：查询前须先登记被查询人的书面授权。此次被拒绝的查询已记入查询登记簿（第 131 条）。",
                text.message("No consent with this id exists. The refused request is in the query register as entry 131.", "zh"));
        assertEquals("档案有 1 处问题，未保存任何内容。Something else.",
                text.message("The household file has 1 problem(s); nothing was stored. Something else.", "zh"));
    }

    @Test
    void anUnknownMessageIsShownAsTheApiWroteItAndEnglishStaysEnglish() {
        assertEquals("something new the API says", text.message("something new the API says", "zh"));
        assertEquals("has a wrong check digit (GB 11643)", text.message("has a wrong check digit (GB 11643)", "en"));
    }

    @Test
    void titlesFollowTheStatusInChineseAndTheApiInEnglish() {
        assertEquals("提交的内容有误，请按提示修改", text.title(400, "Invalid request", "zh"));
        assertEquals("服务暂时不可用，请稍后重试", text.title(502, null, "zh"));
        assertEquals("Invalid request", text.title(400, "Invalid request", "en"));
    }
}
