package org.ruralcredit.gateway.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.gateway.domain.LoanAdverseReport;
import org.ruralcredit.gateway.domain.SubjectType;

@ApplicationScoped
public class LoanAdverseReportRepository implements PanacheRepositoryBase<LoanAdverseReport, UUID> {

    /** The loan's reports, newest first. */
    public List<LoanAdverseReport> ofLoan(UUID loanId) {
        return list("loanId = ?1 order by proposedAt desc, id", loanId);
    }

    /** The loan's newest report that is not withdrawn, locked (the loan is locked by the caller first). */
    public Optional<LoanAdverseReport> latestStandingLocked(UUID loanId) {
        return find("loanId = ?1 and withdrawnAt is null order by proposedAt desc, id", loanId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<LoanAdverseReport> ofLoanLocked(UUID loanId, UUID id) {
        return find("id = ?1 and loanId = ?2", id, loanId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The institution's reports that are neither withdrawn nor in effect (pending or suspended), oldest first. */
    public List<Object[]> openOfInstitution(String institution) {
        return getEntityManager()
                .createQuery("""
                        select r, l.loanRef from LoanAdverseReport r, Loan l
                        where l.id = r.loanId and l.institution = ?1 and r.withdrawnAt is null
                          and (r.objectionOpen = true or r.decision is null or r.noticedOn is null)
                        order by r.proposedAt, r.id""", Object[].class)
                .setParameter(1, institution)
                .getResultList();
    }

    /** Reports on any loan of the subject that are not withdrawn and have no open objection, locked. */
    public List<LoanAdverseReport> objectableOfSubjectLocked(SubjectType type, String subjectHash) {
        return getEntityManager()
                .createQuery("""
                        select r from LoanAdverseReport r where r.withdrawnAt is null and r.objectionOpen = false
                          and r.loanId in (select l.id from Loan l where l.subjectType = ?1 and l.subjectHash = ?2)
                        order by r.proposedAt, r.id""", LoanAdverseReport.class)
                .setParameter(1, type)
                .setParameter(2, subjectHash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** The loans whose reports an objection suspends (read without lock: the caller locks the loans first). */
    public List<UUID> loansSuspendedBy(UUID objectionId) {
        return getEntityManager()
                .createQuery(
                        "select distinct r.loanId from LoanAdverseReport r where r.objectionId = ?1 and r.objectionOpen = true",
                        UUID.class)
                .setParameter(1, objectionId)
                .getResultList();
    }

    public List<LoanAdverseReport> suspendedByLocked(UUID objectionId) {
        return find("objectionId = ?1 and objectionOpen = true", objectionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
