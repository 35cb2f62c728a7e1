package org.ruralcredit.sme.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.sme.domain.AwardCheck;
import org.ruralcredit.sme.domain.AwardDecision;

@ApplicationScoped
public class AwardRepository {

    private final EntityManager em;

    public AwardRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public List<AwardDecision> decisionsOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from AwardDecision where uscc in ?1", AwardDecision.class)
                .setParameter(1, codes)
                .getResultList();
    }

    public boolean decisionExists(String uscc, String programme, String outcome, LocalDate decidedOn) {
        return !em.createQuery(
                        "select d.id from AwardDecision d where d.uscc = ?1 and d.programme = ?2 "
                                + "and d.outcome = ?3 and d.decidedOn = ?4",
                        UUID.class)
                .setParameter(1, uscc)
                .setParameter(2, programme)
                .setParameter(3, outcome)
                .setParameter(4, decidedOn)
                .getResultList()
                .isEmpty();
    }

    public AwardCheck check(UUID id) {
        return em.find(AwardCheck.class, id);
    }

    /** The log, newest first; {@code institution} null for all. */
    public List<AwardCheck> checks(String institution, int limit) {
        return em.createQuery(
                        "from AwardCheck where (?1 is null or institution = ?1) order by checkedAt desc",
                        AwardCheck.class)
                .setParameter(1, institution)
                .setMaxResults(limit)
                .getResultList();
    }
}
