package org.ruralcredit.sme.service;

import org.ruralcredit.commons.identity.Uscc;
import org.ruralcredit.commons.identity.PhoneNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.SmeCodes;
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
            throw ApiException.invalid(errors);
        }
        Uscc code = Uscc.parse(data.uscc()).orElseThrow();
        requireInCounty(data.divisionCode());
        if (enterprises.findById(code.value()) != null) {
            throw ApiException.of(SmeCodes.FIRM_ALREADY_ARCHIVED, code.value());
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
            throw ApiException.invalid("uscc", SmeCodes.FIRM_CODE_UNCHANGEABLE);
        }
        FirmData withCode = new FirmData(uscc, data.name(), data.industryCode(), data.registeredCapital(),
                data.foundedOn(), data.employees(), data.divisionCode(), data.address(), data.legalRepresentative(),
                data.contact(), data.hasBankLoan(), data.expectedVersion());
        List<Problem.FieldError> errors = validate(withCode);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Enterprise firm = enterprises.findById(uscc, LockModeType.PESSIMISTIC_WRITE);
        if (firm == null) {
            throw ApiException.of(SmeCodes.FIRM_NOT_ARCHIVED, uscc);
        }
        requireInCounty(firm.divisionCode);
        requireInCounty(data.divisionCode());
        if (data.expectedVersion() != null && data.expectedVersion() != firm.version) {
            throw ApiException.of(SmeCodes.FIRM_STALE_VERSION, uscc, firm.version, data.expectedVersion());
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
            throw ApiException.of(SmeCodes.FIRM_OUTSIDE_AREA, divisionCode, county);
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
        IdentityProblems.uscc("uscc", data.uscc()).ifPresent(errors::add);
        if (data.name() == null || data.name().isBlank() || data.name().length() > 200) {
            errors.add(Problem.FieldError.of("name", SmeCodes.FIRM_TEXT_REQUIRED, 200));
        }
        if (data.industryCode() != null && !data.industryCode().matches(INDUSTRY_CODE)) {
            errors.add(Problem.FieldError.of("industryCode", SmeCodes.FIRM_INDUSTRY_CODE));
        }
        if (data.registeredCapital() != null && data.registeredCapital() < 0) {
            errors.add(Problem.FieldError.of("registeredCapital", SmeCodes.FIRM_FIGURE_NEGATIVE));
        }
        if (data.employees() != null && data.employees() < 0) {
            errors.add(Problem.FieldError.of("employees", SmeCodes.FIRM_FIGURE_NEGATIVE));
        }
        if (data.foundedOn() != null && data.foundedOn().isAfter(LocalDate.now())) {
            errors.add(Problem.FieldError.of("foundedOn", SmeCodes.FIRM_FOUNDED_IN_FUTURE));
        }
        if (data.divisionCode() == null || !divisions.isTownshipOrVillage(data.divisionCode())) {
            errors.add(Problem.FieldError.of("divisionCode", SmeCodes.FIRM_DIVISION));
        }
        if (data.address() != null && data.address().length() > 300) {
            errors.add(Problem.FieldError.of("address", SmeCodes.FIRM_TEXT_TOO_LONG, 300));
        }
        text(errors, "name", data.name(), false);
        text(errors, "address", data.address(), false);
        text(errors, "legalRepresentative.name", data.legalRepresentative() == null ? null : data.legalRepresentative().name(), true);
        text(errors, "contact.name", data.contact() == null ? null : data.contact().name(), true);
        Person rep = data.legalRepresentative();
        if (rep == null || rep.name() == null || rep.name().isBlank() || rep.name().length() > 100) {
            errors.add(Problem.FieldError.of("legalRepresentative.name", SmeCodes.FIRM_TEXT_REQUIRED, 100));
        }
        if (rep != null && rep.residentId() != null) {
            IdentityProblems.residentId("legalRepresentative.residentId", rep.residentId()).ifPresent(errors::add);
        }
        if (rep != null && rep.phone() != null && PhoneNumber.isInvalid(rep.phone())) {
            errors.add(Problem.FieldError.of("legalRepresentative.phone", SmeCodes.FIRM_PHONE));
        }
        Contact contact = data.contact();
        if (contact != null && contact.phone() != null && PhoneNumber.isInvalid(contact.phone())) {
            errors.add(Problem.FieldError.of("contact.phone", SmeCodes.FIRM_PHONE));
        }
        if (contact != null && contact.name() != null && contact.name().length() > 100) {
            errors.add(Problem.FieldError.of("contact.name", SmeCodes.FIRM_TEXT_TOO_LONG, 100));
        }
        return errors;
    }

    private static void text(List<Problem.FieldError> errors, String field, String value, boolean personName) {
        if (personName ? !TextRules.isPersonName(value) : !TextRules.isPlainText(value)) {
            errors.add(Problem.FieldError.of(field, personName ? CommonCodes.FIELD_PERSON_NAME : CommonCodes.FIELD_PLAIN_TEXT));
        }
    }
}
