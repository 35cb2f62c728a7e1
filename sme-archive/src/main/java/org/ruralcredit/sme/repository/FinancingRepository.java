package org.ruralcredit.sme.repository;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.sme.domain.FinancingReport;

@ApplicationScoped
public class FinancingRepository implements PanacheRepositoryBase<FinancingReport, UUID> {

    public Optional<FinancingReport> same(String uscc, String institution, LocalDate financedOn, long amount) {
        return find(
                        "uscc = ?1 and institution = ?2 and financedOn = ?3 and amount = ?4",
                        uscc,
                        institution,
                        financedOn,
                        amount)
                .firstResultOptional();
    }
}
