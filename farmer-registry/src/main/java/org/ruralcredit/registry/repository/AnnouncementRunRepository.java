package org.ruralcredit.registry.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.jpa.SpecHints;

import org.ruralcredit.registry.domain.AnnouncementRun;
import org.ruralcredit.registry.domain.Household;

/** Runs announcing the files again, and the files they walk. */
@ApplicationScoped
public class AnnouncementRunRepository implements PanacheRepositoryBase<AnnouncementRun, UUID> {

    /** The run in progress, if any (there is at most one). */
    public Optional<AnnouncementRun> running() {
        return find("status", AnnouncementRun.Status.RUNNING).firstResultOptional();
    }

    /**
     * The run in progress locked for one batch, unless another instance is announcing its batch
     * (then empty: that instance carries the run on).
     */
    public Optional<AnnouncementRun> runningLocked() {
        return getEntityManager()
                .createQuery("from AnnouncementRun where status = ?1", AnnouncementRun.class)
                .setParameter(1, AnnouncementRun.Status.RUNNING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2) // SKIP LOCKED
                .getResultStream()
                .findFirst();
    }

    /** Every file, open or closed, of the division. */
    public long filesIn(String division) {
        return getEntityManager()
                .createQuery("select count(h) from Household h where h.villageCode like ?1", Long.class)
                .setParameter(1, prefix(division))
                .getSingleResult();
    }

    /**
     * The next {@code limit} files of the division after {@code after} (null: from the first) in the
     * order of their ids, with their members, read only.
     */
    public List<Household> filesAfter(String division, UUID after, int limit) {
        var em = getEntityManager();
        var ids = em.createQuery(
                        "select h.id from Household h where h.villageCode like ?1"
                                + (after == null ? "" : " and h.id > ?2")
                                + " order by h.id",
                        UUID.class)
                .setParameter(1, prefix(division))
                .setMaxResults(limit);
        if (after != null) {
            ids.setParameter(2, after);
        }
        List<UUID> page = ids.getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select distinct h from Household h left join fetch h.members where h.id in ?1 order by h.id",
                        Household.class)
                .setParameter(1, page)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }

    private static String prefix(String division) {
        return division + "%";
    }
}
