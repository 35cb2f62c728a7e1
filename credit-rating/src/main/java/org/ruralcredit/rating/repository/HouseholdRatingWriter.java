package org.ruralcredit.rating.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import org.ruralcredit.commons.persistence.DatabaseJsonFormat;
import org.ruralcredit.rating.domain.HouseholdRating;

/**
 * Writes a batch of ratings in the caller's transaction: one batched insert (the rows the entity
 * mapping would write, the documents sent as json (V10) rather than bound as jsonb and converted,
 * no persistence-context entry per rating) and one update making them their households' current.
 */
@ApplicationScoped
public class HouseholdRatingWriter {

    private final EntityManager em;

    public HouseholdRatingWriter(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<HouseholdRating> ratings) {
        if (ratings.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> insert(connection, ratings));
    }

    private static void insert(Connection connection, List<HouseholdRating> ratings) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO household_rating (id, household_id, village_code, model_code, model_version, total_points,
                    grade, credit_household, vetoes, indicators, reasons, inputs_as_of, status, rated_by,
                    source_version, rated_at, campaign_id, valid_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::json, ?::json, ?::json, ?, ?, ?, ?, ?, ?)""")) {
            for (HouseholdRating r : ratings) {
                insert.setObject(1, r.id);
                insert.setObject(2, r.householdId);
                insert.setString(3, r.villageCode);
                insert.setString(4, r.modelCode);
                insert.setInt(5, r.modelVersion);
                insert.setInt(6, r.totalPoints);
                insert.setString(7, r.grade);
                insert.setBoolean(8, r.creditHousehold);
                insert.setString(9, DatabaseJsonFormat.text(r.vetoes));
                insert.setString(10, DatabaseJsonFormat.text(r.indicators));
                insert.setString(11, DatabaseJsonFormat.text(r.reasons));
                insert.setString(12, DatabaseJsonFormat.text(r.inputsAsOf));
                insert.setString(13, r.status.name());
                insert.setString(14, r.ratedBy);
                insert.setLong(15, r.sourceVersion);
                insert.setTimestamp(16, Timestamp.from(r.ratedAt));
                insert.setObject(17, r.campaignId);
                insert.setDate(18, r.validUntil == null ? null : Date.valueOf(r.validUntil));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Records each rating as its household's newest, and a FINAL one also as its final rating with
     * its {@code validUntil}, in the narrow {@code household_current_rating} table (one upsert for
     * the batch), and clears the households' marks for re-rating when asked (only rows still marked
     * are touched, so a campaign does not rewrite the wide facts rows). A listed household without a
     * rating (a closed file) only has its mark cleared. Returns, by household of a rating, its current
     * rating on {@code today} once the batch is kept ({@link CurrentRatingRepository}'s choice over
     * the row the upsert returns, so a household's FINAL rating in force stays current beside a newer
     * provisional one without a read of its own).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, UUID> makeCurrent(
            List<UUID> households, List<HouseholdRating> ratings, boolean clearMarks, LocalDate today) {
        Map<UUID, UUID> current = new HashMap<>();
        if (households.isEmpty()) {
            return current;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            if (clearMarks) {
                try (PreparedStatement clear = connection.prepareStatement("""
                        UPDATE household_facts SET needs_rating = false
                        WHERE household_id = ANY(?::uuid[]) AND needs_rating""")) {
                    clear.setArray(1, connection.createArrayOf("uuid", households.toArray()));
                    clear.executeUpdate();
                }
            }
            if (ratings.isEmpty()) {
                return;
            }
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO household_current_rating AS c (household_id, newest_rating_id, newest_grade,
                        newest_credit_household, newest_points, final_rating_id, final_grade, final_credit_household,
                        final_points, final_valid_until)
                    SELECT r.household_id, r.rating_id, r.grade, r.credit_household, r.points,
                           CASE WHEN r.final THEN r.rating_id END, CASE WHEN r.final THEN r.grade END,
                           CASE WHEN r.final THEN r.credit_household END, CASE WHEN r.final THEN r.points END,
                           CASE WHEN r.final THEN r.valid_until END
                    FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::boolean[], ?::int[], ?::boolean[], ?::date[])
                        AS r(household_id, rating_id, grade, credit_household, points, final, valid_until)
                    ON CONFLICT (household_id) DO UPDATE SET
                        newest_rating_id = excluded.newest_rating_id,
                        newest_grade = excluded.newest_grade,
                        newest_credit_household = excluded.newest_credit_household,
                        newest_points = excluded.newest_points,
                        final_rating_id = coalesce(excluded.final_rating_id, c.final_rating_id),
                        final_grade = CASE WHEN excluded.final_rating_id IS NULL THEN c.final_grade
                                           ELSE excluded.final_grade END,
                        final_credit_household = CASE WHEN excluded.final_rating_id IS NULL THEN c.final_credit_household
                                                      ELSE excluded.final_credit_household END,
                        final_points = CASE WHEN excluded.final_rating_id IS NULL THEN c.final_points
                                            ELSE excluded.final_points END,
                        final_valid_until = CASE WHEN excluded.final_rating_id IS NULL THEN c.final_valid_until
                                                 ELSE excluded.final_valid_until END
                    RETURNING c.household_id, c.newest_rating_id, c.newest_grade, c.newest_credit_household,
                        c.newest_points, c.final_rating_id, c.final_grade, c.final_credit_household, c.final_points,
                        c.final_valid_until""")) {
                upsert.setArray(
                        1,
                        connection.createArrayOf(
                                "uuid", ratings.stream().map(r -> r.householdId).toArray()));
                upsert.setArray(
                        2,
                        connection.createArrayOf(
                                "uuid", ratings.stream().map(r -> r.id).toArray()));
                upsert.setArray(
                        3,
                        connection.createArrayOf(
                                "varchar", ratings.stream().map(r -> r.grade).toArray()));
                upsert.setArray(
                        4,
                        connection.createArrayOf(
                                "boolean",
                                ratings.stream().map(r -> r.creditHousehold).toArray()));
                upsert.setArray(
                        5,
                        connection.createArrayOf(
                                "int4", ratings.stream().map(r -> r.totalPoints).toArray()));
                upsert.setArray(
                        6,
                        connection.createArrayOf(
                                "boolean",
                                ratings.stream()
                                        .map(r -> r.status == HouseholdRating.Status.FINAL && r.validUntil != null)
                                        .toArray()));
                upsert.setArray(
                        7,
                        connection.createArrayOf(
                                "date",
                                ratings.stream()
                                        .map(r -> r.validUntil == null ? null : Date.valueOf(r.validUntil))
                                        .toArray()));
                try (ResultSet rows = upsert.executeQuery()) {
                    while (rows.next()) {
                        Object[] row = new Object[10];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rows.getObject(i + 1);
                        }
                        current.put(
                                (UUID) row[0],
                                CurrentRatingRepository.current(row, 1, today).ratingId());
                    }
                }
            }
        });
        return current;
    }
}
