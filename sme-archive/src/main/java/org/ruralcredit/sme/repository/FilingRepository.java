package org.ruralcredit.sme.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.sme.domain.Filing;

@ApplicationScoped
public class FilingRepository implements PanacheRepositoryBase<Filing, UUID> {

    /** The latest revision for a year, if any. */
    public Optional<Filing> latest(String uscc, int fiscalYear) {
        return find("uscc = ?1 and fiscalYear = ?2 order by revision desc", uscc, fiscalYear)
                .firstResultOptional();
    }

    public List<Filing> of(String uscc) {
        return list("uscc = ?1 order by fiscalYear desc, revision desc", uscc);
    }
}
