package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.gateway.domain.Consent;
import org.ruralcredit.gateway.domain.ConsentPurpose;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.repository.ConsentRepository;

/**
 * Records and revokes consents. A lender records for its own institution (the token's claim); a
 * township official records for a household on its behalf and names the lender the household
 * consented to; the household must live in the official's township (asked of the registry, as for
 * objections), and the official's division is kept on the consent for audit.
 */
@ApplicationScoped
public class ConsentService {

    /** What a caller sends to record a consent. */
    public record NewConsent(
            SubjectType subjectType,
            String subjectId,
            ConsentPurpose purpose,
            LocalDate signedOn,
            LocalDate expiresOn,
            String letterSha256,
            String institution) {}

    /** One page of consents, newest first, and how many the list covers in all. */
    public record Listing(List<Consent> items, long total) {}

    /** An institution as tokens name it (the claim), e.g. YYRCB. */
    private static final String INSTITUTION_ID = "[A-Za-z0-9-]{2,64}";

    private final ConsentRepository consents;
    private final Subjects subjects;
    private final StatementService townships;
    private final Clock clock;

    public ConsentService(ConsentRepository consents, Subjects subjects, StatementService townships, Clock clock) {
        this.consents = consents;
        this.subjects = subjects;
        this.townships = townships;
        this.clock = clock;
    }

    /** Validated whole first; an official's township is then checked with the registry, outside the transaction. */
    public Consent record(NewConsent n, Caller caller) {
        // a consent binds a named officer: a shared counter or a system account records none
        ReportRequestService.Asker asker =
                ReportRequestService.Asker.fromToken(caller.username(), caller.institution(), caller.accountType());
        if (!asker.personal()) {
            throw ApiException.of(GatewayCodes.CONSENT_ACCOUNT_NOT_PERSONAL, asker.accountType());
        }
        LocalDate today = LocalDate.now(clock);
        boolean official = caller.hasRole(Role.TOWNSHIP_OFFICIAL) && !caller.hasRole(Role.LENDER);
        List<FieldError> errors = new ArrayList<>();
        if (n.subjectType() == null) {
            errors.add(FieldError.of("subjectType", GatewayCodes.SUBJECT_TYPE_REQUIRED));
        }
        String id = subjects.check(n.subjectType(), n.subjectId(), "subjectId", today, errors);
        if (n.purpose() == null) {
            errors.add(FieldError.of("purpose", GatewayCodes.PURPOSE_REQUIRED));
        }
        if (n.signedOn() == null) {
            errors.add(FieldError.of("signedOn", CommonCodes.FIELD_REQUIRED));
        } else if (n.signedOn().isAfter(today)) {
            errors.add(FieldError.of("signedOn", GatewayCodes.DATE_NOT_FUTURE));
        }
        if (n.expiresOn() == null) {
            errors.add(FieldError.of("expiresOn", CommonCodes.FIELD_REQUIRED));
        } else if (n.signedOn() != null && !n.expiresOn().isAfter(n.signedOn())) {
            errors.add(FieldError.of("expiresOn", GatewayCodes.CONSENT_EXPIRES_AFTER_SIGNED));
        }
        if (n.letterSha256() == null
                || !n.letterSha256().strip().toLowerCase(Locale.ROOT).matches("[0-9a-f]{64}")) {
            errors.add(FieldError.of("letterSha256", GatewayCodes.CONSENT_LETTER_HASH));
        }
        String institution;
        if (official) {
            institution = n.institution() == null ? null : n.institution().strip();
            if (institution == null || institution.isEmpty()) {
                errors.add(FieldError.of("institution", GatewayCodes.CONSENT_INSTITUTION_REQUIRED));
            } else if (!institution.matches(INSTITUTION_ID)) {
                errors.add(FieldError.of("institution", GatewayCodes.INSTITUTION_ID));
            }
            if (n.subjectType() == SubjectType.FIRM) {
                errors.add(FieldError.of("subjectType", GatewayCodes.CONSENT_OFFICIAL_HOUSEHOLDS_ONLY));
            }
            if (caller.division() == null) {
                throw ApiException.of(GatewayCodes.CONSENT_OFFICIAL_WITHOUT_DIVISION);
            }
        } else {
            institution = caller.institution();
            if (institution == null) {
                throw ApiException.of(GatewayCodes.NO_INSTITUTION);
            }
            if (n.institution() != null && !n.institution().strip().equals(institution)) {
                errors.add(FieldError.of("institution", GatewayCodes.CONSENT_OWN_INSTITUTION_ONLY));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (official && !townships.inOwnTownship(id, caller.division())) {
            throw ApiException.of(GatewayCodes.CONSENT_HOUSEHOLD_NOT_IN_TOWNSHIP);
        }
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.subjectType = n.subjectType();
        c.subjectIdEnc = subjects.encrypt(id);
        c.subjectHash = subjects.hash(n.subjectType(), id);
        c.institution = institution;
        c.purpose = n.purpose();
        c.signedOn = n.signedOn();
        c.expiresOn = n.expiresOn();
        c.letterSha256 = n.letterSha256().strip().toLowerCase(Locale.ROOT);
        c.recordedBy = caller.username();
        c.onBehalfDivision = official ? caller.division() : null;
        c.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return store(c);
    }

    @Transactional
    Consent store(Consent c) {
        consents.persist(c);
        return c;
    }

    @Transactional
    public Consent get(UUID id, Caller caller) {
        Consent c = consents.findByIdOptional(id).orElseThrow(() -> ApiException.of(GatewayCodes.CONSENT_NOT_FOUND));
        if (!mayHandle(c, caller)) {
            // Not found rather than forbidden: another institution need not learn the id exists.
            throw ApiException.of(GatewayCodes.CONSENT_NOT_FOUND);
        }
        return c;
    }

    /**
     * The consents the caller may read one by one ({@link #mayHandle}), newest first: a lender's
     * institution's, an official's township's (recorded on a household's behalf). {@code mine} narrows
     * to those the caller recorded. A status outside {@link Consent#STATUSES} is a 400.
     */
    @Transactional
    public Listing list(Caller caller, String status, boolean mine, int page, int size) {
        if (status != null && !Consent.STATUSES.contains(status)) {
            throw ApiException.invalid("status", CommonCodes.FIELD_ONE_OF, Consent.STATUSES);
        }
        String institution = caller.hasRole(Role.LENDER) ? caller.institution() : null;
        String division = caller.hasRole(Role.TOWNSHIP_OFFICIAL) ? caller.division() : null;
        ConsentRepository.Scope scope =
                new ConsentRepository.Scope(institution, division, mine ? caller.username() : null);
        ConsentRepository.Listing found = consents.newestFirst(scope, status, LocalDate.now(clock), page, size);
        return new Listing(found.items(), found.total());
    }

    /** Revocation is final; revoking twice is answered with the first revocation. */
    @Transactional
    public Consent revoke(UUID id, Caller caller) {
        Consent c = consents.lockedById(id).orElseThrow(() -> ApiException.of(GatewayCodes.CONSENT_NOT_FOUND));
        if (!mayHandle(c, caller)) {
            throw ApiException.of(GatewayCodes.CONSENT_NOT_FOUND);
        }
        if (c.revokedAt == null) {
            c.revokedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            c.revokedBy = caller.username();
        }
        return c;
    }

    /** The lender it was given to, or the official (same division) who recorded it for the household. */
    private static boolean mayHandle(Consent c, Caller caller) {
        if (caller.hasRole(Role.LENDER) && c.institution.equals(caller.institution())) {
            return true;
        }
        return caller.hasRole(Role.TOWNSHIP_OFFICIAL)
                && c.onBehalfDivision != null
                && c.onBehalfDivision.equals(caller.division());
    }
}
