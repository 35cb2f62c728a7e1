package org.ruralcredit.rating.domain.monitoring;

/** How a loan ended up, as lenders report it. BAD is the lender's definition of default. */
public enum Outcome {
    GOOD,
    BAD
}
