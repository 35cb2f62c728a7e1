package org.ruralcredit.registry.repository;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.ruralcredit.registry.domain.Household;
import org.ruralcredit.registry.domain.HouseholdRevision;

@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    public Optional<Household> activeByHead(String headIdHash) {
        return find("headIdHash = ?1 and status = ?2", headIdHash, Household.Status.ACTIVE)
                .firstResultOptional();
    }

    /** Locks a file already read (an import reads a batch of files first) until the transaction ends. */
    public void lockForWrite(Household household) {
        getEntityManager().lock(household, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Leaves the file's changes in memory unwritten: the stored row stays as it is. */
    public void detach(Household household) {
        getEntityManager().detach(household);
    }

    /** Planner statistics of the tables an import grows (see service/PlannerStatistics). */
    public void refreshPlannerStatistics() {
        getEntityManager()
                .createNativeQuery("ANALYZE household, household_member, active_person")
                .executeUpdate();
    }

    /** The active files of these heads, members loaded, by head hash. */
    public Map<String, Household> activeByHeads(Collection<String> headIdHashes) {
        if (headIdHashes.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("""
                        select distinct h from Household h left join fetch h.members
                        where h.headIdHash in :heads and h.status = :status""", Household.class)
                .setParameter("heads", headIdHashes)
                .setParameter("status", Household.Status.ACTIVE)
                .getResultStream()
                .collect(Collectors.toMap(h -> h.headIdHash, h -> h, (a, b) -> a));
    }

    /**
     * What a list of files is narrowed to: files where the head's or a member's name contains
     * {@code name}, or files with a member whose resident ID has the keyed hash {@code residentIdHash}
     * (never the ID itself). {@link #NONE} narrows nothing.
     */
    public record Narrowing(String name, String residentIdHash) {

        public static final Narrowing NONE = new Narrowing(null, null);

        public static Narrowing byName(String name) {
            return new Narrowing(name, null);
        }

        public static Narrowing byResidentIdHash(String hash) {
            return new Narrowing(null, hash);
        }
    }

    public List<Household> inDivision(String divisionPrefix, boolean activeOnly, int page, int size) {
        return inDivision(divisionPrefix, activeOnly, Narrowing.NONE, page, size);
    }

    public long countInDivision(String divisionPrefix, boolean activeOnly) {
        return countInDivision(divisionPrefix, activeOnly, Narrowing.NONE);
    }

    /** A page of the files below a division, narrowed, ordered by village, head's name and id. */
    public List<Household> inDivision(
            String divisionPrefix, boolean activeOnly, Narrowing narrowing, int page, int size) {
        var query = getEntityManager()
                .createQuery(
                        "select h from Household h where " + where(activeOnly, narrowing)
                                + " order by h.villageCode, h.headName, h.id",
                        Household.class)
                .setFirstResult(page * size)
                .setMaxResults(size);
        bind(query, divisionPrefix, activeOnly, narrowing);
        return query.getResultList();
    }

    /** How many files {@link #inDivision(String, boolean, Narrowing, int, int)} pages through. */
    public long countInDivision(String divisionPrefix, boolean activeOnly, Narrowing narrowing) {
        var query = getEntityManager()
                .createQuery("select count(h) from Household h where " + where(activeOnly, narrowing), Long.class);
        bind(query, divisionPrefix, activeOnly, narrowing);
        return query.getSingleResult();
    }

    private static String where(boolean activeOnly, Narrowing narrowing) {
        StringBuilder where = new StringBuilder("h.villageCode like :division");
        if (activeOnly) {
            where.append(" and h.status = :status");
        }
        if (narrowing.name() != null) {
            // the head is a member too; the head's column spares the members' table for most matches
            where.append(" and (lower(h.headName) like :name escape '!' or exists ("
                    + "select 1 from h.members m where lower(m.name) like :name escape '!'))");
        }
        if (narrowing.residentIdHash() != null) {
            where.append(" and exists (select 1 from h.members m where m.residentIdHash = :person)");
        }
        return where.toString();
    }

    private static void bind(Query query, String divisionPrefix, boolean activeOnly, Narrowing narrowing) {
        query.setParameter("division", divisionPrefix + "%");
        if (activeOnly) {
            query.setParameter("status", Household.Status.ACTIVE);
        }
        if (narrowing.name() != null) {
            query.setParameter("name", "%" + likeLiteral(narrowing.name().toLowerCase(Locale.ROOT)) + "%");
        }
        if (narrowing.residentIdHash() != null) {
            query.setParameter("person", narrowing.residentIdHash());
        }
    }

    /** The text as a LIKE pattern matching itself only: the wildcards and the escape character escaped with '!'. */
    static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Resident-ID hashes already in another active household, with that household's id. */
    public Map<String, UUID> activeElsewhere(Collection<String> idHashes, UUID exceptHousehold) {
        if (idHashes.isEmpty()) {
            return Map.of();
        }
        var query = getEntityManager()
                .createNativeQuery(
                        exceptHousehold == null
                                ? "SELECT resident_id_hash, household_id FROM active_person WHERE resident_id_hash = ANY(?1)"
                                : "SELECT resident_id_hash, household_id FROM active_person WHERE resident_id_hash = ANY(?1) AND household_id <> ?2")
                .setParameter(1, idHashes.toArray(String[]::new));
        if (exceptHousehold != null) {
            query.setParameter(2, exceptHousehold);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (UUID) r[1], (a, b) -> a));
    }

    /** Re-registers the household's members as its active persons (none when it is closed). */
    public void replaceActivePersons(UUID householdId, Collection<String> idHashes) {
        var em = getEntityManager();
        em.createNativeQuery("DELETE FROM active_person WHERE household_id = ?1")
                .setParameter(1, householdId)
                .executeUpdate();
        if (!idHashes.isEmpty()) {
            em.createNativeQuery("""
                            INSERT INTO active_person (resident_id_hash, household_id)
                            SELECT h, ?2 FROM unnest(?1) AS h""")
                    .setParameter(1, idHashes.toArray(String[]::new))
                    .setParameter(2, householdId)
                    .executeUpdate();
        }
    }

    public void append(HouseholdRevision revision) {
        getEntityManager().persist(revision);
    }

    public List<HouseholdRevision> revisionsOf(UUID householdId) {
        return getEntityManager()
                .createQuery("from HouseholdRevision where householdId = ?1 order by version", HouseholdRevision.class)
                .setParameter(1, householdId)
                .getResultList();
    }

    public Optional<HouseholdRevision> revisionOf(UUID householdId, int version) {
        return Optional.ofNullable(getEntityManager().find(HouseholdRevision.class, key(householdId, version)));
    }

    private static HouseholdRevision.Key key(UUID householdId, int version) {
        HouseholdRevision.Key key = new HouseholdRevision.Key();
        key.householdId = householdId;
        key.version = version;
        return key;
    }

    /** Active households per village below a division: village code → count. */
    public Map<String, Long> activeCountsByVillage(String divisionPrefix) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                        SELECT village_code, count(*) FROM household
                        WHERE village_code LIKE ?1 AND status = 'ACTIVE' GROUP BY village_code""")
                .setParameter(1, divisionPrefix + "%")
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }
}
