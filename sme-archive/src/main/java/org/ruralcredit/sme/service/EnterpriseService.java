package org.ruralcredit.sme.service;

import org.ruralcredit.commons.identity.Uscc;
import org.ruralcredit.commons.identity.PhoneNumber;
import org.ruralcredit.commons.identity.ResidentId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.validation.TextRules;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.events.sme.EnterpriseChanged;
import org.ruralcredit.sme.domain.DivisionCodes;
import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.domain.PersonalDataProtector;
import org.ruralcredit.sme.repository.EnterpriseRepository;

/** Creating and correcting firm archives; every change leaves as an {@code sme.enterprise.v1} event. */
@ApplicationScoped
public class EnterpriseService {

    /** National economic industry classification (GB/T 4754-2017): section letter, then 2 to 4 digits. */
    private static final String INDUSTRY_CODE = "[A-T](\\d{2}|\\d{3}|\\d{4})?";

    public record Person(String name, String residentId, String phone) {
    }

    public record Contact(String name, String phone) {
    }

    /** What a credit-admin files for a firm; on a correction, {@code expectedVersion} guards against lost updates. */
    public record FirmData(String uscc, String name, String industryCode, Long registeredCapital, LocalDate foundedOn,
                           Integer employees, String divisionCode, String address, Person legalRepresentative,
                           Contact contact, Boolean hasBankLoan, Long expectedVersion) {
    }

    private final EnterpriseRepository enterprises;
    private final DivisionCodes divisions;
    private final PersonalDataProtector protector;
    private final EnterpriseEvents events;
    private final Caller caller;
    private final FirmScoring scoring;

    public EnterpriseService(EnterpriseRepository enterprises, DivisionCodes divisions, PersonalDataProtector protector,
                             EnterpriseEvents events, Caller caller, FirmScoring scoring) {
        this.scoring = scoring;
        this.enterprises = enterprises;
        this.divisions = divisions;
        this.protector = protector;
        this.events = events;
        this.caller = caller;
    }

    @Transactional
    public Enterprise create(FirmData data) {
        List<Problem.FieldError> errors = validate(data);
        if (!errors.isEmpty()) {
            throw new ApiException(Problem.validation("The firm record has " + errors.size() + " invalid field(s).", errors));
        }
        Uscc code = Uscc.parse(data.uscc()).orElseThrow();
        requireInCounty(data.divisionCode());
        if (enterprises.findById(code.value()) != null) {
            throw ApiException.conflict("firm-exists", "A firm with credit code " + code + " is already archived; "
                    + "correct it with PUT instead.");
        }
        Enterprise firm = new Enterprise();
        firm.uscc = code.value();
        firm.entityType = code.entityType().name();
        firm.createdAt = Instant.now();
        firm.version = 1;
        apply(firm, data);
        enterprises.persist(firm);
        scoring.rescore(List.of(firm.uscc));
        announce(firm, EnterpriseChanged.CREATED, null);
        return firm;
    }

    @Transactional
    public Enterprise update(String uscc, FirmData data) {
        if (data.uscc() != null && !data.uscc().strip().equalsIgnoreCase(uscc)) {
            throw ApiException.invalid("uscc", "must be the code in the path or left out; a firm's code never changes");
        }
        FirmData withCode = new FirmData(uscc, data.name(), data.industryCode(), data.registeredCapital(),
                data.foundedOn(), data.employees(), data.divisionCode(), data.address(), data.legalRepresentative(),
                data.contact(), data.hasBankLoan(), data.expectedVersion());
        List<Problem.FieldError> errors = validate(withCode);
        if (!errors.isEmpty()) {
            throw new ApiException(Problem.validation("The firm record has " + errors.size() + " invalid field(s).", errors));
        }
        Enterprise firm = enterprises.findById(uscc, LockModeType.PESSIMISTIC_WRITE);
        if (firm == null) {
            throw ApiException.notFound("No firm with credit code " + uscc + " is archived.");
        }
        requireInCounty(firm.divisionCode);
        requireInCounty(data.divisionCode());
        if (data.expectedVersion() != null && data.expectedVersion() != firm.version) {
            throw ApiException.conflict("stale-version", "The archive of " + uscc + " is at version " + firm.version
                    + ", not " + data.expectedVersion() + "; reload it and apply your correction again.");
        }
        firm.version++;
        apply(firm, withCode);
        scoring.rescore(List.of(firm.uscc));
        announce(firm, EnterpriseChanged.UPDATED, null);
        return firm;
    }

    private void announce(Enterprise firm, String change, EnterpriseChanged.Financing financing) {
        events.announce(firm, change, financing);
    }

    /** A credit-admin keeps the archives of their own county (the {@code division} claim); without one, all. */
    private void requireInCounty(String divisionCode) {
        String county = caller.division();
        if (caller.hasRole(Role.CREDIT_ADMIN) && county != null && !divisionCode.startsWith(county)) {
            throw ApiException.forbidden("Division " + divisionCode + " is outside your area " + county + ".");
        }
    }

    private void apply(Enterprise firm, FirmData data) {
        firm.name = data.name().strip();
        firm.industryCode = data.industryCode();
        firm.registeredCapital = data.registeredCapital();
        firm.foundedOn = data.foundedOn();
        firm.employees = data.employees();
        firm.divisionCode = data.divisionCode();
        firm.address = data.address();
        firm.hasBankLoan = Boolean.TRUE.equals(data.hasBankLoan());
        Person rep = data.legalRepresentative();
        firm.legalRepName = rep == null ? null : rep.name();
        firm.legalRepIdCipher = rep == null || rep.residentId() == null ? null : protector.encrypt(rep.residentId());
        firm.legalRepIdHash = rep == null || rep.residentId() == null ? null : protector.lookupHash(rep.residentId());
        firm.legalRepPhoneCipher = rep == null || rep.phone() == null ? null : protector.encrypt(rep.phone());
        Contact contact = data.contact();
        firm.contactName = contact == null ? null : contact.name();
        firm.contactPhoneCipher = contact == null || contact.phone() == null ? null : protector.encrypt(contact.phone());
        firm.updatedAt = Instant.now();
        firm.updatedBy = caller.username();
    }

    /** Every problem of the record at once, so a clerk fixes the form in one go. */
    List<Problem.FieldError> validate(FirmData data) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Uscc.problemWith(data.uscc() == null ? null : data.uscc().strip().toUpperCase(java.util.Locale.ROOT))
                .ifPresent(p -> errors.add(new Problem.FieldError("uscc", p)));
        if (data.name() == null || data.name().isBlank() || data.name().length() > 200) {
            errors.add(new Problem.FieldError("name", "is required, at most 200 characters"));
        }
        if (data.industryCode() != null && !data.industryCode().matches(INDUSTRY_CODE)) {
            errors.add(new Problem.FieldError("industryCode",
                    "must be a GB/T 4754 industry code: a section letter A-T and 2 to 4 digits, e.g. A0151 or C13"));
        }
        if (data.registeredCapital() != null && data.registeredCapital() < 0) {
            errors.add(new Problem.FieldError("registeredCapital", "cannot be negative"));
        }
        if (data.employees() != null && data.employees() < 0) {
            errors.add(new Problem.FieldError("employees", "cannot be negative"));
        }
        if (data.foundedOn() != null && data.foundedOn().isAfter(LocalDate.now())) {
            errors.add(new Problem.FieldError("foundedOn", "cannot be in the future"));
        }
        if (data.divisionCode() == null || !divisions.isTownshipOrVillage(data.divisionCode())) {
            errors.add(new Problem.FieldError("divisionCode", "must be an official 9-digit township or 12-digit village code"));
        }
        if (data.address() != null && data.address().length() > 300) {
            errors.add(new Problem.FieldError("address", "at most 300 characters"));
        }
        text(errors, "name", data.name(), false);
        text(errors, "address", data.address(), false);
        text(errors, "legalRepresentative.name", data.legalRepresentative() == null ? null : data.legalRepresentative().name(), true);
        text(errors, "contact.name", data.contact() == null ? null : data.contact().name(), true);
        Person rep = data.legalRepresentative();
        if (rep == null || rep.name() == null || rep.name().isBlank() || rep.name().length() > 100) {
            errors.add(new Problem.FieldError("legalRepresentative.name", "is required, at most 100 characters"));
        }
        if (rep != null && rep.residentId() != null) {
            ResidentId.problemWith(rep.residentId(), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))
                    .ifPresent(p -> errors.add(new Problem.FieldError("legalRepresentative.residentId", p)));
        }
        if (rep != null && rep.phone() != null && PhoneNumber.isInvalid(rep.phone())) {
            errors.add(new Problem.FieldError("legalRepresentative.phone", "must be a mobile number or a landline with area code"));
        }
        Contact contact = data.contact();
        if (contact != null && contact.phone() != null && PhoneNumber.isInvalid(contact.phone())) {
            errors.add(new Problem.FieldError("contact.phone", "must be a mobile number or a landline with area code"));
        }
        if (contact != null && contact.name() != null && contact.name().length() > 100) {
            errors.add(new Problem.FieldError("contact.name", "at most 100 characters"));
        }
        return errors;
    }

    private static void text(List<Problem.FieldError> errors, String field, String value, boolean personName) {
        if (personName ? !TextRules.isPersonName(value) : !TextRules.isPlainText(value)) {
            errors.add(new Problem.FieldError(field, personName ? TextRules.PERSON_NAME_MESSAGE : TextRules.PLAIN_TEXT_MESSAGE));
        }
    }
}
