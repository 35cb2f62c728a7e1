package org.ruralcredit.console.view;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CriteriaTest {

    private static final Map<String, String> ZH = Map.of(
            "label.CREDIT_HOUSEHOLD_SHARE",
            "信用户占比",
            "label.NPL_RATIO",
            "不良贷款率",
            "label.NPL_RATIO_GROWTH",
            "不良贷款率上升",
            "criterion.AT_LEAST",
            "不低于",
            "criterion.AT_MOST",
            "不高于",
            "criterion.points",
            " 个百分点");

    private static String zh(String measure, String comparison, String threshold) {
        return Criteria.sentence(measure, comparison, new BigDecimal(threshold), k -> ZH.getOrDefault(k, k));
    }

    @Test
    void criteriaReadAsSentences() {
        assertEquals("信用户占比 不低于 50%", zh("CREDIT_HOUSEHOLD_SHARE", "AT_LEAST", "50"));
        assertEquals("不良贷款率 不高于 5%", zh("NPL_RATIO", "AT_MOST", "5.00"));
        assertEquals("不良贷款率上升 不高于 1.5 个百分点", zh("NPL_RATIO_GROWTH", "AT_MOST", "1.5"));
    }

    @Test
    void anUnknownCodeStaysReadableRatherThanEmpty() {
        assertEquals("NEW_MEASURE GREATER_THAN 3%", zh("NEW_MEASURE", "GREATER_THAN", "3"));
    }
}
