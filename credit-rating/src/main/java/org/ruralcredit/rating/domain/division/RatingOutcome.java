package org.ruralcredit.rating.domain.division;

/**
 * The overall verdict. FAILED when any criterion is known to fail, even if another cannot be
 * measured; NOT_ASSESSABLE when none failed and some criterion cannot be measured (e.g. no
 * borrowers): a division is never given a title on a criterion nobody could check.
 */
public enum RatingOutcome {
    PASSED,
    FAILED,
    NOT_ASSESSABLE
}
