package org.ruralcredit.rating.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.rating.domain.division.DivisionLevel;
import org.ruralcredit.rating.domain.lending.LoanPortfolio;

/**
 * The aggregates division ratings are measured from, all read from this service's own tables:
 * households' current ratings, the village profiles and the loans lenders reported.
 */
@ApplicationScoped
public class DivisionFiguresRepository {

    /** Borrowers = households with an unsettled loan; balances in fen. */
    public record Lending(long borrowers, long borrowersWithOverdue, long balanceFen, long nonPerformingFen) {
        public LoanPortfolio portfolio() {
            return new LoanPortfolio(BigDecimal.valueOf(balanceFen), BigDecimal.valueOf(nonPerformingFen));
        }
    }

    /**
     * SQL of the current rating's column {@code x} of {@code household_current_rating c} on the day
     * bound as {@code today}: the FINAL rating's while it is valid (inclusive), else the newest
     * (DESIGN §4, {@code domain/CurrentRating}).
     */
    public static String current(String column, String today) {
        return "CASE WHEN c.final_valid_until >= " + today + " THEN c.final_" + column + " ELSE c.newest_" + column
                + " END";
    }

    /** Credit households of a village, and how many of them were counted from a FINAL rating in force. */
    public record CreditHouseholds(long total, long fromFinal) {}

    private final EntityManager em;

    public DivisionFiguresRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Credit households among the village's active files, by each one's current rating on
     * {@code today}: its FINAL rating while valid, else its newest.
     */
    public CreditHouseholds creditHouseholds(String villageCode, LocalDate today) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE c.final_valid_until >= ?2)
                        FROM household_facts f JOIN household_current_rating c ON c.household_id = f.household_id
                        WHERE f.village_code = ?1 AND f.status = 'ACTIVE' AND %s""".formatted(current("credit_household", "?2")))
                .setParameter(1, villageCode)
                .setParameter(2, today)
                .getSingleResult();
        return new CreditHouseholds(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * Lending figures of a village (12 digits) or township (9 digits). Walks the division's
     * households and looks up each one's loans by index, so the cost follows the division's size;
     * a join of all unsettled loans was planned as scans of the whole loan book, 190 ms a township
     * at 1,000,000 households.
     */
    public Lending lending(DivisionLevel level, String code) {
        String column = level == DivisionLevel.VILLAGE ? "f.village_code" : "f.township_code";
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE b.overdue), coalesce(sum(b.balance), 0),
                               coalesce(sum(b.non_performing), 0)
                        FROM household_facts f
                        CROSS JOIN LATERAL (
                            SELECT bool_or(l.overdue_days > 0) AS overdue, sum(l.outstanding_fen) AS balance,
                                   coalesce(sum(l.outstanding_fen) FILTER (WHERE l.non_performing), 0) AS non_performing
                            FROM household_subject s JOIN loan_state l ON l.subject_hash = s.subject_hash
                            WHERE s.household_id = f.household_id AND NOT l.settled
                            HAVING count(*) > 0) b
                        WHERE %s = ?1""".formatted(column))
                .setParameter(1, code)
                .getSingleResult();
        return new Lending(
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue());
    }

    /** Villages of a township (9 digits) or county (6 digits) in the village directory. */
    public long administrativeVillages(String code) {
        String column = code.length() == 9 ? "township_code" : "county_code";
        return ((Number) em.createNativeQuery("SELECT count(*) FROM village WHERE %s = ?1".formatted(column))
                        .setParameter(1, code)
                        .getSingleResult())
                .longValue();
    }

    /** Villages of a township or county whose latest approved village rating passed (信用村). */
    public long creditVillages(String code) {
        String column = code.length() == 9 ? "v.township_code" : "v.county_code";
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM village v
                        JOIN LATERAL (SELECT outcome FROM division_rating r
                                      WHERE r.level = 'VILLAGE' AND r.division_code = v.code AND r.status = 'APPROVED'
                                      ORDER BY r.decided_at DESC LIMIT 1) latest ON true
                        WHERE %s = ?1 AND latest.outcome = 'PASSED'""".formatted(column))
                        .setParameter(1, code)
                        .getSingleResult())
                .longValue();
    }

    /** Last year's NPL ratio of the division: from its latest rating computed in that year. */
    public Optional<BigDecimal> nplRatioOfYear(DivisionLevel level, String code, Instant yearStart, Instant yearEnd) {
        @SuppressWarnings("unchecked")
        List<BigDecimal> rows = em.createNativeQuery("""
                        SELECT npl_ratio_percent FROM division_rating
                        WHERE level = ?1 AND division_code = ?2 AND npl_ratio_percent IS NOT NULL
                          AND status <> 'REJECTED' AND computed_at >= ?3 AND computed_at < ?4
                        ORDER BY computed_at DESC LIMIT 1""", BigDecimal.class)
                .setParameter(1, level.name())
                .setParameter(2, code)
                .setParameter(3, yearStart)
                .setParameter(4, yearEnd)
                .getResultList();
        return rows.stream().findFirst();
    }

    /**
     * Households per current grade on {@code today} in a division (a code prefix), grouped by the
     * first groupDigits of the village code: rows (group, grade, households, of them counted from a
     * FINAL rating in force).
     */
    public List<Object[]> gradeCounts(String division, int groupDigits, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT left(f.village_code, ?2) AS part, coalesce(%s, 'UNRATED') AS grade, count(*),
                               count(*) FILTER (WHERE c.final_valid_until >= ?3)
                        FROM household_facts f LEFT JOIN household_current_rating c ON c.household_id = f.household_id
                        WHERE %s AND f.status = 'ACTIVE'
                        GROUP BY 1, 2 ORDER BY 1, 2""".formatted(
                                current("grade", "?3"),
                                DivisionFilter.villageIn(division, 1).replace("village_code", "f.village_code")))
                .setParameter(1, division)
                .setParameter(2, groupDigits)
                .setParameter(3, today)
                .getResultList();
        return rows;
    }
}
