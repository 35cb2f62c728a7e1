package org.ruralcredit.rating.domain.division;

/** A criterion's measured value, or why it cannot be measured (never a division by zero). */
public sealed interface Measurement {

    record Measured(Percentage value) implements Measurement {}

    record NotMeasurable(String reason) implements Measurement {}
}
