package org.ruralcredit.registry.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.registry.domain.VillageProfile;
import org.ruralcredit.registry.domain.VillageProfileRevision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class VillageProfileRepository implements PanacheRepositoryBase<VillageProfile, String> {

    public List<VillageProfileRevision> revisionsOf(String villageCode) {
        return getEntityManager().createQuery(
                        "from VillageProfileRevision where villageCode = ?1 order by revision", VillageProfileRevision.class)
                .setParameter(1, villageCode)
                .getResultList();
    }

    public void append(VillageProfileRevision revision) {
        getEntityManager().persist(revision);
    }
}
