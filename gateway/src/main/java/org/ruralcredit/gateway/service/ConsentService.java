package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.commons.validation.RequestConstraints;
import org.ruralcredit.gateway.domain.Consent;
import org.ruralcredit.gateway.domain.ConsentPurpose;
import org.ruralcredit.gateway.domain.Sha256Hex;
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

    /**
     * What a caller sends to record a consent. The subject's identifier (judged by its type and today's
     * date), an expiry after the signing day and the institution (which depends on the caller) are
     * checked by the service.
     */
    public record NewConsent(
            @NotNull(message = "{subject-type.required}") SubjectType subjectType,
            String subjectId,
            @NotNull(message = "{purpose.required}") ConsentPurpose purpose,

            @NotNull(message = "{field.required}") @PastOrPresent(message = "{date.not-future}")
            LocalDate signedOn,

            @NotNull(message = "{field.required}") LocalDate expiresOn,

            @NotNull(message = "{consent.letter-hash}") @Sha256Hex(message = "{consent.letter-hash}")
            String letterSha256,

            String institution) {}

    /** One page of consents, newest first, and how many the list covers in all. */
    public record Listing(List<Consent> items, long total) {}

    /** An institution as tokens name it (the claim), e.g. YYRCB. */
    private static final String INSTITUTION_ID = "[A-Za-z0-9-]{2,64}";

    private final ConsentRepository consents;
    private final Subjects subjects;
    private final StatementService townships;
    private final RequestConstraints constraints;
    private final Clock clock;

    public ConsentService(
            ConsentRepository consents,
            Subjects subjects,
            StatementService townships,
            RequestConstraints constraints,
            Clock clock) {
        this.consents = consents;
        this.constraints = constraints;
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
        List<FieldError> errors = constraints.problemsOf(n);
        String id = subjects.check(n.subjectType(), n.subjectId(), "subjectId", today, errors);
        if (n.signedOn() != null && n.expiresOn() != null && !n.expiresOn().isAfter(n.signedOn())) {
            errors.add(FieldError.of("expiresOn", GatewayCodes.CONSENT_EXPIRES_AFTER_SIGNED));
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
        RequestConstraints.refuseIfAny(errors);
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
        c.letterSha256 = Sha256Hex.Validator.normalised(n.letterSha256());
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
