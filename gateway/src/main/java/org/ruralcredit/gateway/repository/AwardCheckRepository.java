package org.ruralcredit.gateway.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The log of award checks and each checked household's result (tables award_check, award_check_result). */
@ApplicationScoped
public class AwardCheckRepository {

    private final EntityManager em;

    public AwardCheckRepository(EntityManager em) {
        this.em = em;
    }

    public void insertCheck(
            UUID id,
            String programme,
            String institution,
            String checkedBy,
            Instant checkedAt,
            int minPoints,
            int passed,
            int failed,
            int undecided) {
        em.createNativeQuery("""
                        INSERT INTO award_check (id, programme, institution, checked_by, checked_at, min_points, passed, failed, undecided)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, id)
                .setParameter(2, programme)
                .setParameter(3, institution)
                .setParameter(4, checkedBy)
                .setParameter(5, checkedAt)
                .setParameter(6, minPoints)
                .setParameter(7, passed)
                .setParameter(8, failed)
                .setParameter(9, undecided)
                .executeUpdate();
    }

    /** {@code reasons}: the reason categories, comma-separated. */
    public void insertResult(UUID checkId, int position, String subjectHash, String outcome, String reasons) {
        em.createNativeQuery("""
                        INSERT INTO award_check_result (check_id, position, subject_hash, outcome, reasons)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, checkId)
                .setParameter(2, position)
                .setParameter(3, subjectHash)
                .setParameter(4, outcome)
                .setParameter(5, reasons)
                .executeUpdate();
    }
}
