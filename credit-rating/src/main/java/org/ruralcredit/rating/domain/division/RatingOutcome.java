package org.ruralcredit.rating.domain.division;

/**
 * The overall verdict. NOT_ASSESSABLE when any criterion cannot be measured (e.g. no borrowers):
 * a division is never given or refused a title on a criterion nobody could check.
 */
public enum RatingOutcome {
    PASSED, FAILED, NOT_ASSESSABLE
}
