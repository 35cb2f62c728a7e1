package org.ruralcredit.gateway.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.gateway.domain.Statement;
import org.ruralcredit.gateway.domain.SubjectType;

@ApplicationScoped
public class StatementRepository implements PanacheRepositoryBase<Statement, UUID> {

    /** Row-locked, so an objection is answered once even when two answers arrive together. */
    public Optional<Statement> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Unanswered objections to one owning service, oldest first. */
    public List<Statement> openObjectionsTo(String owningService) {
        return list(
                "kind = ?1 and owningService = ?2 and answeredAt is null order by raisedAt, id",
                Statement.Kind.OBJECTION,
                owningService);
    }

    /** Every objection and statement about a subject, newest first. */
    public List<Statement> about(SubjectType type, String subjectHash) {
        return list("subjectType = ?1 and subjectHash = ?2 order by raisedAt desc, id", type, subjectHash);
    }
}
