package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.validation.RequestConstraints;
import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.gateway.domain.AdverseRules;
import org.ruralcredit.gateway.domain.Loan;
import org.ruralcredit.gateway.domain.LoanAdverseReport;
import org.ruralcredit.gateway.domain.LoanClassification;
import org.ruralcredit.gateway.domain.Statement;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.repository.LoanAdverseReportRepository;
import org.ruralcredit.gateway.repository.LoanRepository;

/**
 * Adverse loan information under four eyes and notice (征信业管理条例 Art. 15). A status that brings
 * new adverse information is kept as a proposal; the loan's published state (its row, its history
 * and lending.loan.v1) keeps the last state without it until a second named officer of the
 * institution approved it and the notice to the borrower is recorded. An objection about the
 * subject's loans suspends its standing reports until it is answered: rejected, a report approved
 * and noticed takes effect again; upheld, it is withdrawn.
 */
@ApplicationScoped
public class AdverseReportService {

    public enum Verdict {
        APPROVE,
        REJECT
    }

    /** A second officer's decision on a proposed adverse report. */
    public record Decision(
            @NotNull(message = "{loan.adverse.decision-required}")
            Verdict decision) {}

    /**
     * The notice to the borrower: the day told and how (短信 SMS, 上门 VISIT, 书面 LETTER). The day lies
     * between the report's proposal and today, which the service judges.
     */
    public record Notice(
            LocalDate noticedOn,

            @NotNull(message = "{loan.adverse.notice-channel}")
            LoanAdverseReport.Channel channel) {}

    /** A report with its loan's number. */
    public record Listed(LoanAdverseReport report, String loanRef) {}

    private final LoanRepository loans;
    private final LoanAdverseReportRepository reports;
    private final LoanEvents events;
    private final RequestConstraints constraints;
    private final Clock clock;

    public AdverseReportService(
            LoanRepository loans,
            LoanAdverseReportRepository reports,
            LoanEvents events,
            RequestConstraints constraints,
            Clock clock) {
        this.loans = loans;
        this.constraints = constraints;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /** The loan's newest report that is not withdrawn, locked; the caller holds the loan's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<LoanAdverseReport> standing(Loan l) {
        return reports.latestStandingLocked(l.id);
    }

    /** The loan's newest report of any status, or null. */
    @Transactional
    public LoanAdverseReport latest(UUID loanId) {
        List<LoanAdverseReport> all = reports.ofLoan(loanId);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Keeps the adverse status as a proposal; the loan keeps its published state meanwhile. */
    @Transactional(Transactional.TxType.MANDATORY)
    LoanAdverseReport propose(
            Loan l,
            LoanClassification classification,
            boolean maliciousDefault,
            int overdueDays,
            long outstandingFen,
            String username) {
        LoanAdverseReport r = new LoanAdverseReport();
        r.id = UUID.randomUUID();
        r.loanId = l.id;
        r.classification = classification;
        r.maliciousDefault = maliciousDefault;
        r.overdueDays = overdueDays;
        r.outstandingFen = outstandingFen;
        r.baseClassification = l.classification;
        r.baseOverdueDays = l.overdueDays;
        r.baseMaliciousDefault = l.maliciousDefault;
        r.baseWorstClassification = l.worstClassification;
        r.baseMaxOverdueDays = l.maxOverdueDays;
        r.proposedBy = username;
        r.proposedAt = now();
        reports.persist(r);
        return r;
    }

    /** On settlement a report not yet in effect lapses; one in effect and suspended waits for its objection. */
    @Transactional(Transactional.TxType.MANDATORY)
    void settled(Loan l) {
        standing(l)
                .filter(r -> !(r.decision == LoanAdverseReport.Decision.APPROVED && r.noticedOn != null))
                .ifPresent(r -> withdraw(r, LoanAdverseReport.WithdrawnReason.SETTLED));
    }

    /** A second named officer of the institution approves or rejects; the proposer cannot. */
    @Transactional
    public Listed decide(String loanRef, UUID id, Decision d, Caller caller) {
        String institution = LenderAccounts.personalInstitution(caller, GatewayCodes.LOAN_ACCOUNT_NOT_PERSONAL);
        // no body is a decision without its verdict
        RequestConstraints.refuseIfAny(constraints.problemsOf(d == null ? new Decision(null) : d));
        Loan l = own(institution, loanRef);
        LoanAdverseReport r = reports.ofLoanLocked(l.id, id)
                .orElseThrow(() -> ApiException.of(GatewayCodes.LOAN_ADVERSE_NOT_FOUND, id));
        AdverseRules.mayDecide(r.proposedBy, caller.username()).ifPresent(code -> {
            throw ApiException.of(code, r.proposedBy);
        });
        if (r.decision != null) {
            throw ApiException.of(GatewayCodes.LOAN_ADVERSE_DECIDED, r.decidedBy, r.decidedAt);
        }
        requireStanding(r);
        r.decidedBy = caller.username();
        r.decidedAt = now();
        if (d.decision() == Verdict.REJECT) {
            r.decision = LoanAdverseReport.Decision.REJECTED;
            withdraw(r, LoanAdverseReport.WithdrawnReason.REJECTED);
        } else {
            r.decision = LoanAdverseReport.Decision.APPROVED;
            takeEffectIfDue(l, r, caller.username());
        }
        return new Listed(r, l.loanRef);
    }

    /** Records how and when the borrower was told; any named officer of the institution records it, once. */
    @Transactional
    public Listed notice(String loanRef, UUID id, Notice n, Caller caller) {
        String institution = LenderAccounts.personalInstitution(caller, GatewayCodes.LOAN_ACCOUNT_NOT_PERSONAL);
        Loan l = own(institution, loanRef);
        LoanAdverseReport r = reports.ofLoanLocked(l.id, id)
                .orElseThrow(() -> ApiException.of(GatewayCodes.LOAN_ADVERSE_NOT_FOUND, id));
        LocalDate proposedOn = LocalDate.ofInstant(r.proposedAt, clock.getZone());
        Notice given = n == null ? new Notice(null, null) : n;
        List<FieldError> errors = constraints.problemsOf(given);
        if (given.noticedOn() == null
                || given.noticedOn().isAfter(LocalDate.now(clock))
                || given.noticedOn().isBefore(proposedOn)) {
            errors.add(FieldError.of("noticedOn", GatewayCodes.LOAN_ADVERSE_NOTICE_DATE, proposedOn));
        }
        RequestConstraints.refuseIfAny(errors);
        if (r.noticedOn != null) {
            throw ApiException.of(GatewayCodes.LOAN_ADVERSE_NOTICE_RECORDED, r.noticedOn, r.noticeRecordedBy);
        }
        requireStanding(r);
        r.noticedOn = n.noticedOn();
        r.noticeChannel = n.channel();
        r.noticeRecordedBy = caller.username();
        r.noticeRecordedAt = now();
        takeEffectIfDue(l, r, caller.username());
        return new Listed(r, l.loanRef);
    }

    /** The institution's reports waiting for approval, notice or an objection's answer, oldest first. */
    @Transactional
    public List<Listed> open(Caller caller) {
        String institution = caller.institution();
        if (institution == null) {
            throw ApiException.of(GatewayCodes.NO_INSTITUTION);
        }
        return reports.openOfInstitution(institution).stream()
                .map(row -> new Listed((LoanAdverseReport) row[0], (String) row[1]))
                .toList();
    }

    /** An objection about a subject's loans suspends every standing report on them (caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void objectionRaised(SubjectType type, String subjectHash, UUID objectionId, String username) {
        loans.lockOfSubject(type, subjectHash); // loans before their reports, as a status report locks them
        for (LoanAdverseReport r : reports.objectableOfSubjectLocked(type, subjectHash)) {
            boolean wasEffective = r.status() == AdverseRules.Status.EFFECTIVE;
            r.objectionId = objectionId;
            r.objectionOpen = true;
            if (wasEffective) {
                Loan l = loans.findById(r.loanId, LockModeType.PESSIMISTIC_WRITE);
                revert(l, r, username);
            }
        }
    }

    /** Rejected: the suspended reports stand again (in effect if approved and noticed); upheld: withdrawn. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void objectionAnswered(UUID objectionId, Statement.Outcome outcome, String username) {
        loans.lockAll(reports.loansSuspendedBy(objectionId));
        for (LoanAdverseReport r : reports.suspendedByLocked(objectionId)) {
            r.objectionOpen = false;
            if (outcome == Statement.Outcome.UPHELD) {
                withdraw(r, LoanAdverseReport.WithdrawnReason.OBJECTION_UPHELD);
            } else {
                Loan l = loans.findById(r.loanId, LockModeType.PESSIMISTIC_WRITE);
                takeEffectIfDue(l, r, username);
            }
        }
    }

    private void takeEffectIfDue(Loan l, LoanAdverseReport r, String username) {
        if (r.status() != AdverseRules.Status.EFFECTIVE) {
            return;
        }
        l.classification = r.classification;
        l.maliciousDefault = l.maliciousDefault || r.maliciousDefault;
        if (!l.settled) {
            l.overdueDays = r.overdueDays;
        }
        l.maxOverdueDays = Math.max(l.maxOverdueDays, r.overdueDays);
        if (r.classification.worseThan(l.worstClassification)) {
            l.worstClassification = r.classification;
        }
        events.changed(l, LoanChanged.STATUS, username);
    }

    /** Back to the state the loan had without the report, unless a later status already left the adverse state. */
    private void revert(Loan l, LoanAdverseReport r, String username) {
        if (!AdverseRules.adverse(l.classification, l.maliciousDefault)) {
            return;
        }
        l.classification = r.baseClassification;
        l.maliciousDefault = r.baseMaliciousDefault;
        if (!l.settled) {
            l.overdueDays = r.baseOverdueDays;
        }
        l.worstClassification = r.baseWorstClassification;
        l.maxOverdueDays = r.baseMaxOverdueDays;
        events.changed(l, LoanChanged.STATUS, username);
    }

    private void withdraw(LoanAdverseReport r, LoanAdverseReport.WithdrawnReason reason) {
        r.withdrawnAt = now();
        r.withdrawnReason = reason;
    }

    private static void requireStanding(LoanAdverseReport r) {
        if (r.withdrawnAt != null) {
            throw ApiException.of(GatewayCodes.LOAN_ADVERSE_WITHDRAWN, r.withdrawnReason.name());
        }
    }

    private Loan own(String institution, String loanRef) {
        return loans.ownLocked(institution, loanRef)
                .orElseThrow(() -> ApiException.of(GatewayCodes.LOAN_NOT_FOUND, loanRef));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
