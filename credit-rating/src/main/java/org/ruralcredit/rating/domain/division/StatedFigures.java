package org.ruralcredit.rating.domain.division;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Figures as stated on paper (a PBoC branch's or a township's return), for a what-if evaluation:
 * each measure either as a value in percent (percentage points for the growth) or as the counts
 * it comes from, which {@link Percentage} divides exactly. A measure not stated is not measurable.
 * The figures belong to no division; they are judged with whatever level the rule set names.
 */
public record StatedFigures(Map<Measure, Percentage> stated) implements DivisionFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public StatedFigures {
        stated = Map.copyOf(stated);
    }

    /** A value stated in percent: v % = 100 · v / 100, kept exact. */
    public static Percentage percent(BigDecimal value) {
        return Percentage.of(value, HUNDRED);
    }

    /** A share stated as its counts: 100 · numerator / denominator. */
    public static Percentage counts(BigDecimal numerator, BigDecimal denominator) {
        return Percentage.of(numerator, denominator);
    }

    @Override
    public String divisionCode() {
        return null;
    }

    /** Not a division's level: the evaluator judges stated figures by the rule set's level. */
    @Override
    public DivisionLevel level() {
        return null;
    }

    @Override
    public Measurement measure(Measure measure) {
        Percentage value = stated.get(measure);
        return value == null ? new Measurement.NotMeasurable("not stated: 未提供该项数据") : new Measurement.Measured(value);
    }
}
