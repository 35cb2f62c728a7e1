package org.ruralcredit.rating.domain.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The values a household presents to the scorecard: numbers, category names, or nothing
 * (missing: the indicator's missing points apply), the vetoes that hold, and the as-of date of
 * each source the values came from.
 */
public record ScorecardInputs(Map<Input, Object> values, Set<Veto> vetoes, Map<String, LocalDate> asOf) {

    public ScorecardInputs {
        values = values == null ? Map.of() : Map.copyOf(values);
        vetoes = vetoes == null || vetoes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(vetoes));
        asOf = asOf == null ? Map.of() : Map.copyOf(asOf);
    }

    public Object value(Input input) {
        return values.get(input);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<Input, Object> values = new EnumMap<>(Input.class);
        private final Set<Veto> vetoes = EnumSet.noneOf(Veto.class);
        private final Map<String, LocalDate> asOf = new TreeMap<>();

        public Builder number(Input input, BigDecimal value) {
            if (value != null) {
                values.put(input, value);
            }
            return this;
        }

        public Builder number(Input input, long value) {
            return number(input, BigDecimal.valueOf(value));
        }

        public Builder category(Input input, String value) {
            if (value != null) {
                values.put(input, value);
            }
            return this;
        }

        public Builder veto(Veto veto, boolean holds) {
            if (holds) {
                vetoes.add(veto);
            }
            return this;
        }

        public Builder asOf(String source, LocalDate date) {
            if (date != null) {
                asOf.merge(source, date, (a, b) -> a.isAfter(b) ? a : b);
            }
            return this;
        }

        public ScorecardInputs build() {
            return new ScorecardInputs(values, vetoes, asOf);
        }
    }
}
