package org.ruralcredit.rating.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.ruralcredit.commons.inbox.Inbox;
import org.ruralcredit.commons.resilience.RetriedWhileTransient;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.rating.repository.HouseholdFactsRepository;
import org.ruralcredit.rating.repository.LoanStateRepository;
import org.ruralcredit.rating.service.RerateAfterCommit;
import org.ruralcredit.rating.service.RerateMarks;

/**
 * Keeps each household loan's current state from lending.loan.v1 (the gateway's loan reports):
 * outstanding balance, overdue days, classification, settled. A newer revision replaces an older
 * one; an older revision arriving late changes nothing. A loan once overdue stays marked so, for
 * the scorecard's five-year overdue count; so does a lender's finding of malicious default, a veto. Firms' loans are not kept: no household or
 * division rating reads them. The borrower's household, named in the event once the gateway knows
 * it, is marked for re-rating.
 */
@ApplicationScoped
public class LoanConsumer {

    static final String CONSUMER = "loan-state";

    private final Inbox inbox;
    private final LoanStateRepository loans;
    private final HouseholdFactsRepository households;
    private final RerateAfterCommit rerate;

    public LoanConsumer(
            Inbox inbox, LoanStateRepository loans, HouseholdFactsRepository households, RerateAfterCommit rerate) {
        this.rerate = rerate;
        this.inbox = inbox;
        this.loans = loans;
        this.households = households;
    }

    @Incoming("lending-loan")
    @Blocking
    @RetriedWhileTransient
    @Transactional
    public void onLoanChanged(String json) {
        EventEnvelope<?> event = EventCodec.decode(json);
        if (!inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        apply(event.dataAs(EventCatalog.LOAN_CHANGED));
    }

    void apply(LoanChanged loan) {
        if (!"HOUSEHOLD".equals(loan.subjectType())) {
            return;
        }
        if (loan.householdId() != null) {
            // the gateway names the borrower's household once it knows it; the hash then counts for it
            loans.linkBorrower(loan.subjectHash(), UUID.fromString(loan.householdId()));
        }
        if (loans.save(loan) > 0) {
            households.markBorrowerForRating(loan.subjectHash(), RerateMarks.now());
            rerate.marked();
        }
    }
}
