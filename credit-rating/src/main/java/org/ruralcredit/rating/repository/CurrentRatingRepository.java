package org.ruralcredit.rating.repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.rating.domain.CurrentRating;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;

/**
 * Each household's current rating as {@code household_current_rating} keeps it: the FINAL rating
 * with its {@code validUntil} beside the newest one. The choice between them is made by the day
 * asked, so it holds between a year's end and the daily expiry pass too.
 */
@ApplicationScoped
public class CurrentRatingRepository {

    /** The household's current rating on a day: which rating, its grade, and how it stands. */
    public record Current(
            UUID ratingId, String grade, boolean creditHousehold, int points, CurrentRating.Standing standing) {}

    /** A FINAL rating whose year is over on the day of the pass, and the rating current after it. */
    public record Expired(UUID householdId, UUID finalRatingId, UUID newestRatingId) {}

    private final EntityManager em;

    public CurrentRatingRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Current> of(UUID householdId, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT newest_rating_id, newest_grade, newest_credit_household, newest_points,
                               final_rating_id, final_grade, final_credit_household, final_points, final_valid_until
                        FROM household_current_rating WHERE household_id = ?1""").setParameter(1, householdId).getResultList();
        return rows.stream().findFirst().map(r -> current(r, 0, today));
    }

    /** The current rating on a day of every rated household of a village, by household. */
    public Map<UUID, Current> ofVillage(String villageCode, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT c.household_id, c.newest_rating_id, c.newest_grade, c.newest_credit_household, c.newest_points,
                               c.final_rating_id, c.final_grade, c.final_credit_household, c.final_points, c.final_valid_until
                        FROM household_current_rating c JOIN household_facts f ON f.household_id = c.household_id
                        WHERE f.village_code = ?1""").setParameter(1, villageCode).getResultList();
        Map<UUID, Current> byHousehold = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byHousehold.put((UUID) r[0], current(r, 1, today));
        }
        return byHousehold;
    }

    /** The registry's facts of every household of a village, as the rating service keeps them. */
    public List<HouseholdFactsRecord> factsOfVillage(String villageCode) {
        return em.createQuery(
                        "FROM HouseholdFactsRecord WHERE villageCode = ?1 ORDER BY householdId",
                        HouseholdFactsRecord.class)
                .setParameter(1, villageCode)
                .getResultList();
    }

    /**
     * The nine columns newest…final_valid_until from {@code at}: FINAL while valid on the day, else
     * the newest. The writer reads the same columns back from its upsert and chooses by this too.
     */
    static Current current(Object[] row, int at, LocalDate today) {
        Object[] r = Arrays.copyOfRange(row, at, at + 9);
        LocalDate validUntil = r[8] instanceof Date d ? d.toLocalDate() : (LocalDate) r[8];
        if (r[4] != null && validUntil != null && !today.isAfter(validUntil)) {
            return new Current(
                    (UUID) r[4],
                    (String) r[5],
                    (Boolean) r[6],
                    ((Number) r[7]).intValue(),
                    CurrentRating.Standing.FINAL);
        }
        CurrentRating.Standing standing = r[4] != null && r[4].equals(r[0])
                ? CurrentRating.Standing.FINAL_EXPIRED
                : CurrentRating.Standing.PROVISIONAL;
        return new Current((UUID) r[0], (String) r[1], (Boolean) r[2], ((Number) r[3]).intValue(), standing);
    }

    /** Up to {@code limit} FINAL ratings valid until before {@code today}, locked for this pass. */
    public List<Expired> expiredBefore(LocalDate today, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT household_id, final_rating_id, newest_rating_id FROM household_current_rating
                        WHERE final_rating_id IS NOT NULL AND final_valid_until < ?1
                        ORDER BY final_valid_until, household_id LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, today)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Expired((UUID) r[0], (UUID) r[1], (UUID) r[2]))
                .toList();
    }

    /** Forgets the FINAL ratings of these households: their newest rating is current from now on. */
    public void clearFinal(List<UUID> households) {
        em.createNativeQuery("""
                        UPDATE household_current_rating SET final_rating_id = NULL, final_grade = NULL,
                            final_credit_household = NULL, final_points = NULL, final_valid_until = NULL
                        WHERE household_id = ANY(?1)""")
                .setParameter(1, households.toArray(new UUID[0]))
                .executeUpdate();
    }
}
