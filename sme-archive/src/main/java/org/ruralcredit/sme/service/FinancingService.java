package org.ruralcredit.sme.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;

import org.ruralcredit.commons.identity.Uscc;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.validation.RequestConstraints;
import org.ruralcredit.events.sme.EnterpriseChanged;
import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.domain.FinancingReport;
import org.ruralcredit.sme.repository.EnterpriseRepository;
import org.ruralcredit.sme.repository.FinancingRepository;

/** A lender reports that a listed firm obtained financing: the firm leaves the no-loan list. */
@ApplicationScoped
public class FinancingService {

    /** The credit code is checked by the service, whose refusal names the wrong characters. */
    public record FinancingData(
            String uscc,

            @NotNull(message = "{financing.amount}") @Positive(message = "{financing.amount}")
            Long amount,

            @NotNull(message = "{financing.financed-on}") @PastOrPresent(message = "{financing.financed-on}")
            LocalDate financedOn) {}

    /** The report and whether this call created it (false: the same report was already on file). */
    public record Outcome(FinancingReport report, boolean created) {}

    private final FinancingRepository reports;
    private final EnterpriseRepository enterprises;
    private final EnterpriseEvents events;
    private final Caller caller;
    private final RequestConstraints constraints;
    private final Clock clock;

    public FinancingService(
            FinancingRepository reports,
            EnterpriseRepository enterprises,
            EnterpriseEvents events,
            Caller caller,
            RequestConstraints constraints,
            Clock clock) {
        this.clock = clock;
        this.constraints = constraints;
        this.reports = reports;
        this.enterprises = enterprises;
        this.events = events;
        this.caller = caller;
    }

    @Transactional
    public Outcome report(FinancingData data) {
        // the reporting lender is the one in the token, never one named in the body
        String institution = caller.institution();
        if (institution == null || institution.isBlank()) {
            throw ApiException.of(SmeCodes.FINANCING_NO_INSTITUTION);
        }
        if (!"named".equals(caller.accountType())) {
            throw ApiException.of(SmeCodes.FINANCING_NAMED_ACCOUNT, caller.accountType());
        }
        List<Problem.FieldError> errors = constraints.problemsOf(data);
        Uscc code = data.uscc() == null ? null : Uscc.parse(data.uscc()).orElse(null);
        if (code == null) {
            errors.add(IdentityProblems.uscc("uscc", data.uscc())
                    .orElse(Problem.FieldError.of("uscc", CommonCodes.FIELD_INVALID)));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Enterprise firm = enterprises.findById(code.value(), LockModeType.PESSIMISTIC_WRITE);
        if (firm == null) {
            throw ApiException.of(SmeCodes.FIRM_NOT_ARCHIVED, code.value());
        }
        var same = reports.same(firm.uscc, institution, data.financedOn(), data.amount());
        if (same.isPresent()) {
            return new Outcome(same.get(), false);
        }
        if (firm.hasBankLoan) {
            throw ApiException.of(SmeCodes.FINANCING_FIRM_NOT_ON_LIST, firm.uscc);
        }
        FinancingReport report = new FinancingReport();
        report.id = UUID.randomUUID();
        report.uscc = firm.uscc;
        report.institution = institution;
        report.amount = data.amount();
        report.financedOn = data.financedOn();
        report.divisionCode = firm.divisionCode;
        report.reportedBy = caller.username();
        report.reportedAt = Instant.now(clock);
        reports.persist(report);
        firm.hasBankLoan = true;
        firm.version++;
        firm.updatedAt = Instant.now(clock);
        events.announce(
                firm,
                EnterpriseChanged.FINANCED,
                new EnterpriseChanged.Financing(institution, report.amount, report.financedOn));
        return new Outcome(report, true);
    }
}
