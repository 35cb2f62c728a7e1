package org.ruralcredit.gateway.service;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;

/** Who may write for a lender: a named person's account (not a shared counter or a system account) of an institution. */
final class LenderAccounts {

    private LenderAccounts() {}

    /** The caller's institution (from the token), after refusing shared and service accounts with {@code code}. */
    static String personalInstitution(Caller caller, GatewayCodes code) {
        ReportRequestService.Asker asker =
                ReportRequestService.Asker.fromToken(caller.username(), caller.institution(), caller.accountType());
        if (!asker.personal()) {
            throw ApiException.of(code, asker.accountType());
        }
        if (caller.institution() == null) {
            throw ApiException.of(GatewayCodes.NO_INSTITUTION);
        }
        return caller.institution();
    }
}
