package org.ruralcredit.rating.repository;

import java.math.BigDecimal;
import java.time.Instant;
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

    private final EntityManager em;

    public DivisionFiguresRepository(EntityManager em) {
        this.em = em;
    }

    /** Credit households (current rating) among the village's active files. */
    public long creditHouseholds(String villageCode) {
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM household_facts
                        WHERE village_code = ?1 AND status = 'ACTIVE' AND current_credit_household""")
                .setParameter(1, villageCode).getSingleResult()).longValue();
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
                .setParameter(1, code).getSingleResult();
        return new Lending(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
    }

    /** Villages of a township (9 digits) or county (6 digits) in the village directory. */
    public long administrativeVillages(String code) {
        String column = code.length() == 9 ? "township_code" : "county_code";
        return ((Number) em.createNativeQuery("SELECT count(*) FROM village WHERE %s = ?1".formatted(column))
                .setParameter(1, code).getSingleResult()).longValue();
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
                .setParameter(1, code).getSingleResult()).longValue();
    }

    /** Last year's NPL ratio of the division: from its latest rating computed in that year. */
    public Optional<BigDecimal> nplRatioOfYear(DivisionLevel level, String code, Instant yearStart, Instant yearEnd) {
        @SuppressWarnings("unchecked")
        List<BigDecimal> rows = em.createNativeQuery("""
                        SELECT npl_ratio_percent FROM division_rating
                        WHERE level = ?1 AND division_code = ?2 AND npl_ratio_percent IS NOT NULL
                          AND status <> 'REJECTED' AND computed_at >= ?3 AND computed_at < ?4
                        ORDER BY computed_at DESC LIMIT 1""", BigDecimal.class)
                .setParameter(1, level.name()).setParameter(2, code).setParameter(3, yearStart)
                .setParameter(4, yearEnd).getResultList();
        return rows.stream().findFirst();
    }

    /** Households per current grade in a division (a code prefix), grouped by the first groupDigits of the village code. */
    public List<Object[]> gradeCounts(String division, int groupDigits) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT left(village_code, ?2) AS part, coalesce(current_grade, 'UNRATED') AS grade, count(*)
                        FROM household_facts
                        WHERE %s AND status = 'ACTIVE'
                        GROUP BY 1, 2 ORDER BY 1, 2""".formatted(DivisionFilter.villageIn(division, 1)))
                .setParameter(1, division).setParameter(2, groupDigits)
                .getResultList();
        return rows;
    }
}
