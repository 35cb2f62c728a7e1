package org.ruralcredit.sme.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.sme.domain.Enterprise;

/**
 * A credit-admin files and reads a firm's figures and facts only in their own county (the
 * {@code division} claim); auditors read every county, as everywhere on the platform.
 */
@ApplicationScoped
public class CountyScope {

    private final Caller caller;

    public CountyScope(Caller caller) {
        this.caller = caller;
    }

    void requireCovers(Enterprise firm) {
        String county = caller.division();
        if (caller.hasRole(Role.CREDIT_ADMIN) && county != null && !firm.divisionCode.startsWith(county)) {
            throw ApiException.of(SmeCodes.FILING_FIRM_OUTSIDE_AREA, firm.uscc, county);
        }
    }
}
