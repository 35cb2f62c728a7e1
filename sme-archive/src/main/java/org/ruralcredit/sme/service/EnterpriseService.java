package org.ruralcredit.sme.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.ruralcredit.commons.identity.Uscc;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.commons.validation.FreeText;
import org.ruralcredit.commons.validation.PersonName;
import org.ruralcredit.commons.validation.PlainText;
import org.ruralcredit.commons.validation.RequestConstraints;
import org.ruralcredit.events.sme.EnterpriseChanged;
import org.ruralcredit.sme.domain.DivisionCodes;
import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.domain.PersonalDataProtector;
import org.ruralcredit.sme.domain.PhoneNumberFormat;
import org.ruralcredit.sme.domain.ResidentIdNumber;
import org.ruralcredit.sme.repository.EnterpriseRepository;

/** Creating and correcting firm archives; every change leaves as an {@code sme.enterprise.v1} event. */
@ApplicationScoped
public class EnterpriseService {

    /** National economic industry classification (GB/T 4754-2017): section letter, then 2 to 4 digits. */
    private static final String INDUSTRY_CODE = "[A-T](\\d{2}|\\d{3}|\\d{4})?";

    public record Person(
            @FreeText(max = 100, plainText = false, message = "{firm.text-required}") @PersonName
            String name,

            @ResidentIdNumber String residentId,
            @PhoneNumberFormat(message = "{firm.phone}") String phone) {}

    public record Contact(
            @Size(max = 100, message = "{firm.text-too-long}") @PersonName
            String name,

            @PhoneNumberFormat(message = "{firm.phone}") String phone) {}

    /**
     * What a credit-admin files for a firm; on a correction, {@code expectedVersion} guards against lost updates.
     * The credit code and the division are checked by the service: the code's refusal names the wrong
     * characters, and the division must be on the official list.
     */
    public record FirmData(
            String uscc,

            @FreeText(max = 200, plainText = false, message = "{firm.text-required}") @PlainText
            String name,

            @Pattern(regexp = INDUSTRY_CODE, message = "{firm.industry-code}")
            String industryCode,

            @PositiveOrZero(message = "{firm.figure-negative}")
            Long registeredCapital,

            @PastOrPresent(message = "{firm.founded-in-future}")
            LocalDate foundedOn,

            @PositiveOrZero(message = "{firm.figure-negative}")
            Integer employees,

            String divisionCode,

            @Size(max = 300, message = "{firm.text-too-long}") @PlainText
            String address,

            @Valid Person legalRepresentative,
            @Valid Contact contact,
            Boolean hasBankLoan,
            Long expectedVersion) {}

    private final EnterpriseRepository enterprises;
    private final DivisionCodes divisions;
    private final PersonalDataProtector protector;
    private final EnterpriseEvents events;
    private final Caller caller;
    private final FirmScoring scoring;
    private final RequestConstraints constraints;
    private final Clock clock;

    public EnterpriseService(
            EnterpriseRepository enterprises,
            DivisionCodes divisions,
            PersonalDataProtector protector,
            EnterpriseEvents events,
            Caller caller,
            FirmScoring scoring,
            RequestConstraints constraints,
            Clock clock) {
        this.clock = clock;
        this.scoring = scoring;
        this.constraints = constraints;
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
        firm.createdAt = Instant.now(clock);
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
        FirmData withCode = new FirmData(
                uscc,
                data.name(),
                data.industryCode(),
                data.registeredCapital(),
                data.foundedOn(),
                data.employees(),
                data.divisionCode(),
                data.address(),
                data.legalRepresentative(),
                data.contact(),
                data.hasBankLoan(),
                data.expectedVersion());
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
        firm.contactPhoneCipher =
                contact == null || contact.phone() == null ? null : protector.encrypt(contact.phone());
        firm.updatedAt = Instant.now(clock);
        firm.updatedBy = caller.username();
    }

    /** Every problem of the record at once, so a clerk fixes the form in one go. */
    List<Problem.FieldError> validate(FirmData data) {
        List<Problem.FieldError> errors = constraints.problemsOf(data);
        IdentityProblems.uscc("uscc", data.uscc()).ifPresent(errors::add);
        if (data.divisionCode() == null || !divisions.isTownshipOrVillage(data.divisionCode())) {
            errors.add(Problem.FieldError.of("divisionCode", SmeCodes.FIRM_DIVISION));
        }
        // the representative's own constraints cover their name only when the representative is given
        if (data.legalRepresentative() == null) {
            errors.add(Problem.FieldError.of("legalRepresentative.name", SmeCodes.FIRM_TEXT_REQUIRED, 100));
        }
        return errors;
    }
}
