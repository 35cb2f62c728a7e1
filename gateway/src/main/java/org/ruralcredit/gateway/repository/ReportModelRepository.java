package org.ruralcredit.gateway.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The report read model's tables (report_household, report_rating, report_rating_current,
 * report_morality, report_policy). Every write is an upsert that keeps the newer state: a file's
 * higher version (the same version again is the same file, announced anew, and is written), a
 * policy's higher version, or the later of two events by their time-ordered ids (version 7 UUIDs
 * compare in time order), so a late event changes nothing.
 */
@ApplicationScoped
public class ReportModelRepository {

    /** A household file as the model keeps it; names and IDs are masked and sealed. */
    @SuppressWarnings("ArrayRecordComponent") // sealed bytes handed to the cipher, never compared
    public record HouseholdRow(
            UUID householdId,
            String villageCode,
            String townshipCode,
            String status,
            byte[] headNameEnc,
            byte[] headIdEnc,
            String profileJson,
            long fileVersion,
            Instant fileUpdatedAt,
            UUID eventId,
            Instant asOf) {}

    /**
     * What the model holds for a subject: null parts were never announced. {@code ratingsJson} is a
     * JSON array, newest rating first.
     */
    public record Stored(
            UUID householdId,
            HouseholdRow household,
            String ratingsJson,
            UUID currentRatingId,
            Instant ratingAsOf,
            String moralityJson,
            Instant moralityAsOf) {}

    /**
     * A village's active file, head masked and sealed, with its profile and its current rating
     * ({@code ratingJson} null: never rated).
     */
    @SuppressWarnings("ArrayRecordComponent") // sealed bytes handed to the cipher, never compared
    public record VillageRow(
            UUID householdId, byte[] headNameEnc, byte[] headIdEnc, String profileJson, String ratingJson) {}

    private final EntityManager em;

    public ReportModelRepository(EntityManager em) {
        this.em = em;
    }

    /** True when the row was written (the first, or a version not older than the one kept). */
    public boolean saveHousehold(HouseholdRow r) {
        return em.createNativeQuery("""
                        INSERT INTO report_household (household_id, village_code, township_code, status, head_name_enc,
                            head_id_enc, profile, file_version, file_updated_at, event_id, as_of)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, ?9, ?10, ?11)
                        ON CONFLICT (household_id) DO UPDATE SET village_code = EXCLUDED.village_code,
                            township_code = EXCLUDED.township_code, status = EXCLUDED.status,
                            head_name_enc = COALESCE(EXCLUDED.head_name_enc, report_household.head_name_enc),
                            head_id_enc = COALESCE(EXCLUDED.head_id_enc, report_household.head_id_enc),
                            profile = EXCLUDED.profile, file_version = EXCLUDED.file_version,
                            file_updated_at = EXCLUDED.file_updated_at, event_id = EXCLUDED.event_id,
                            as_of = EXCLUDED.as_of
                        WHERE report_household.file_version <= EXCLUDED.file_version""")
                        .setParameter(1, r.householdId())
                        .setParameter(2, r.villageCode())
                        .setParameter(3, r.townshipCode())
                        .setParameter(4, r.status())
                        .setParameter(5, r.headNameEnc())
                        .setParameter(6, r.headIdEnc())
                        .setParameter(7, r.profileJson())
                        .setParameter(8, r.fileVersion())
                        .setParameter(9, r.fileUpdatedAt())
                        .setParameter(10, r.eventId())
                        .setParameter(11, r.asOf())
                        .executeUpdate()
                == 1;
    }

    public void saveRating(UUID householdId, UUID ratingId, Instant ratedAt, String ratingJson, UUID eventId) {
        em.createNativeQuery("""
                        INSERT INTO report_rating (household_id, rating_id, rated_at, rating, event_id)
                        VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5)
                        ON CONFLICT (household_id, rating_id) DO UPDATE SET rated_at = EXCLUDED.rated_at,
                            rating = EXCLUDED.rating, event_id = EXCLUDED.event_id
                        WHERE report_rating.event_id < EXCLUDED.event_id""")
                .setParameter(1, householdId)
                .setParameter(2, ratingId)
                .setParameter(3, ratedAt)
                .setParameter(4, ratingJson)
                .setParameter(5, eventId)
                .executeUpdate();
    }

    public void saveCurrentRating(UUID householdId, UUID currentRatingId, UUID eventId, Instant asOf) {
        em.createNativeQuery("""
                        INSERT INTO report_rating_current (household_id, rating_id, event_id, as_of)
                        VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (household_id) DO UPDATE SET rating_id = EXCLUDED.rating_id,
                            event_id = EXCLUDED.event_id, as_of = EXCLUDED.as_of
                        WHERE report_rating_current.event_id < EXCLUDED.event_id""")
                .setParameter(1, householdId)
                .setParameter(2, currentRatingId)
                .setParameter(3, eventId)
                .setParameter(4, asOf)
                .executeUpdate();
    }

    /** The newest year wins; within a year, the later event. */
    public void saveMorality(UUID householdId, int year, String profileJson, UUID eventId, Instant asOf) {
        em.createNativeQuery("""
                        INSERT INTO report_morality (household_id, year, profile, event_id, as_of)
                        VALUES (?1, ?2, CAST(?3 AS jsonb), ?4, ?5)
                        ON CONFLICT (household_id) DO UPDATE SET year = EXCLUDED.year, profile = EXCLUDED.profile,
                            event_id = EXCLUDED.event_id, as_of = EXCLUDED.as_of
                        WHERE (report_morality.year, report_morality.event_id) < (EXCLUDED.year, EXCLUDED.event_id)""")
                .setParameter(1, householdId)
                .setParameter(2, year)
                .setParameter(3, profileJson)
                .setParameter(4, eventId)
                .setParameter(5, asOf)
                .executeUpdate();
    }

    /** Everything the model holds for the household a subject's keyed hash names, in one read. */
    public Optional<Stored> find(String subjectHash) {
        List<?> rows = em.createNativeQuery("""
                        SELECT l.household_id, h.village_code, h.township_code, h.status, h.head_name_enc, h.head_id_enc,
                            CAST(h.profile AS text), h.file_version, h.file_updated_at, h.event_id, h.as_of,
                            c.rating_id, c.as_of,
                            (SELECT CAST(json_agg(r.rating ORDER BY r.rated_at DESC, r.rating_id) AS text)
                                FROM report_rating r WHERE r.household_id = l.household_id),
                            CAST(m.profile AS text), m.as_of
                        FROM household_link l
                        LEFT JOIN report_household h ON h.household_id = l.household_id
                        LEFT JOIN report_rating_current c ON c.household_id = l.household_id
                        LEFT JOIN report_morality m ON m.household_id = l.household_id
                        WHERE l.subject_hash = ?1""").setParameter(1, subjectHash).getResultList();
        return rows.stream().findFirst().map(o -> {
            Object[] r = (Object[]) o;
            UUID householdId = (UUID) r[0];
            HouseholdRow household = r[1] == null
                    ? null
                    : new HouseholdRow(
                            householdId,
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            (byte[]) r[4],
                            (byte[]) r[5],
                            (String) r[6],
                            ((Number) r[7]).longValue(),
                            instant(r[8]),
                            (UUID) r[9],
                            instant(r[10]));
            return new Stored(
                    householdId,
                    household,
                    (String) r[13],
                    (UUID) r[11],
                    instant(r[12]),
                    (String) r[14],
                    instant(r[15]));
        });
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return ((Timestamp) value).toInstant();
    }

    /**
     * A village's active files, at most {@code limit}, each with its current rating: the one
     * credit-rating last named, else the newest (as {@link #find} orders them).
     */
    public List<VillageRow> village(String villageCode, int limit) {
        List<?> rows = em.createNativeQuery("""
                        SELECT h.household_id, h.head_name_enc, h.head_id_enc, CAST(h.profile AS text),
                            (SELECT CAST(r.rating AS text) FROM report_rating r
                                LEFT JOIN report_rating_current c ON c.household_id = r.household_id
                                WHERE r.household_id = h.household_id
                                ORDER BY (r.rating_id = c.rating_id) IS TRUE DESC, r.rated_at DESC, r.rating_id
                                LIMIT 1)
                        FROM report_household h
                        WHERE h.village_code = ?1 AND h.status = 'ACTIVE' ORDER BY h.household_id LIMIT ?2""")
                .setParameter(1, villageCode)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(o -> {
                    Object[] r = (Object[]) o;
                    return new VillageRow((UUID) r[0], (byte[]) r[1], (byte[]) r[2], (String) r[3], (String) r[4]);
                })
                .toList();
    }

    /** Keeps a policy's version unless a newer one is kept (a higher version, or the later event of the same). */
    public void savePolicy(
            String institution, String policyId, int version, String policyJson, UUID eventId, Instant asOf) {
        em.createNativeQuery("""
                        INSERT INTO report_policy (institution, policy_id, version, policy, event_id, as_of)
                        VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, ?6)
                        ON CONFLICT (institution, policy_id) DO UPDATE SET version = EXCLUDED.version,
                            policy = EXCLUDED.policy, event_id = EXCLUDED.event_id, as_of = EXCLUDED.as_of
                        WHERE (report_policy.version, report_policy.event_id) < (EXCLUDED.version, EXCLUDED.event_id)""")
                .setParameter(1, institution)
                .setParameter(2, policyId)
                .setParameter(3, version)
                .setParameter(4, policyJson)
                .setParameter(5, eventId)
                .setParameter(6, asOf)
                .executeUpdate();
    }

    /** The newest version of each of the institution's policies, by policy id (as credit-rating lists them). */
    public List<String> policies(String institution) {
        List<?> rows = em.createNativeQuery("""
                        SELECT CAST(policy AS text) FROM report_policy WHERE institution = ?1 ORDER BY policy_id""").setParameter(1, institution).getResultList();
        return rows.stream().map(String.class::cast).toList();
    }
}
