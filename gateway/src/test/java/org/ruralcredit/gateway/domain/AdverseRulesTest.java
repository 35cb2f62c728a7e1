package org.ruralcredit.gateway.domain;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.gateway.domain.AdverseRules.Facts;
import org.ruralcredit.gateway.domain.AdverseRules.Status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.domain.LoanClassification.DOUBTFUL;
import static org.ruralcredit.gateway.domain.LoanClassification.LOSS;
import static org.ruralcredit.gateway.domain.LoanClassification.NORMAL;
import static org.ruralcredit.gateway.domain.LoanClassification.SPECIAL_MENTION;
import static org.ruralcredit.gateway.domain.LoanClassification.SUBSTANDARD;

class AdverseRulesTest {

    @Test
    void maliciousDefaultDoubtfulAndLossAreAdverse() {
        assertTrue(AdverseRules.adverse(NORMAL, true));
        assertTrue(AdverseRules.adverse(DOUBTFUL, false));
        assertTrue(AdverseRules.adverse(LOSS, false));
        assertFalse(AdverseRules.adverse(SUBSTANDARD, false));
        assertFalse(AdverseRules.adverse(SPECIAL_MENTION, false));
    }

    @Test
    void onlyAdverseInformationThePublishedStateLacksWaitsForApproval() {
        assertTrue(AdverseRules.bringsNewAdverse(NORMAL, false, NORMAL, true));
        assertTrue(AdverseRules.bringsNewAdverse(SUBSTANDARD, false, DOUBTFUL, false));
        assertTrue(AdverseRules.bringsNewAdverse(DOUBTFUL, false, LOSS, false));
        assertFalse(AdverseRules.bringsNewAdverse(LOSS, false, LOSS, false), "LOSS again is nothing new");
        assertFalse(
                AdverseRules.bringsNewAdverse(LOSS, false, DOUBTFUL, false),
                "an improvement is not new adverse information");
        assertFalse(AdverseRules.bringsNewAdverse(DOUBTFUL, true, DOUBTFUL, true));
        assertFalse(AdverseRules.bringsNewAdverse(NORMAL, false, SUBSTANDARD, false));
    }

    @Test
    void inEffectOnlyWhenApprovedAndNoticedAndNoObjectionIsOpen() {
        assertEquals(Status.PENDING, AdverseRules.status(new Facts(false, false, false, false)));
        assertEquals(Status.PENDING, AdverseRules.status(new Facts(true, false, false, false)));
        assertEquals(Status.PENDING, AdverseRules.status(new Facts(false, true, false, false)));
        assertEquals(Status.EFFECTIVE, AdverseRules.status(new Facts(true, true, false, false)));
        assertEquals(Status.SUSPENDED, AdverseRules.status(new Facts(true, true, false, true)));
        assertEquals(Status.SUSPENDED, AdverseRules.status(new Facts(false, false, false, true)));
        assertEquals(Status.WITHDRAWN, AdverseRules.status(new Facts(true, true, true, true)));
        assertTrue(Status.PENDING.open());
        assertTrue(Status.SUSPENDED.open());
        assertFalse(Status.EFFECTIVE.open());
        assertFalse(Status.WITHDRAWN.open());
    }

    @Test
    void theMakerDoesNotDecideHisOwnReport() {
        assertEquals(
                GatewayCodes.LOAN_ADVERSE_MAKER_CANNOT_APPROVE,
                AdverseRules.mayDecide("loan-officer", "loan-officer").orElseThrow());
        assertTrue(AdverseRules.mayDecide("loan-officer", null).isPresent());
        assertTrue(AdverseRules.mayDecide("loan-officer", "loan-supervisor").isEmpty());
    }
}
