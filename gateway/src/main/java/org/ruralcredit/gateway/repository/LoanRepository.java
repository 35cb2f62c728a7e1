package org.ruralcredit.gateway.repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.gateway.domain.Loan;
import org.ruralcredit.gateway.domain.LoanClassification;
import org.ruralcredit.gateway.domain.OverdueHistory;
import org.ruralcredit.gateway.domain.SubjectType;

@ApplicationScoped
public class LoanRepository implements PanacheRepositoryBase<Loan, UUID> {

    /** The institution's own loan by its own number; other institutions' loans are never found here. */
    public Optional<Loan> ownLocked(String institution, String loanRef) {
        return find("institution = ?1 and loanRef = ?2", institution, loanRef)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<Loan> own(String institution, String loanRef) {
        return find("institution = ?1 and loanRef = ?2", institution, loanRef).firstResultOptional();
    }

    /**
     * Whether the institution holds an active (unsettled) loan with the subject that was reported
     * under the reporting rules: what unlocks post-loan queries and the reporting of a further loan.
     */
    public boolean activeLoanExists(String institution, String subjectHash) {
        return count(
                        "institution = ?1 and subjectHash = ?2 and settled = false and admitted = true",
                        institution,
                        subjectHash)
                > 0;
    }

    /** Locks every loan of a subject, in id order (loans are locked before their adverse reports). */
    public void lockOfSubject(SubjectType type, String subjectHash) {
        find("subjectType = ?1 and subjectHash = ?2 order by id", type, subjectHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Locks these loans, in id order. */
    public void lockAll(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            find("id in ?1 order by id", ids)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .list();
        }
    }

    /** Every institution's loans with a subject, newest first: a report's loan record. */
    public List<Loan> ofSubject(String subjectHash) {
        return list("subjectHash = ?1 order by startDate desc, id", subjectHash);
    }

    /** Appends the loan's current status to its dated history (same transaction as the change). */
    public void recordStatus(Loan l, String cause, LocalDate asOf) {
        getEntityManager().flush(); // a new loan's row first: the history row refers to it
        getEntityManager()
                .createNativeQuery("""
                        INSERT INTO loan_status_history (loan_id, revision, cause, as_of, outstanding_fen, overdue_days,
                                                         classification, settled, recorded_by, recorded_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setParameter(1, l.id)
                .setParameter(2, l.revision)
                .setParameter(3, cause)
                .setParameter(4, asOf)
                .setParameter(5, l.outstandingFen)
                .setParameter(6, l.overdueDays)
                .setParameter(7, l.classification.name())
                .setParameter(8, l.settled)
                .setParameter(9, l.reportedBy)
                .setParameter(10, l.updatedAt)
                .executeUpdate();
    }

    /** The dated statuses of these loans, each loan's in the order reported. */
    public Map<UUID, List<OverdueHistory.Status>> statusHistory(List<UUID> loanIds) {
        Map<UUID, List<OverdueHistory.Status>> byLoan = new HashMap<>();
        if (loanIds.isEmpty()) {
            return byLoan;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                        SELECT loan_id, as_of, overdue_days, classification, settled FROM loan_status_history
                        WHERE loan_id IN (?1) ORDER BY loan_id, revision""")
                .setParameter(1, loanIds)
                .getResultList();
        for (Object[] r : rows) {
            byLoan.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new OverdueHistory.Status(
                            r[1] instanceof LocalDate d ? d : ((Date) r[1]).toLocalDate(),
                            ((Number) r[2]).intValue(),
                            LoanClassification.valueOf((String) r[3]),
                            (Boolean) r[4]));
        }
        return byLoan;
    }

    /** Unsettled loans of any institution with one of these subjects: the lenders a warning goes to. */
    public List<Loan> activeWith(SubjectType type, List<String> subjectHashes) {
        if (subjectHashes.isEmpty()) {
            return List.of();
        }
        return list("subjectType = ?1 and subjectHash in ?2 and settled = false", type, subjectHashes);
    }
}
