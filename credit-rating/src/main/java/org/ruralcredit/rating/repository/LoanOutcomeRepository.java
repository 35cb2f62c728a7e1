package org.ruralcredit.rating.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reported loans beside the score their household had when each loan started, for pricing and monitoring. */
@ApplicationScoped
public class LoanOutcomeRepository {

    /** A loan and its household's rating then ({@code points} and {@code grade} null when there was none). */
    public record ScoredLoan(Integer points, String grade, boolean everNonPerforming, boolean settled) {}

    private final EntityManager em;

    public LoanOutcomeRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Loans that started in [from, to), each with the newest rating by the model version made by the
     * end of its start day (Shanghai).
     */
    public List<ScoredLoan> startedBetween(String model, int version, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.total_points, r.grade, l.ever_non_performing, l.settled
                        FROM loan_state l
                        JOIN household_subject s ON s.subject_hash = l.subject_hash
                        LEFT JOIN LATERAL (SELECT h.total_points, h.grade FROM household_rating h
                                           WHERE h.household_id = s.household_id AND h.model_code = ?1
                                             AND h.model_version = ?2
                                             AND h.rated_at < (CAST(l.start_date + 1 AS timestamp) AT TIME ZONE 'Asia/Shanghai')
                                           ORDER BY h.rated_at DESC LIMIT 1) r ON true
                        WHERE l.start_date >= ?3 AND l.start_date < ?4""")
                .setParameter(1, model)
                .setParameter(2, version)
                .setParameter(3, from)
                .setParameter(4, to)
                .getResultList();
        return rows.stream()
                .map(r -> new ScoredLoan(
                        r[0] == null ? null : ((Number) r[0]).intValue(), (String) r[1], (Boolean) r[2], (Boolean)
                                r[3]))
                .toList();
    }
}
