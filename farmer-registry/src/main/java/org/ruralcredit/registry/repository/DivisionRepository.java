package org.ruralcredit.registry.repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.divisions.DivisionFiles;
import org.ruralcredit.registry.domain.Division;

@ApplicationScoped
public class DivisionRepository implements PanacheRepositoryBase<Division, String> {

    public List<Division> childrenOf(String parentCode) {
        return list("parentCode = ?1 order by code", parentCode);
    }

    public List<Division> provinces() {
        return list("parentCode is null order by code");
    }

    /** Those of the codes that are divisions of the level. */
    public Set<String> existing(Collection<String> codes, DivisionFiles.Level level) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select d.code from Division d where d.code in :codes and d.level = :level", String.class)
                .setParameter("codes", codes)
                .setParameter("level", level)
                .getResultList());
    }
}
