package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.gateway.domain.Loan;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.repository.LoanRepository;

/**
 * A change of a loan's published state: a new revision, a row of its dated status history and
 * lending.loan.v1 in the outbox, all in the caller's transaction. The published state is the
 * loan's state with only the adverse information in effect (see AdverseRules).
 */
@ApplicationScoped
public class LoanEvents {

    private final LoanRepository loans;
    private final Subjects subjects;
    private final Outbox outbox;
    private final Clock clock;
    private final BorrowerHouseholds households;

    public LoanEvents(
            LoanRepository loans, Subjects subjects, Outbox outbox, Clock clock, BorrowerHouseholds households) {
        this.loans = loans;
        this.subjects = subjects;
        this.outbox = outbox;
        this.clock = clock;
        this.households = households;
    }

    /** A new revision of an existing loan, changed by {@code username}. */
    public void changed(Loan l, String cause, String username) {
        l.revision++;
        l.reportedBy = username;
        l.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        publish(l, cause);
    }

    /** Publishes the change and appends it, dated, to the loan's status history, in the caller's transaction. */
    public void publish(Loan l, String cause) {
        loans.recordStatus(l, cause, LocalDate.ofInstant(l.updatedAt, clock.getZone()));
        if (l.subjectType == SubjectType.HOUSEHOLD && l.householdId == null) {
            l.householdId = households
                    .of(l.subjectHash, subjects.identifier(l.subjectIdEnc))
                    .orElse(null);
        }
        outbox.record(
                EventCatalog.LOAN_CHANGED,
                l.id.toString(),
                new LoanChanged(
                        l.id.toString(),
                        l.institution,
                        l.loanRef,
                        cause,
                        l.subjectType.name(),
                        l.subjectHash,
                        l.householdId == null ? null : l.householdId.toString(),
                        l.amountFen,
                        l.startDate,
                        l.maturityDate,
                        l.purpose,
                        l.outstandingFen,
                        l.overdueDays,
                        l.classification.name(),
                        l.classification.nonPerforming(),
                        l.maliciousDefault,
                        l.settled,
                        l.settledOn,
                        l.revision));
    }
}
