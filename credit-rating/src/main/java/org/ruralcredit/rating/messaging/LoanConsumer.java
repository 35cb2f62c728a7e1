package org.ruralcredit.rating.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ruralcredit.commons.inbox.Inbox;
import org.ruralcredit.rating.service.RerateAfterCommit;
import org.ruralcredit.commons.resilience.RetriedWhileTransient;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.lending.LoanChanged;

import io.smallrye.common.annotation.Blocking;

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
    private final EntityManager em;
    private final RerateAfterCommit rerate;

    public LoanConsumer(Inbox inbox, EntityManager em, RerateAfterCommit rerate) {
        this.rerate = rerate;
        this.inbox = inbox;
        this.em = em;
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
            em.createNativeQuery("""
                            INSERT INTO household_subject (subject_hash, household_id) VALUES (?1, ?2)
                            ON CONFLICT (subject_hash) DO UPDATE SET household_id = excluded.household_id""")
                    .setParameter(1, loan.subjectHash()).setParameter(2, UUID.fromString(loan.householdId()))
                    .executeUpdate();
        }
        int changed = em.createNativeQuery("""
                        INSERT INTO loan_state (loan_id, institution, subject_type, subject_hash, amount_fen,
                            outstanding_fen, overdue_days, classification, non_performing, ever_non_performing,
                            ever_overdue, malicious_default, settled, start_date, settled_on, revision, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?7 > 0 OR ?9, ?14, ?10, ?11, ?12, ?13, now())
                        ON CONFLICT (loan_id) DO UPDATE SET outstanding_fen = excluded.outstanding_fen,
                            overdue_days = excluded.overdue_days, classification = excluded.classification,
                            non_performing = excluded.non_performing,
                            ever_non_performing = loan_state.ever_non_performing OR excluded.non_performing,
                            ever_overdue = loan_state.ever_overdue OR excluded.ever_overdue,
                            malicious_default = CASE WHEN ?15 THEN excluded.malicious_default ELSE loan_state.malicious_default END,
                            settled = excluded.settled, settled_on = excluded.settled_on,
                            revision = excluded.revision, updated_at = excluded.updated_at
                        WHERE loan_state.revision < excluded.revision""")
                .setParameter(1, loan.loanId()).setParameter(2, loan.institution())
                .setParameter(3, loan.subjectType()).setParameter(4, loan.subjectHash())
                .setParameter(5, loan.amountFen()).setParameter(6, loan.settled() ? 0L : loan.outstandingFen())
                .setParameter(7, loan.overdueDays()).setParameter(8, loan.classification())
                .setParameter(9, loan.nonPerforming()).setParameter(10, loan.settled())
                .setParameter(11, loan.startDate()).setParameter(12, loan.settledOn())
                .setParameter(13, loan.revision())
                .setParameter(14, Boolean.TRUE.equals(loan.maliciousDefault()))
                .setParameter(15, loan.maliciousDefault() != null)
                .executeUpdate();
        if (changed > 0) {
            em.createNativeQuery("""
                            UPDATE household_facts SET needs_rating = true, marked_at = ?2
                            WHERE household_id = (SELECT household_id FROM household_subject WHERE subject_hash = ?1)
                              AND status = 'ACTIVE'""")
                    .setParameter(1, loan.subjectHash()).setParameter(2, Instant.now()).executeUpdate();
            rerate.marked();
        }
    }
}
