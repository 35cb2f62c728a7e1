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

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.validation.TextRules;
import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.gateway.domain.AdverseRules;
import org.ruralcredit.gateway.domain.Loan;
import org.ruralcredit.gateway.domain.LoanAdverseReport;
import org.ruralcredit.gateway.domain.LoanClassification;
import org.ruralcredit.gateway.domain.LoanClassificationRule;
import org.ruralcredit.gateway.domain.LoanStatusRules;
import org.ruralcredit.gateway.domain.SubjectType;
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
     * a lender's older integration keeps working.
     */
    public record NewLoan(
            SubjectType subjectType,
            String subjectId,
            BigDecimal amount,
            LocalDate startDate,
            Integer termMonths,
            String purpose,
            BigDecimal annualRate,
            Boolean unsecured,
            String product) {}

    /** Above 36 % a year a loan contract's interest is not protected by law; nothing a rural lender grants. */
    private static final BigDecimal MAX_RATE = new BigDecimal("0.36");

    /** {@code maliciousDefault}: the lender's finding of 恶意逃废债; once true it stays (omit or false: no new finding). */
    public record StatusUpdate(
            BigDecimal outstanding, Integer overdueDays, String classification, Boolean maliciousDefault) {}

    /**
     * The loan, whether this call changed it (a repeat changes nothing and publishes nothing) and the
     * loan's newest adverse report (null when it has none).
     */
    public record Outcome(Loan loan, boolean changed, LoanAdverseReport adverseReport) {

        Outcome(Loan loan, boolean changed) {
            this(loan, changed, null);
        }
    }

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

    private final LoanRepository loans;
    private final QueryRegisterRepository register;
    private final Subjects subjects;
    private final LoanEvents events;
    private final AdverseReportService adverse;
    private final LoanClassificationRule classificationRule;
    private final Clock clock;

    public LoanService(
            LoanRepository loans,
            QueryRegisterRepository register,
            Subjects subjects,
            LoanEvents events,
            AdverseReportService adverse,
            LoanClassificationRule classificationRule,
            Clock clock) {
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
        List<FieldError> errors = new ArrayList<>();
        checkRef(loanRef, errors);
        if (n.subjectType() == null) {
            errors.add(FieldError.of("subjectType", GatewayCodes.SUBJECT_TYPE_REQUIRED));
        }
        String id = subjects.check(n.subjectType(), n.subjectId(), "subjectId", today, errors);
        Long amountFen = fen(n.amount(), "amount", true, errors);
        if (n.startDate() == null) {
            errors.add(FieldError.of("startDate", CommonCodes.FIELD_REQUIRED));
        } else if (n.startDate().isAfter(today)) {
            errors.add(FieldError.of("startDate", GatewayCodes.LOAN_START_IN_FUTURE));
        }
        if (n.termMonths() == null || n.termMonths() < 1 || n.termMonths() > 360) {
            errors.add(FieldError.of("termMonths", GatewayCodes.LOAN_TERM_MONTHS, 1, 360));
        }
        if (n.annualRate() != null
                && (n.annualRate().signum() <= 0
                        || n.annualRate().compareTo(MAX_RATE) > 0
                        || n.annualRate().stripTrailingZeros().scale() > 5)) {
            errors.add(FieldError.of("annualRate", GatewayCodes.LOAN_ANNUAL_RATE));
        }
        if (n.product() != null
                && (n.product().isBlank() || n.product().length() > 100 || !TextRules.isPlainText(n.product()))) {
            errors.add(FieldError.of("product", GatewayCodes.LOAN_PRODUCT, 100));
        }
        if (n.purpose() == null
                || n.purpose().isBlank()
                || n.purpose().length() > 200
                || !TextRules.isPlainText(n.purpose())) {
            errors.add(FieldError.of("purpose", GatewayCodes.TEXT_REQUIRED_PLAIN, 200));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
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
        List<FieldError> errors = new ArrayList<>();
        Long outstanding = fen(u.outstanding(), "outstanding", false, errors);
        if (u.overdueDays() == null || u.overdueDays() < 0 || u.overdueDays() > 36_500) {
            errors.add(FieldError.of("overdueDays", GatewayCodes.LOAN_OVERDUE_DAYS));
        }
        LoanClassification classification = null;
        if (u.classification() != null) {
            try {
                classification = LoanClassification.parse(u.classification());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("classification", GatewayCodes.LOAN_CLASSIFICATION));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Loan l = own(institution, loanRef);
        if (l.settled) {
            throw ApiException.of(GatewayCodes.LOAN_SETTLED, loanRef);
        }
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
    public Outcome settle(String loanRef, LocalDate settledOn, Caller caller) {
        String institution = LenderAccounts.personalInstitution(caller, GatewayCodes.LOAN_ACCOUNT_NOT_PERSONAL);
        LocalDate today = LocalDate.now(clock);
        if (settledOn != null && settledOn.isAfter(today)) {
            throw ApiException.invalid("settledOn", GatewayCodes.DATE_NOT_FUTURE);
        }
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

    /** Yuan with at most two decimals, as fen; null with an error otherwise. */
    private static Long fen(BigDecimal yuan, String field, boolean positive, List<FieldError> errors) {
        if (yuan == null) {
            errors.add(FieldError.of(field, GatewayCodes.AMOUNT_REQUIRED));
            return null;
        }
        if (yuan.stripTrailingZeros().scale() > 2
                || yuan.signum() < 0
                || (positive && yuan.signum() == 0)
                || yuan.compareTo(MAX_AMOUNT) > 0) {
            errors.add(FieldError.of(
                    field,
                    positive ? GatewayCodes.AMOUNT_POSITIVE : GatewayCodes.AMOUNT_NOT_NEGATIVE,
                    MAX_AMOUNT.toBigIntegerExact()));
            return null;
        }
        return yuan.movePointRight(2).longValueExact();
    }
}
