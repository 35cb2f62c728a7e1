package org.ruralcredit.registry.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.registry.domain.VillageProfile;
import org.ruralcredit.registry.domain.VillageProfileRevision;

@ApplicationScoped
public class VillageProfileRepository implements PanacheRepositoryBase<VillageProfile, String> {

    private static final long CREATE_MISSING_LOCK = 0x56494C4C50524F46L;

    public List<VillageProfileRevision> revisionsOf(String villageCode) {
        return getEntityManager()
                .createQuery(
                        "from VillageProfileRevision where villageCode = ?1 order by revision",
                        VillageProfileRevision.class)
                .setParameter(1, villageCode)
                .getResultList();
    }

    /** Holds, until the transaction ends, the lock that creating missing profiles in bulk takes turns on. */
    public void lockForCreatingMissing() {
        getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + CREATE_MISSING_LOCK + ")")
                .getSingleResult();
    }

    public void append(VillageProfileRevision revision) {
        getEntityManager().persist(revision);
    }
}
