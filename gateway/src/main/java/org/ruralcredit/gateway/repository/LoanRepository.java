package org.ruralcredit.gateway.repository;

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
}
