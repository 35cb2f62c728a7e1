package org.ruralcredit.gateway.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;

import org.ruralcredit.gateway.domain.EarlyWarning;

@ApplicationScoped
public class EarlyWarningRepository implements PanacheRepositoryBase<EarlyWarning, UUID> {

    private final ObjectMapper json;

    public EarlyWarningRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Adds the warning unless the same event already warned of the same kind on the loan (a redelivered
     * announcement); 1 when added, else 0.
     */
    public int addOnce(EarlyWarning w) {
        return getEntityManager()
                .createNativeQuery("""
                        INSERT INTO early_warning (id, institution, loan_id, loan_ref, kind, detail, detail_args, source_event_id, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?9 AS jsonb), ?7, ?8) ON CONFLICT (loan_id, source_event_id, kind) DO NOTHING""")
                .setParameter(1, w.id)
                .setParameter(2, w.institution)
                .setParameter(3, w.loanId)
                .setParameter(4, w.loanRef)
                .setParameter(5, w.kind.name())
                .setParameter(6, w.detail)
                .setParameter(7, w.sourceEventId)
                .setParameter(8, w.createdAt)
                .setParameter(9, json(w))
                .executeUpdate();
    }

    private String json(EarlyWarning w) {
        try {
            return json.writeValueAsString(w.detailArgs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a warning's values cannot be written as JSON", e);
        }
    }

    /** One page of the institution's warnings, newest first; open ones only when {@code openOnly}. */
    public List<EarlyWarning> newestFirst(String institution, boolean openOnly, int page, int size) {
        return find(
                        "institution = ?1" + (openOnly ? " and acknowledgedAt is null" : "")
                                + " order by createdAt desc, id",
                        institution)
                .page(Page.of(page, size))
                .list();
    }

    /** Row-locked, so two acknowledgements of one warning are taken in turn. */
    public Optional<EarlyWarning> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
