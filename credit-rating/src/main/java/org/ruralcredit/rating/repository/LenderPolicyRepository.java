package org.ruralcredit.rating.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Lenders' registered credit-line policies, one row per version, the document as JSON. */
@ApplicationScoped
public class LenderPolicyRepository {

    /** One stored version; {@code document} is the policy's JSON. */
    public record Row(String institution, int version, String document, String createdBy, Instant createdAt) {}

    private final EntityManager em;

    public LenderPolicyRepository(EntityManager em) {
        this.em = em;
    }

    /** The newest version number of the institution's policy, 0 when it has none. */
    public int lastVersion(String institution, String policyId) {
        return ((Number) em.createNativeQuery(
                                "SELECT coalesce(max(version), 0) FROM lender_policy WHERE institution = ?1 AND policy_id = ?2")
                        .setParameter(1, institution)
                        .setParameter(2, policyId)
                        .getSingleResult())
                .intValue();
    }

    public void add(
            String institution, String policyId, int version, String document, String createdBy, Instant createdAt) {
        em.createNativeQuery("""
                        INSERT INTO lender_policy (institution, policy_id, version, document, created_by, created_at)
                        VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6)""")
                .setParameter(1, institution)
                .setParameter(2, policyId)
                .setParameter(3, version)
                .setParameter(4, document)
                .setParameter(5, createdBy)
                .setParameter(6, createdAt)
                .executeUpdate();
    }

    public Optional<Row> find(String institution, String policyId, int version) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT institution, version, CAST(document AS text), created_by, created_at
                        FROM lender_policy WHERE institution = ?1 AND policy_id = ?2 AND version = ?3""")
                .setParameter(1, institution)
                .setParameter(2, policyId)
                .setParameter(3, version)
                .getResultList();
        return rows.stream().findFirst().map(LenderPolicyRepository::row);
    }

    /** The newest version of each policy, of one institution or (null) of all, by institution and policy. */
    public List<Row> latest(String institutionOrNull) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT DISTINCT ON (institution, policy_id) institution, version, CAST(document AS text), created_by, created_at
                        FROM lender_policy WHERE (CAST(?1 AS text) IS NULL OR institution = ?1)
                        ORDER BY institution, policy_id, version DESC""").setParameter(1, institutionOrNull).getResultList();
        return rows.stream().map(LenderPolicyRepository::row).toList();
    }

    private static Row row(Object[] r) {
        return new Row((String) r[0], ((Number) r[1]).intValue(), (String) r[2], (String) r[3], (Instant) r[4]);
    }
}
