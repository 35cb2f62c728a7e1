package org.ruralcredit.rating.domain.monitoring;

public enum MonitoringFlag {
    /** PSI above the limit: the score distribution moved since the baseline period. */
    POPULATION_SHIFT,
    /** KS below the floor: weak separation of goods and bads. */
    WEAK_SEPARATION,
    /** No goods or no bads in the period: KS and AUC cannot be computed. */
    INSUFFICIENT_OUTCOMES
}
