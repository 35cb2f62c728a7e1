package org.ruralcredit.morality.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.morality.domain.Proposal;

@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<Proposal, UUID> {

    /** Locks the proposal, so two officials deciding at once are serialised and the second sees the first's decision. */
    public Optional<Proposal> lockForDecision(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Proposal> pendingInTownship(String townshipCode) {
        return list("state = ?1 and townshipCode = ?2 order by proposedAt", Proposal.State.PENDING, townshipCode);
    }

    public List<Proposal> proposedBy(String username, Proposal.State state) {
        return state == null
                ? list("proposedBy = ?1 order by proposedAt desc", username)
                : list("proposedBy = ?1 and state = ?2 order by proposedAt desc", username, state);
    }

    public boolean pendingReversalOf(UUID entryId) {
        return count("reversesEntryId = ?1 and state = ?2", entryId, Proposal.State.PENDING) > 0;
    }
}
