package org.ruralcredit.morality.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A household's result of a closed panel round: the trimmed mean of its raters' scores. */
public record PanelResult(UUID roundId, String householdId, BigDecimal trimmedMean, int raterCount, Instant closedAt) {}
