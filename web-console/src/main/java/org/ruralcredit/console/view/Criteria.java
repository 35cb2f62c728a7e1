package org.ruralcredit.console.view;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * A rule set's criterion as a sentence an office reads: 信用户占比 不低于 70%, 不良贷款率 不高于 5%,
 * 不良贷款率上升 不高于 1 个百分点. The measure's and comparison's words come from the console's
 * labels ({@code label.<MEASURE>}, {@code criterion.<COMPARISON>}); thresholds are in percent, the
 * growth of a ratio in percentage points.
 */
public final class Criteria {

    private Criteria() {}

    public static String sentence(
            String measure, String comparison, BigDecimal threshold, Function<String, String> word) {
        String what = wordOr(word, "label." + measure, measure);
        String how = wordOr(word, "criterion." + comparison, comparison);
        String value = threshold == null ? "" : Formats.percent(threshold).replace("%", "");
        String unit = "NPL_RATIO_GROWTH".equals(measure) ? word.apply("criterion.points") : "%";
        return what + " " + how + " " + value + unit;
    }

    private static String wordOr(Function<String, String> word, String key, String fallback) {
        String w = word.apply(key);
        return w == null || w.equals(key) ? fallback : w;
    }
}
