package org.ruralcredit.rating.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
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
     * Makes each rating its household's current one with one statement for the batch, clearing the
     * households' marks for re-rating when asked; a listed household without a rating (a closed
     * file) only has its mark cleared.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void makeCurrent(List<UUID> households, List<HouseholdRating> ratings, boolean clearMarks) {
        if (households.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE household_facts f SET
                        needs_rating = CASE WHEN ?::boolean THEN false ELSE f.needs_rating END,
                        current_rating_id = coalesce(r.rating_id, f.current_rating_id),
                        current_grade = CASE WHEN r.rating_id IS NULL THEN f.current_grade ELSE r.grade END,
                        current_credit_household = CASE WHEN r.rating_id IS NULL THEN f.current_credit_household
                                                        ELSE r.credit_household END,
                        current_points = CASE WHEN r.rating_id IS NULL THEN f.current_points ELSE r.points END
                    FROM unnest(?::uuid[]) AS h(household_id)
                    LEFT JOIN unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::boolean[], ?::int[])
                        AS r(household_id, rating_id, grade, credit_household, points) USING (household_id)
                    WHERE f.household_id = h.household_id""")) {
                update.setBoolean(1, clearMarks);
                update.setArray(2, connection.createArrayOf("uuid", households.toArray()));
                update.setArray(3, connection.createArrayOf("uuid", ratings.stream().map(r -> r.householdId).toArray()));
                update.setArray(4, connection.createArrayOf("uuid", ratings.stream().map(r -> r.id).toArray()));
                update.setArray(5, connection.createArrayOf("varchar", ratings.stream().map(r -> r.grade).toArray()));
                update.setArray(6, connection.createArrayOf("boolean", ratings.stream().map(r -> r.creditHousehold).toArray()));
                update.setArray(7, connection.createArrayOf("int4", ratings.stream().map(r -> r.totalPoints).toArray()));
                update.executeUpdate();
            }
        });
    }
}
