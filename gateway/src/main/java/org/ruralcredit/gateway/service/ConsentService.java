package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.Problem.FieldError;
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
    public record NewConsent(SubjectType subjectType, String subjectId, ConsentPurpose purpose, LocalDate signedOn,
                             LocalDate expiresOn, String letterSha256, String institution) {
    }

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
        LocalDate today = LocalDate.now(clock);
        boolean official = caller.hasRole(Role.TOWNSHIP_OFFICIAL) && !caller.hasRole(Role.LENDER);
        List<FieldError> errors = new ArrayList<>();
        if (n.subjectType() == null) {
            errors.add(new FieldError("subjectType", "is required: HOUSEHOLD or FIRM"));
        }
        String id = subjects.check(n.subjectType(), n.subjectId(), "subjectId", today, errors);
        if (n.purpose() == null) {
            errors.add(new FieldError("purpose", "is required: LOAN_APPLICATION, POST_LOAN_MANAGEMENT or GUARANTEE_REVIEW"));
        }
        if (n.signedOn() == null) {
            errors.add(new FieldError("signedOn", "is required"));
        } else if (n.signedOn().isAfter(today)) {
            errors.add(new FieldError("signedOn", "cannot be in the future"));
        }
        if (n.expiresOn() == null) {
            errors.add(new FieldError("expiresOn", "is required"));
        } else if (n.signedOn() != null && !n.expiresOn().isAfter(n.signedOn())) {
            errors.add(new FieldError("expiresOn", "must be after signedOn"));
        }
        if (n.letterSha256() == null || !n.letterSha256().strip().toLowerCase().matches("[0-9a-f]{64}")) {
            errors.add(new FieldError("letterSha256", "must be the SHA-256 of the signed letter as 64 hex characters"));
        }
        String institution;
        if (official) {
            institution = n.institution() == null ? null : n.institution().strip();
            if (institution == null || institution.isEmpty()) {
                errors.add(new FieldError("institution", "is required when an official records a consent: the lender the household consented to"));
            } else if (!institution.matches(INSTITUTION_ID)) {
                errors.add(new FieldError("institution", "must be an institution id: 2-64 letters, digits or dashes"));
            }
            if (n.subjectType() == SubjectType.FIRM) {
                errors.add(new FieldError("subjectType", "an official records consents for households only"));
            }
            if (caller.division() == null) {
                throw ApiException.forbidden("Your account has no division, so you cannot record a consent on a household's behalf.");
            }
        } else {
            institution = caller.institution();
            if (institution == null) {
                throw ApiException.forbidden("Your account belongs to no institution.");
            }
            if (n.institution() != null && !n.institution().strip().equals(institution)) {
                errors.add(new FieldError("institution", "a lender records consents for its own institution only"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(Problem.validation("The consent has invalid fields; nothing was stored.", errors));
        }
        if (official && !townships.inOwnTownship(id, caller.division())) {
            throw new ApiException(Problem.of(403, "household-not-in-township", "Not your township's household",
                    "The registry has no household with this head in your township; an official records consents "
                            + "only for households of their own township. Nothing was stored."));
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
        c.letterSha256 = n.letterSha256().strip().toLowerCase();
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
        Consent c = consents.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("No consent with this id."));
        if (!mayHandle(c, caller)) {
            // Not found rather than forbidden: another institution need not learn the id exists.
            throw ApiException.notFound("No consent with this id.");
        }
        return c;
    }

    /** Revocation is final; revoking twice is answered with the first revocation. */
    @Transactional
    public Consent revoke(UUID id, Caller caller) {
        Consent c = consents.lockedById(id).orElseThrow(() -> ApiException.notFound("No consent with this id."));
        if (!mayHandle(c, caller)) {
            throw ApiException.notFound("No consent with this id.");
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
        return caller.hasRole(Role.TOWNSHIP_OFFICIAL) && c.onBehalfDivision != null
                && c.onBehalfDivision.equals(caller.division());
    }
}
