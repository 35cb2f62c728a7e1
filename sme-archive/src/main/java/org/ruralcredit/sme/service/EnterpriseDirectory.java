package org.ruralcredit.sme.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.domain.PersonalDataProtector;
import org.ruralcredit.sme.repository.EnterpriseRepository;

/**
 * Finding archived firms, and how much of each the caller sees: the public registration facts for everyone, the
 * representative and contact only for credit-admins and auditors.
 */
@ApplicationScoped
public class EnterpriseDirectory {

    /** A page of firms, the total found, and whether the caller sees their details. */
    public record Found(List<Enterprise> firms, long total, boolean withDetails) {}

    /** One firm, and whether the caller sees its details. */
    public record Shown(Enterprise firm, boolean withDetails) {}

    private final EnterpriseRepository enterprises;
    private final PersonalDataProtector protector;
    private final Caller caller;
    private final Clock clock;

    public EnterpriseDirectory(
            EnterpriseRepository enterprises, PersonalDataProtector protector, Caller caller, Clock clock) {
        this.clock = clock;
        this.enterprises = enterprises;
        this.protector = protector;
        this.caller = caller;
    }

    /** The firms in a division, or (a non-empty {@code representativeId}) those a person represents. */
    @Transactional
    public Found list(String division, String representativeId, int page, int size) {
        if (!representativeId.isEmpty()) {
            return byRepresentative(representativeId, page, size);
        }
        return new Found(enterprises.inDivision(division, page, size), enterprises.countInDivision(division), false);
    }

    @Transactional
    public Shown get(String uscc) {
        Enterprise enterprise = enterprises.findById(uscc);
        if (enterprise == null) {
            throw ApiException.of(SmeCodes.FIRM_NOT_ARCHIVED, uscc);
        }
        return new Shown(enterprise, seesDetails());
    }

    /** Found through the keyed hash, so no resident ID is ever decrypted to search. */
    private Found byRepresentative(String residentId, int page, int size) {
        if (!seesDetails()) {
            throw ApiException.of(SmeCodes.REPRESENTATIVE_SEARCH_FORBIDDEN);
        }
        IdentityProblems.residentId("representativeId", residentId, LocalDate.now(clock))
                .ifPresent(p -> {
                    throw ApiException.invalid(List.of(p));
                });
        String hash = protector.lookupHash(residentId);
        return new Found(enterprises.representedBy(hash, page, size), enterprises.countRepresentedBy(hash), true);
    }

    private boolean seesDetails() {
        return caller.hasRole(Role.CREDIT_ADMIN) || caller.hasRole(Role.AUDITOR);
    }
}
