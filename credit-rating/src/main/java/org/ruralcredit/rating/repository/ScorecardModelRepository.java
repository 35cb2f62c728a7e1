package org.ruralcredit.rating.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.rating.domain.ScorecardModelRecord;

/** The stored versions of the scorecard models. */
@ApplicationScoped
public class ScorecardModelRepository {

    private final EntityManager em;

    public ScorecardModelRepository(EntityManager em) {
        this.em = em;
    }

    /** Holds the given advisory lock until the transaction ends, so replicas starting together install once. */
    public void lockUntilCommit(long lock) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, lock)
                .getSingleResult();
    }

    /** The active version of a model code, if one is active. */
    public Optional<Integer> activeVersion(String code) {
        return em.createQuery("select version from ScorecardModelRecord where code = ?1 and status = ?2", Integer.class)
                .setParameter(1, code)
                .setParameter(2, ScorecardModelRecord.Status.ACTIVE)
                .getResultStream()
                .findFirst();
    }

    /** The version, or null when it was never saved. */
    public ScorecardModelRecord find(String code, int version) {
        ScorecardModelRecord.Key key = new ScorecardModelRecord.Key();
        key.code = code;
        key.version = version;
        return em.find(ScorecardModelRecord.class, key);
    }

    /** Every version of every model, by code then version. */
    public List<ScorecardModelRecord> all() {
        return em.createQuery("from ScorecardModelRecord order by code, version", ScorecardModelRecord.class)
                .getResultList();
    }

    public void save(ScorecardModelRecord record) {
        em.persist(record);
    }

    /** Retires the active version of the code, if any. */
    public void retireActive(String code) {
        em.createQuery("update ScorecardModelRecord set status = ?1 where code = ?2 and status = ?3")
                .setParameter(1, ScorecardModelRecord.Status.RETIRED)
                .setParameter(2, code)
                .setParameter(3, ScorecardModelRecord.Status.ACTIVE)
                .executeUpdate();
    }
}
