package org.ruralcredit.gateway.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The registry's household id for a subject's keyed hash, as last seen (table household_link). */
@ApplicationScoped
public class HouseholdLinkRepository {

    public record Link(String subjectHash, UUID householdId, String villageCode) {}

    private final EntityManager em;

    public HouseholdLinkRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Link> find(String subjectHash) {
        List<?> rows = em.createNativeQuery(
                        "SELECT household_id, village_code FROM household_link WHERE subject_hash = ?1")
                .setParameter(1, subjectHash)
                .getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new Link(subjectHash, (UUID) row[0], (String) row[1]);
        });
    }

    /** The subjects' hashes whose household is this one (a household may be known under one head only, but be safe). */
    public List<String> subjectsOf(UUID householdId) {
        return em.createNativeQuery("SELECT subject_hash FROM household_link WHERE household_id = ?1", String.class)
                .setParameter(1, householdId)
                .getResultList();
    }

    public void save(Link link, Instant seenAt) {
        em.createNativeQuery("""
                        INSERT INTO household_link (subject_hash, household_id, village_code, seen_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (subject_hash) DO UPDATE SET household_id = EXCLUDED.household_id,
                            village_code = EXCLUDED.village_code, seen_at = EXCLUDED.seen_at""")
                .setParameter(1, link.subjectHash())
                .setParameter(2, link.householdId())
                .setParameter(3, link.villageCode())
                .setParameter(4, seenAt)
                .executeUpdate();
    }
}
