package org.ruralcredit.gateway.domain;

import java.util.Optional;

import org.ruralcredit.commons.problem.codes.GatewayCodes;

/**
 * Adverse loan information (不良信息: malicious default, or the class 可疑 DOUBTFUL or 损失 LOSS)
 * takes effect only once a second named officer of the lender approved it (four eyes) and the
 * borrower was told (征信业管理条例 Art. 15); an open objection suspends it. Until it is in effect
 * the loan's published state keeps its last state without it. Decided without a database.
 */
public final class AdverseRules {

    private AdverseRules() {}

    /** Where an adverse report stands. PENDING and SUSPENDED ones are open: the loan waits for them. */
    public enum Status {
        PENDING,
        SUSPENDED,
        EFFECTIVE,
        WITHDRAWN;

        public boolean open() {
            return this == PENDING || this == SUSPENDED;
        }
    }

    /** The facts of one report that decide its status. */
    public record Facts(boolean approved, boolean noticed, boolean withdrawn, boolean objectionOpen) {}

    public static boolean adverse(LoanClassification classification, boolean maliciousDefault) {
        return maliciousDefault
                || classification == LoanClassification.DOUBTFUL
                || classification == LoanClassification.LOSS;
    }

    /**
     * Whether a status brings adverse information the loan's published state does not carry yet: a
     * new finding of malicious default, or an adverse class worse than the published one. A loan
     * already published as LOSS that is reported LOSS again brings nothing new.
     */
    public static boolean bringsNewAdverse(
            LoanClassification published, boolean publishedMalicious, LoanClassification next, boolean nextMalicious) {
        if (nextMalicious && !publishedMalicious) {
            return true;
        }
        return adverse(next, false) && next.worseThan(published);
    }

    public static Status status(Facts f) {
        if (f.withdrawn()) {
            return Status.WITHDRAWN;
        }
        if (f.objectionOpen()) {
            return Status.SUSPENDED;
        }
        return f.approved() && f.noticed() ? Status.EFFECTIVE : Status.PENDING;
    }

    /** The officer who proposed a report does not decide it; null or blank names decide nothing. */
    public static Optional<GatewayCodes> mayDecide(String proposedBy, String decider) {
        if (decider == null || decider.isBlank() || decider.equals(proposedBy)) {
            return Optional.of(GatewayCodes.LOAN_ADVERSE_MAKER_CANNOT_APPROVE);
        }
        return Optional.empty();
    }
}
