package org.ruralcredit.events.morality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.ruralcredit.events.EventFormatException;

/**
 * A household's moral-bank standing for one year changed: an entry was approved, an entry was
 * reversed, a veto was recorded, or a blind panel produced a score. Carries the whole new standing
 * (event-carried state), so credit-rating never calls morality-score to rate. No names: only the
 * household id and its division codes.
 *
 * @param cause           ENTRY_APPROVED, REVERSAL, VETO or PANEL_RESULT
 * @param entryId         the ledger entry behind the change; null for a panel result
 * @param standards       the balance under each standard, caps applied
 * @param totalPoints     the sum of the standard balances (0..100)
 * @param vetoed          a veto item makes the household ineligible for the year whatever its points
 * @param panelScore      trimmed mean of the latest closed blind panel, null if none
 * @param status          the household's status in the moral bank (as its profile says); added later
 * @param recentEntries   the household's newest ledger entries of any year as its profile and a credit
 *                        report show them (no proposer or approver), newest first; added later, null
 *                        in older events
 */
public record MoralityPointsChanged(
        String householdId,
        String villageCode,
        String townshipCode,
        int year,
        String cause,
        String entryId,
        int catalogueVersion,
        List<StandardBalance> standards,
        int totalPoints,
        boolean vetoed,
        List<String> vetoCodes,
        boolean eligible,
        boolean greenCard,
        long moralCreditLine,
        BigDecimal panelScore,
        int panelRaterCount,
        String status,
        List<Entry> recentEntries) {

    public static final String ENTRY_APPROVED = "ENTRY_APPROVED";
    public static final String REVERSAL = "REVERSAL";
    public static final String VETO = "VETO";
    public static final String PANEL_RESULT = "PANEL_RESULT";

    private static final List<String> CAUSES = List.of(ENTRY_APPROVED, REVERSAL, VETO, PANEL_RESULT);

    public MoralityPointsChanged {
        if (householdId == null || villageCode == null || !villageCode.matches("\\d{12}")) {
            throw new EventFormatException("householdId and a 12-digit villageCode are required");
        }
        if (!CAUSES.contains(cause)) {
            throw new EventFormatException("cause must be one of " + CAUSES);
        }
        standards = standards == null ? List.of() : List.copyOf(standards);
        vetoCodes = vetoCodes == null ? List.of() : List.copyOf(vetoCodes);
        recentEntries = recentEntries == null ? null : List.copyOf(recentEntries);
    }

    /** A ledger entry as a report shows it. */
    public record Entry(
            String kind,
            String ruleCode,
            String vetoCode,
            String standardCode,
            LocalDate deedDate,
            int points,
            boolean reversed,
            String description) {}

    /** Points under one standard for the year, after the rule and standard caps. */
    public record StandardBalance(String code, int points, int cap) {}
}
