package org.ruralcredit.testing.layered.repository;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Fixture: SQL in a repository, which may demand (not begin) a transaction. */
public class FileRepository {

    private final EntityManager em;

    public FileRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long count() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM household").getSingleResult()).longValue();
    }
}
