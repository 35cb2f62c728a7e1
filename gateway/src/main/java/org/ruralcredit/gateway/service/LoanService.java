package org.ruralcredit.gateway.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.validation.FreeText;
import org.ruralcredit.commons.validation.RequestConstraints;
import org.ruralcredit.commons.validation.RequiredWithin;
import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.gateway.domain.AdverseRules;
import org.ruralcredit.gateway.domain.AnnualRate;
import org.ruralcredit.gateway.domain.ClassificationName;
import org.ruralcredit.gateway.domain.Loan;
import org.ruralcredit.gateway.domain.LoanAdverseReport;
import org.ruralcredit.gateway.domain.LoanClassification;
import org.ruralcredit.gateway.domain.LoanClassificationRule;
import org.ruralcredit.gateway.domain.LoanStatusRules;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.domain.YuanAmount;
import org.ruralcredit.gateway.repository.LoanRepository;
import org.ruralcredit.gateway.repository.QueryRegisterRepository;

/**
 * Loan reporting (贷后管理). A loan is keyed by the lender's own loan number within the caller's
 * institution, so a lender only ever sees and changes its own loans and a repeated report is
 * recognised. Every change is recorded as lending.loan.v1 in the outbox, in the same transaction.
 */
@ApplicationScoped
public class LoanService {

    /**
     * A granted loan. {@code annualRate} (a fraction, e.g. 0.0435), {@code unsecured} (信用贷款: no
     * collateral, no guarantor) and {@code product} are the terms lenders report today; optional, so
     * a lender's older integration keeps working. The borrower's identifier is checked by the service
     * (by its type and today's date), with the loan number from the path.
     */
    public record NewLoan(
            @NotNull(message = "{subject-type.required}") SubjectType subjectType,
            String subjectId,

            @NotNull(message = "{amount.required}") @YuanAmount(positive = true, message = "{amount.positive}")
            BigDecimal amount,

            @NotNull(message = "{field.required}") @PastOrPresent(message = "{loan.start-in-future}")
            LocalDate startDate,

            @RequiredWithin(min = 1, max = 360, message = "{loan.term-months}")
            Integer termMonths,

            @FreeText(max = 200, plainText = true, message = "{text.required-plain}")
            String purpose,

            @AnnualRate BigDecimal annualRate,
            Boolean unsecured,

            @FreeText(max = 100, plainText = true, optional = true, message = "{loan.product}")
            String product) {}

    /** {@code maliciousDefault}: the lender's finding of 恶意逃废债; once true it stays (omit or false: no new finding). */
    public record StatusUpdate(
            @NotNull(message = "{amount.required}") @YuanAmount(message = "{amount.not-negative}")
            BigDecimal outstanding,

            @RequiredWithin(min = 0, max = 36_500, message = "{loan.overdue-days}")
            Integer overdueDays,

            @ClassificationName String classification,
            Boolean maliciousDefault) {}

    /** The day a loan was settled; without it, today. */
    public record Settlement(
            @PastOrPresent(message = "{date.not-future}") LocalDate settledOn) {}

    /**
     * The loan, whether this call changed it (a repeat changes nothing and publishes nothing) and the
     * loan's newest adverse report (null when it has none).
     */
    public record Outcome(Loan loan, boolean changed, LoanAdverseReport adverseReport) {

        Outcome(Loan loan, boolean changed) {
            this(loan, changed, null);
        }
    }

    private final LoanRepository loans;
    private final QueryRegisterRepository register;
    private final Subjects subjects;
    private final LoanEvents events;
    private final AdverseReportService adverse;
    private final LoanClassificationRule classificationRule;
    private final RequestConstraints constraints;
    private final Clock clock;

    public LoanService(
            LoanRepository loans,
            QueryRegisterRepository register,
            Subjects subjects,
            LoanEvents events,
            AdverseReportService adverse,
            LoanClassificationRule classificationRule,
            RequestConstraints constraints,
            Clock clock) {
        this.constraints = constraints;
        this.loans = loans;
        this.register = register;
        this.subjects = subjects;
        this.events = events;
        this.adverse = adverse;
        this.classificationRule = classificationRule;
        this.clock = clock;
    }

    /**
     * Only a named officer's account reports, and only for a borrower the institution queried with a
     * granted loan-application or guarantee-review query, or holds an admitted active loan with.
     */
    @Transactional
    public Outcome report(String loanRef, NewLoan n, Caller caller) {
        String institution = LenderAccounts.personalInstitution(caller, GatewayCodes.LOAN_ACCOUNT_NOT_PERSONAL);
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = constraints.problemsOf(n);
        checkRef(loanRef, errors);
        String id = subjects.check(n.subjectType(), n.subjectId(), "subjectId", today, errors);
        RequestConstraints.refuseIfAny(errors);
        long amountFen = fen(n.amount());
        LocalDate maturity = n.startDate().plusMonths(n.termMonths());
        String hash = subjects.hash(n.subjectType(), id);
        Optional<Loan> existing = loans.ownLocked(institution, loanRef);
        if (existing.isPresent()) {
            Loan l = existing.get();
            boolean same = l.subjectType == n.subjectType()
                    && l.subjectHash.equals(hash)
                    && l.amountFen == amountFen
                    && l.startDate.equals(n.startDate())
                    && l.maturityDate.equals(maturity)
                    && l.purpose.equals(n.purpose().strip())
                    && sameRate(l.annualRate, n.annualRate())
                    && Objects.equals(l.unsecured, n.unsecured())
                    && Objects.equals(l.product, strip(n.product()));
            if (!same) {
                throw ApiException.of(GatewayCodes.LOAN_TERMS_DIFFER, loanRef);
            }
            return new Outcome(l, false, adverse.latest(l.id));
        }
        if (!register.grantedLendingQueryExists(institution, n.subjectType().name(), hash)
                && !loans.activeLoanExists(institution, hash)) {
            throw ApiException.of(GatewayCodes.LOAN_BORROWER_NOT_QUERIED);
        }
        Loan l = new Loan();
        l.id = UUID.randomUUID();
        l.institution = institution;
        l.loanRef = loanRef;
        l.subjectType = n.subjectType();
        l.subjectIdEnc = subjects.encrypt(id);
        l.subjectHash = hash;
        l.amountFen = amountFen;
        l.startDate = n.startDate();
        l.maturityDate = maturity;
        l.purpose = n.purpose().strip();
        l.annualRate = n.annualRate();
        l.unsecured = n.unsecured();
        l.product = strip(n.product());
        l.outstandingFen = amountFen;
        l.overdueDays = 0;
        l.classification = LoanClassification.NORMAL;
        l.worstClassification = LoanClassification.NORMAL;
        l.settled = false;
        l.revision = 1;
        l.admitted = true;
        l.reportedBy = caller.username();
        l.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        loans.persist(l);
        events.publish(l, LoanChanged.REPORTED);
        return new Outcome(l, true);
    }

    /**
     * The classification given wins; without one it follows from the overdue days (LoanClassificationRule,
     * with the configured thresholds). Both must fit the
     * loan's history (LoanStatusRules). A status bringing new adverse information is kept as a
     * pending adverse report: the loan takes only its outstanding balance and keeps its published
     * classification, overdue days and malicious-default finding until the report takes effect.
     * While a report is open (pending or suspended) the loan's status does not change.
     */
    @Transactional
    public Outcome status(String loanRef, StatusUpdate u, Caller caller) {
        String institution = LenderAccounts.personalInstitution(caller, GatewayCodes.LOAN_ACCOUNT_NOT_PERSONAL);
        RequestConstraints.refuseIfAny(constraints.problemsOf(u));
        long outstanding = fen(u.outstanding());
        LoanClassification classification =
                u.classification() == null ? null : LoanClassification.parse(u.classification());
        Loan l = own(institution, loanRef);
        if (l.settled) {
            throw ApiException.of(GatewayCodes.LOAN_SETTLED, loanRef);
        }
        List<FieldError> errors = new ArrayList<>();
        if (outstanding > l.amountFen) {
            errors.add(FieldError.of("outstanding", GatewayCodes.LOAN_OUTSTANDING_ABOVE_AMOUNT));
        }
        for (LoanStatusRules.FieldProblem p :
                LoanStatusRules.status(l.startDate, LocalDate.now(clock), u.overdueDays(), classification)) {
            errors.add(FieldError.of(p.field(), p.code(), p.args().toArray()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Optional<LoanAdverseReport> standing = adverse.standing(l);
        if (standing.isPresent() && standing.get().status().open()) {
            throw ApiException.of(GatewayCodes.LOAN_ADVERSE_OPEN, loanRef, standing.get().id);
        }
        LoanClassification next = classificationRule.classify(classification, u.overdueDays());
        boolean malicious = l.maliciousDefault || Boolean.TRUE.equals(u.maliciousDefault());
        if (AdverseRules.bringsNewAdverse(l.classification, l.maliciousDefault, next, malicious)) {
            LoanAdverseReport r = adverse.propose(l, next, malicious, u.overdueDays(), outstanding, caller.username());
            if (l.outstandingFen != outstanding) {
                l.outstandingFen = outstanding;
                events.changed(l, LoanChanged.STATUS, caller.username());
            }
            return new Outcome(l, true, r);
        }
        if (l.outstandingFen == outstanding
                && l.overdueDays == u.overdueDays()
                && l.classification == next
                && l.maliciousDefault == malicious) {
            return new Outcome(l, false, adverse.latest(l.id));
        }
        l.outstandingFen = outstanding;
        l.overdueDays = u.overdueDays();
        l.classification = next;
        l.maliciousDefault = malicious;
        l.maxOverdueDays = Math.max(l.maxOverdueDays, u.overdueDays());
        if (next.worseThan(l.worstClassification)) {
            l.worstClassification = next;
        }
        events.changed(l, LoanChanged.STATUS, caller.username());
        return new Outcome(l, true, adverse.latest(l.id));
    }

    /** Settling twice is answered with the first settlement. */
    @Transactional
    public Outcome settle(String loanRef, Settlement s, Caller caller) {
        String institution = LenderAccounts.personalInstitution(caller, GatewayCodes.LOAN_ACCOUNT_NOT_PERSONAL);
        RequestConstraints.refuseIfAny(constraints.problemsOf(s));
        LocalDate today = LocalDate.now(clock);
        LocalDate settledOn = s.settledOn();
        Loan l = own(institution, loanRef);
        if (l.settled) {
            return new Outcome(l, false, adverse.latest(l.id));
        }
        Optional<LoanStatusRules.FieldProblem> early = LoanStatusRules.settlement(l.startDate, settledOn);
        if (early.isPresent()) {
            throw ApiException.invalid(
                    early.get().field(), early.get().code(), early.get().args().toArray());
        }
        adverse.settled(l);
        l.settled = true;
        l.settledOn = settledOn != null ? settledOn : today;
        l.outstandingFen = 0;
        l.overdueDays = 0;
        events.changed(l, LoanChanged.SETTLED, caller.username());
        return new Outcome(l, true, adverse.latest(l.id));
    }

    @Transactional
    public Outcome get(String loanRef, Caller caller) {
        Loan l = loans.own(institutionOf(caller), loanRef)
                .orElseThrow(() -> ApiException.of(GatewayCodes.LOAN_NOT_FOUND, loanRef));
        return new Outcome(l, false, adverse.latest(l.id));
    }

    private Loan own(String institution, String loanRef) {
        return loans.ownLocked(institution, loanRef)
                .orElseThrow(() -> ApiException.of(GatewayCodes.LOAN_NOT_FOUND, loanRef));
    }

    private static boolean sameRate(BigDecimal stored, BigDecimal given) {
        return stored == null ? given == null : given != null && stored.compareTo(given) == 0;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String institutionOf(Caller caller) {
        String institution = caller.institution();
        if (institution == null) {
            throw ApiException.of(GatewayCodes.NO_INSTITUTION);
        }
        return institution;
    }

    private static void checkRef(String loanRef, List<FieldError> errors) {
        if (loanRef == null || !loanRef.matches("[A-Za-z0-9._-]{1,64}")) {
            errors.add(FieldError.of("loanRef", GatewayCodes.LOAN_REF, 64));
        }
    }

    /** Yuan as fen; the amount has passed {@link YuanAmount} (at most two decimals). */
    private static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }
}
