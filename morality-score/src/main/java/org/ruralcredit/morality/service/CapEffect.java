package org.ruralcredit.morality.service;

/**
 * What an entry does to the year's standing: its nominal points, the points that count after the
 * rule's yearly cap, and the change of the total after the standard caps. {@code note} says why
 * less counted, when it did.
 */
public record CapEffect(
        int nominalPoints, int countedPoints, int totalBefore, int totalAfter, boolean capped, String note) {}
