package org.ruralcredit.registry.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * A village's active files as the field app caches them: one query for a page (the head's sealed
 * ID, the member count and two facts read in the database, nothing else of the file loaded) and
 * one for what the page's tag is made of. Pages are ordered by id, which a correction never
 * changes, so a file stays on its page while the device syncs.
 */
@ApplicationScoped
public class FieldBundleRepository {

    /** One file of a page: {@code headIdEnc} is the head's resident ID as stored (sealed). */
    @SuppressWarnings("ArrayRecordComponent") // handed to decryption once, never compared or kept
    public record Row(
            UUID id,
            int version,
            String headName,
            byte[] headIdEnc,
            int members,
            String mainBusiness,
            LocalDate factsAsOf) {}

    /** How many active files the village has, and a digest of the ids and versions on the page. */
    public record Stamp(long total, String pageDigest) {}

    private static final String FACT_DATES = String.join(
            ", ",
            List.of("production", "land", "assets", "income", "liabilities", "social").stream()
                    .map(group -> "CAST(h.facts -> '" + group + "' ->> 'asOf' AS date)")
                    .toList());

    private final EntityManager em;

    public FieldBundleRepository(EntityManager em) {
        this.em = em;
    }

    public List<Row> page(String villageCode, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT h.id, h.version, h.head_name, m.resident_id_enc,
                               (SELECT count(*) FROM household_member c WHERE c.household_id = h.id),
                               h.facts -> 'production' ->> 'mainBusiness',
                               CAST(LEAST(%s) AS text)
                        FROM household h
                        JOIN household_member m ON m.household_id = h.id AND m.relation = 'HEAD'
                        WHERE h.village_code = ?1 AND h.status = 'ACTIVE'
                        ORDER BY h.id
                        LIMIT ?2 OFFSET ?3""".formatted(FACT_DATES))
                .setParameter(1, villageCode)
                .setParameter(2, size)
                .setParameter(3, (long) page * size)
                .getResultList();
        return rows.stream()
                .map(r -> new Row(
                        (UUID) r[0],
                        ((Number) r[1]).intValue(),
                        (String) r[2],
                        (byte[]) r[3],
                        ((Number) r[4]).intValue(),
                        (String) r[5],
                        r[6] == null ? null : LocalDate.parse((String) r[6])))
                .toList();
    }

    /** What changes when any file on the page changes (each change raises its version) or the village gains or loses one. */
    public Stamp stamp(String villageCode, int page, int size) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT (SELECT count(*) FROM household WHERE village_code = ?1 AND status = 'ACTIVE'),
                               (SELECT coalesce(md5(string_agg(CAST(p.id AS text) || '/' || p.version, ',' ORDER BY p.id)), '')
                                FROM (SELECT id, version FROM household
                                      WHERE village_code = ?1 AND status = 'ACTIVE'
                                      ORDER BY id LIMIT ?2 OFFSET ?3) p)""")
                .setParameter(1, villageCode)
                .setParameter(2, size)
                .setParameter(3, (long) page * size)
                .getSingleResult();
        return new Stamp(((Number) row[0]).longValue(), (String) row[1]);
    }
}
