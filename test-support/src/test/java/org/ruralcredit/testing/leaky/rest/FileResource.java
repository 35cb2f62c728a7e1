package org.ruralcredit.testing.leaky.rest;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.security.DivisionScope;
import org.ruralcredit.testing.leaky.repository.FileRepository;

/** Fixture: a resource that queries, begins a transaction, checks scope and reaches the repository itself. */
public class FileResource {

    private final EntityManager em;
    private final FileRepository files;

    public FileResource(EntityManager em, FileRepository files) {
        this.em = em;
        this.files = files;
    }

    @Transactional
    public long count(DivisionScope scope, String division) {
        if (!scope.covers(division)) {
            return 0;
        }
        return files.count() + ((Number) em.createNativeQuery("SELECT 1").getSingleResult()).longValue();
    }
}
