package org.ruralcredit.gateway.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.ruralcredit.gateway.domain.Loan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LoanRepository implements PanacheRepositoryBase<Loan, UUID> {

    /** The institution's own loan by its own number; other institutions' loans are never found here. */
    public Optional<Loan> ownLocked(String institution, String loanRef) {
        return find("institution = ?1 and loanRef = ?2", institution, loanRef)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Loan> own(String institution, String loanRef) {
        return find("institution = ?1 and loanRef = ?2", institution, loanRef).firstResultOptional();
    }

    public boolean activeLoanExists(String institution, String subjectHash) {
        return count("institution = ?1 and subjectHash = ?2 and settled = false", institution, subjectHash) > 0;
    }

    /** Every institution's loans with a subject, newest first: a report's loan record. */
    public List<Loan> ofSubject(String subjectHash) {
        return list("subjectHash = ?1 order by startDate desc, id", subjectHash);
    }

    /** Unsettled loans of any institution with one of these subjects: the lenders a warning goes to. */
    public List<Loan> activeWith(org.ruralcredit.gateway.domain.SubjectType type, List<String> subjectHashes) {
        if (subjectHashes.isEmpty()) {
            return List.of();
        }
        return list("subjectType = ?1 and subjectHash in ?2 and settled = false", type, subjectHashes);
    }
}
