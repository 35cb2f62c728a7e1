package org.ruralcredit.events.lending;

import java.time.LocalDate;
import java.util.List;

import org.ruralcredit.events.EventFormatException;

/**
 * A lender reported a loan, a repayment status or a settlement to the gateway (贷后管理). Carries
 * the loan's whole current state, so credit-rating can keep NPL ratios and repayment histories
 * without calling the gateway. No personal identifier: the borrower is named by the keyed lookup
 * hash of the head's resident ID (kind "resident-id", as farmer-registry computes it) or of the
 * firm's credit code (kind "uscc"). A household borrower also names its registry household once the
 * gateway knows it, so credit-rating counts the loan for that household and its village.
 *
 * @param loanId          the platform's id of the loan (also the event key)
 * @param loanRef         the lender's own loan number, unique per institution
 * @param cause           REPORTED, STATUS or SETTLED
 * @param subjectType     HOUSEHOLD or FIRM
 * @param subjectHash     keyed hash of the subject's identifier, 64 hex characters
 * @param householdId     the registry's household id of a HOUSEHOLD borrower; null for firms and
 *                        while the registry does not know the head
 * @param amountFen       principal granted, in fen
 * @param outstandingFen  principal outstanding, in fen
 * @param classification  NORMAL, SPECIAL_MENTION, SUBSTANDARD, DOUBTFUL or LOSS (正常/关注/次级/可疑/损失)
 * @param nonPerforming   substandard, doubtful or loss
 * @param maliciousDefault the lender found the borrower in malicious default (恶意逃废债); null in
 *                        events written before the field existed
 */
public record LoanChanged(
        String loanId,
        String institution,
        String loanRef,
        String cause,
        String subjectType,
        String subjectHash,
        String householdId,
        long amountFen,
        LocalDate startDate,
        LocalDate maturityDate,
        String purpose,
        long outstandingFen,
        int overdueDays,
        String classification,
        boolean nonPerforming,
        Boolean maliciousDefault,
        boolean settled,
        LocalDate settledOn,
        int revision) {

    public static final String REPORTED = "REPORTED";
    public static final String STATUS = "STATUS";
    public static final String SETTLED = "SETTLED";

    private static final List<String> CAUSES = List.of(REPORTED, STATUS, SETTLED);
    private static final List<String> CLASSES = List.of("NORMAL", "SPECIAL_MENTION", "SUBSTANDARD", "DOUBTFUL", "LOSS");

    public LoanChanged {
        if (loanId == null || institution == null || loanRef == null) {
            throw new EventFormatException("loanId, institution and loanRef are required");
        }
        if (!CAUSES.contains(cause)) {
            throw new EventFormatException("cause must be one of " + CAUSES);
        }
        if (!"HOUSEHOLD".equals(subjectType) && !"FIRM".equals(subjectType)) {
            throw new EventFormatException("subjectType must be HOUSEHOLD or FIRM");
        }
        if (subjectHash == null || !subjectHash.matches("[0-9a-f]{64}")) {
            throw new EventFormatException(
                    "subjectHash must be a 64-character hex keyed hash, never a plain identifier");
        }
        if (householdId != null
                && (!"HOUSEHOLD".equals(subjectType)
                        || !householdId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))) {
            throw new EventFormatException("householdId is a household borrower's UUID, or null");
        }
        if (!CLASSES.contains(classification)) {
            throw new EventFormatException("classification must be one of " + CLASSES);
        }
        if (amountFen <= 0 || outstandingFen < 0 || overdueDays < 0) {
            throw new EventFormatException("amountFen must be positive, outstandingFen and overdueDays not negative");
        }
    }
}
