package org.ruralcredit.events.rating;

import java.math.BigDecimal;

/**
 * One row of a village's or township's criteria table: the measure, its value in percent (null
 * when it could not be measured), the comparison ({@code ≥ > < ≤}), the threshold and PASS, FAIL
 * or NOT_ASSESSABLE with the reason.
 */
public record DivisionCriterion(
        String measure,
        String label,
        BigDecimal measuredPercent,
        String comparison,
        BigDecimal threshold,
        String status,
        String reason) {}
