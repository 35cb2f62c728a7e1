package org.ruralcredit.gateway.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ruralcredit.commons.problem.Language;

/**
 * When a change about a borrower warns its lenders (预警). Each rule compares the state an event
 * carries with the last state the gateway saw for the same subject; without a previous state only a
 * veto warns (a veto is adverse in itself), since a first rating or a first balance is no change.
 */
public final class WarningRules {

    public enum Kind {
        RATING_DOWNGRADE,
        CREDIT_HOUSEHOLD_LOST,
        MORAL_DEDUCTION,
        MORAL_VETO,
        FIRM_ADVERSE_FACT
    }

    /** What warns, with the values its sentence names (grades, scores, points); written in either language. */
    public record Trigger(Kind kind, Map<String, Object> values) {

        public Trigger {
            values = Map.copyOf(values);
        }

        /** The sentence in English, as stored beside the values. */
        public String detail() {
            return WarningRules.detail(kind, values, Language.EN);
        }
    }

    /** A household's rating as credit-rating announced it. */
    public record Rated(String grade, int score, boolean creditHousehold) {}

    /** A household's moral-bank standing for one year. */
    public record Moral(int totalPoints, boolean vetoed) {}

    /** A firm's archive score and grade (either may be absent). */
    public record Firm(Integer score, String grade) {}

    private WarningRules() {}

    /** Downgrade: a lower score under another grade. Loss: was a credit household (信用户), is no longer. */
    public static List<Trigger> onRating(Rated previous, Rated now) {
        List<Trigger> triggers = new ArrayList<>();
        if (previous == null) {
            return triggers;
        }
        if (now.score() < previous.score() && !now.grade().equals(previous.grade())) {
            triggers.add(new Trigger(
                    Kind.RATING_DOWNGRADE,
                    values(
                            "fromGrade",
                            previous.grade(),
                            "fromScore",
                            previous.score(),
                            "toGrade",
                            now.grade(),
                            "toScore",
                            now.score())));
        }
        if (previous.creditHousehold() && !now.creditHousehold()) {
            triggers.add(new Trigger(Kind.CREDIT_HOUSEHOLD_LOST, Map.of()));
        }
        return triggers;
    }

    /** A new veto warns whatever came before; fewer points in the same year is a deduction. */
    public static List<Trigger> onMorality(Moral previous, Moral now) {
        List<Trigger> triggers = new ArrayList<>();
        if (now.vetoed() && (previous == null || !previous.vetoed())) {
            triggers.add(new Trigger(Kind.MORAL_VETO, Map.of()));
        }
        if (previous != null && now.totalPoints() < previous.totalPoints()) {
            triggers.add(new Trigger(
                    Kind.MORAL_DEDUCTION, values("fromPoints", previous.totalPoints(), "toPoints", now.totalPoints())));
        }
        return triggers;
    }

    /** An adverse fact: the archive's facts changed and the firm's score fell. */
    public static Optional<Trigger> onFirm(Firm previous, Firm now, boolean factsChanged) {
        if (!factsChanged
                || previous == null
                || previous.score() == null
                || now.score() == null
                || now.score() >= previous.score()) {
            return Optional.empty();
        }
        Map<String, Object> values = values("fromScore", previous.score(), "toScore", now.score());
        if (now.grade() != null) {
            values.put("grade", now.grade());
        }
        return Optional.of(new Trigger(Kind.FIRM_ADVERSE_FACT, values));
    }

    /**
     * A warning's sentence in {@code language} from its kind and values: what a lender's officer
     * reads (the gateway answers it in the language of Accept-Language).
     */
    public static String detail(Kind kind, Map<String, ?> v, Language language) {
        boolean zh = language == Language.ZH;
        return switch (kind) {
            case RATING_DOWNGRADE ->
                zh
                        ? "评级由 %s（%s 分）降为 %s（%s 分）。"
                                .formatted(
                                        grade(v.get("fromGrade"), true),
                                        v.get("fromScore"),
                                        grade(v.get("toGrade"), true),
                                        v.get("toScore"))
                        : "Rating lowered from %s (%s) to %s (%s)."
                                .formatted(
                                        grade(v.get("fromGrade"), false),
                                        v.get("fromScore"),
                                        grade(v.get("toGrade"), false),
                                        v.get("toScore"));
            case CREDIT_HOUSEHOLD_LOST -> zh ? "已不再是信用户。" : "No longer a credit household (信用户).";
            case MORAL_VETO -> zh ? "道德银行记录了一票否决事项。" : "A moral-bank veto item was recorded (一票否决).";
            case MORAL_DEDUCTION ->
                zh
                        ? "道德银行积分由 %s 分降至 %s 分。".formatted(v.get("fromPoints"), v.get("toPoints"))
                        : "Moral-bank points fell from %s to %s.".formatted(v.get("fromPoints"), v.get("toPoints"));
            case FIRM_ADVERSE_FACT ->
                zh
                        ? "新登记的事实使企业评分由 %s 分降至 %s 分%s。"
                                .formatted(
                                        v.get("fromScore"),
                                        v.get("toScore"),
                                        v.get("grade") == null ? "" : "（等级 " + v.get("grade") + "）")
                        : "New facts lowered the firm's score from %s to %s%s."
                                .formatted(
                                        v.get("fromScore"),
                                        v.get("toScore"),
                                        v.get("grade") == null ? "" : " (grade " + v.get("grade") + ")");
        };
    }

    /** A household grade as people write it: AAA, AA and A as they are, the grade below A in words. */
    private static String grade(Object grade, boolean zh) {
        return "BELOW_A".equals(grade) ? (zh ? "A级以下" : "below A") : String.valueOf(grade);
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }
}
