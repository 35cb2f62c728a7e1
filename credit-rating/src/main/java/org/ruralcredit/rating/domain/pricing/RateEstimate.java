package org.ruralcredit.rating.domain.pricing;

import java.math.BigDecimal;

/** A band's minimum sustainable rate, or why there is none. */
public sealed interface RateEstimate {

    String band();

    record Sustainable(String band, long goods, long bads, BigDecimal minimumRate) implements RateEstimate {}

    record InsufficientData(String band, String reason) implements RateEstimate {}
}
