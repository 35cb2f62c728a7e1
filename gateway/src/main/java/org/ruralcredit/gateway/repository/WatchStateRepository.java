package org.ruralcredit.gateway.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.gateway.domain.WatchState;

/** The last state seen of each watched subject, per source (table watch_state). */
@ApplicationScoped
public class WatchStateRepository {

    private final EntityManager em;

    public WatchStateRepository(EntityManager em) {
        this.em = em;
    }

    /** The state last seen, its row locked until commit so concurrent announcements compare in turn. */
    public Optional<WatchState> locked(String source, String subject) {
        List<?> rows = em.createNativeQuery(
                        "SELECT grade, score, flag FROM watch_state WHERE source = ?1 AND subject = ?2 FOR UPDATE")
                .setParameter(1, source)
                .setParameter(2, subject)
                .getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new WatchState(
                    (String) row[0], row[1] == null ? null : ((Number) row[1]).intValue(), (Boolean) row[2]);
        });
    }

    public void save(String source, String subject, WatchState state, Instant updatedAt) {
        em.createNativeQuery("""
                        INSERT INTO watch_state (source, subject, grade, score, flag, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (source, subject) DO UPDATE SET grade = EXCLUDED.grade, score = EXCLUDED.score,
                            flag = EXCLUDED.flag, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, source)
                .setParameter(2, subject)
                .setParameter(3, state.grade())
                .setParameter(4, state.score())
                .setParameter(5, state.flag())
                .setParameter(6, updatedAt)
                .executeUpdate();
    }
}
