package org.ruralcredit.morality.domain;

import java.time.Instant;
import java.util.UUID;

/** A round of a listing with its counts: raters named, scores entered, households scored (never a score). */
public record PanelRoundCounts(
        UUID id,
        String villageCode,
        String title,
        String state,
        String openedBy,
        Instant openedAt,
        Instant closedAt,
        long raters,
        long scores,
        long householdsScored) {}
