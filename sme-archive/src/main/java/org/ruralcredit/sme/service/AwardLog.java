package org.ruralcredit.sme.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.sme.domain.AwardCheck;
import org.ruralcredit.sme.repository.AwardRepository;

/** The logged award checks as the caller may read them: auditors every agency's, an agency its own institution's. */
@ApplicationScoped
public class AwardLog {

    private final AwardRepository awards;
    private final Caller caller;

    public AwardLog(AwardRepository awards, Caller caller) {
        this.awards = awards;
        this.caller = caller;
    }

    /** Newest first. */
    @Transactional
    public List<AwardCheck> checks(int limit) {
        return awards.checks(scope(), limit);
    }

    /** Another institution's check is answered as not found, so its existence does not leak. */
    @Transactional
    public AwardCheck check(UUID id) {
        AwardCheck check = awards.check(id);
        String scope = scope();
        if (check == null || (scope != null && !scope.equals(check.institution))) {
            throw ApiException.of(SmeCodes.AWARD_CHECK_NOT_FOUND, id);
        }
        return check;
    }

    /** The institution whose checks the caller reads; null for all. */
    private String scope() {
        return caller.hasRole(Role.AUDITOR) ? null : String.valueOf(caller.institution());
    }
}
