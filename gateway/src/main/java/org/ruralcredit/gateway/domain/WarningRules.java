package org.ruralcredit.gateway.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a change about a borrower warns its lenders (预警). Each rule compares the state an event
 * carries with the last state the gateway saw for the same subject; without a previous state only a
 * veto warns (a veto is adverse in itself), since a first rating or a first balance is no change.
 */
public final class WarningRules {

    public enum Kind { RATING_DOWNGRADE, CREDIT_HOUSEHOLD_LOST, MORAL_DEDUCTION, MORAL_VETO, FIRM_ADVERSE_FACT }

    public record Trigger(Kind kind, String detail) {
    }

    /** A household's rating as credit-rating announced it. */
    public record Rated(String grade, int score, boolean creditHousehold) {
    }

    /** A household's moral-bank standing for one year. */
    public record Moral(int totalPoints, boolean vetoed) {
    }

    /** A firm's archive score and grade (either may be absent). */
    public record Firm(Integer score, String grade) {
    }

    private WarningRules() {
    }

    /** Downgrade: a lower score under another grade. Loss: was a credit household (信用户), is no longer. */
    public static List<Trigger> onRating(Rated previous, Rated now) {
        List<Trigger> triggers = new ArrayList<>();
        if (previous == null) {
            return triggers;
        }
        if (now.score() < previous.score() && !now.grade().equals(previous.grade())) {
            triggers.add(new Trigger(Kind.RATING_DOWNGRADE, "Rating lowered from " + previous.grade() + " ("
                    + previous.score() + ") to " + now.grade() + " (" + now.score() + ")."));
        }
        if (previous.creditHousehold() && !now.creditHousehold()) {
            triggers.add(new Trigger(Kind.CREDIT_HOUSEHOLD_LOST, "No longer a credit household (信用户)."));
        }
        return triggers;
    }

    /** A new veto warns whatever came before; fewer points in the same year is a deduction. */
    public static List<Trigger> onMorality(Moral previous, Moral now) {
        List<Trigger> triggers = new ArrayList<>();
        if (now.vetoed() && (previous == null || !previous.vetoed())) {
            triggers.add(new Trigger(Kind.MORAL_VETO, "A moral-bank veto item was recorded (一票否决)."));
        }
        if (previous != null && now.totalPoints() < previous.totalPoints()) {
            triggers.add(new Trigger(Kind.MORAL_DEDUCTION, "Moral-bank points fell from " + previous.totalPoints()
                    + " to " + now.totalPoints() + "."));
        }
        return triggers;
    }

    /** An adverse fact: the archive's facts changed and the firm's score fell. */
    public static Optional<Trigger> onFirm(Firm previous, Firm now, boolean factsChanged) {
        if (!factsChanged || previous == null || previous.score() == null || now.score() == null
                || now.score() >= previous.score()) {
            return Optional.empty();
        }
        return Optional.of(new Trigger(Kind.FIRM_ADVERSE_FACT, "New facts lowered the firm's score from "
                + previous.score() + " to " + now.score() + (now.grade() == null ? "" : " (grade " + now.grade() + ")") + "."));
    }
}
