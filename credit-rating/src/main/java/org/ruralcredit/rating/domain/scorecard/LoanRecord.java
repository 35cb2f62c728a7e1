package org.ruralcredit.rating.domain.scorecard;

import java.time.LocalDate;

/**
 * A household's loans as lenders reported them, over the scorecard's look-back window: loans
 * open now or started or settled within it, how many of them were ever overdue, and whether a
 * lender reported any of them as a malicious default (恶意逃废债).
 *
 * @param asOf the day of the newest report among them
 */
public record LoanRecord(int loans, int everOverdue, boolean maliciousDefault, LocalDate asOf) {

    public LoanRecord {
        if (loans <= 0 || everOverdue < 0 || everOverdue > loans) {
            throw new IllegalArgumentException(
                    "need 0 <= everOverdue <= loans and loans > 0, got " + everOverdue + " of " + loans);
        }
    }
}
