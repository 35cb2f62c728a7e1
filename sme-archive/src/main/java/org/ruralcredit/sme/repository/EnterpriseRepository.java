package org.ruralcredit.sme.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;

import org.ruralcredit.sme.domain.Enterprise;

@ApplicationScoped
public class EnterpriseRepository implements PanacheRepositoryBase<Enterprise, String> {

    public List<Enterprise> inDivision(String divisionPrefix, int page, int size) {
        return find("divisionCode like ?1 order by uscc", divisionPrefix + "%")
                .page(Page.of(page, size))
                .list();
    }

    public long countInDivision(String divisionPrefix) {
        return count("divisionCode like ?1", divisionPrefix + "%");
    }

    public List<Enterprise> representedBy(String residentIdHash, int page, int size) {
        return find("legalRepIdHash = ?1 order by uscc", residentIdHash)
                .page(Page.of(page, size))
                .list();
    }

    public long countRepresentedBy(String residentIdHash) {
        return count("legalRepIdHash = ?1", residentIdHash);
    }
}
