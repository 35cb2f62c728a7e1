package org.ruralcredit.registry.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.registry.domain.Division;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DivisionRepository implements PanacheRepositoryBase<Division, String> {

    public List<Division> childrenOf(String parentCode) {
        return list("parentCode = ?1 order by code", parentCode);
    }

    public List<Division> provinces() {
        return list("parentCode is null order by code");
    }
}
