package org.ruralcredit.morality.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.morality.domain.CatalogueVersion;

@ApplicationScoped
public class CatalogueRepository implements PanacheRepositoryBase<CatalogueVersion, Integer> {

    /** The version in force on a date: the latest from on or before it; of two from the same day, the later version. */
    public Optional<CatalogueVersion> inForceOn(LocalDate date) {
        return find("effectiveFrom <= ?1 order by effectiveFrom desc, version desc", date)
                .firstResultOptional();
    }

    /** Stores version 1 unless it is there: instances starting together insert it once. */
    public void insertFirstIfAbsent(LocalDate effectiveFrom, String document) {
        getEntityManager()
                .createNativeQuery("""
                        INSERT INTO catalogue_version (version, effective_from, document, created_by, created_at)
                        VALUES (1, ?1, CAST(?2 AS jsonb), 'system', now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, effectiveFrom)
                .setParameter(2, document)
                .executeUpdate();
    }

    public Optional<CatalogueVersion> latest() {
        return find("order by version desc").firstResultOptional();
    }

    public List<CatalogueVersion> all() {
        return list("order by version");
    }
}
