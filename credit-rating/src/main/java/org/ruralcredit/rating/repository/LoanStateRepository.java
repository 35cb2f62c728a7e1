package org.ruralcredit.rating.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.events.lending.LoanChanged;

/** Each household loan's current state as lenders report it, and which household a borrower hash names. */
@ApplicationScoped
public class LoanStateRepository {

    private final EntityManager em;

    public LoanStateRepository(EntityManager em) {
        this.em = em;
    }

    /** From now on the borrower hash counts for this household. */
    public void linkBorrower(String subjectHash, UUID householdId) {
        em.createNativeQuery("""
                        INSERT INTO household_subject (subject_hash, household_id) VALUES (?1, ?2)
                        ON CONFLICT (subject_hash) DO UPDATE SET household_id = excluded.household_id""")
                .setParameter(1, subjectHash)
                .setParameter(2, householdId)
                .executeUpdate();
    }

    /**
     * Keeps the loan's reported state unless a newer revision is kept already; returns the rows
     * changed (0 for a late, older revision). A loan once overdue or non-performing stays marked so;
     * its malicious-default finding changes only when a report states one.
     */
    public int save(LoanChanged loan) {
        return em.createNativeQuery("""
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
                .setParameter(1, loan.loanId())
                .setParameter(2, loan.institution())
                .setParameter(3, loan.subjectType())
                .setParameter(4, loan.subjectHash())
                .setParameter(5, loan.amountFen())
                .setParameter(6, loan.settled() ? 0L : loan.outstandingFen())
                .setParameter(7, loan.overdueDays())
                .setParameter(8, loan.classification())
                .setParameter(9, loan.nonPerforming())
                .setParameter(10, loan.settled())
                .setParameter(11, loan.startDate())
                .setParameter(12, loan.settledOn())
                .setParameter(13, loan.revision())
                .setParameter(14, Boolean.TRUE.equals(loan.maliciousDefault()))
                .setParameter(15, loan.maliciousDefault() != null)
                .executeUpdate();
    }
}
