package org.ruralcredit.rating.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.events.morality.MoralityPointsChanged;

/** Each household's moral-bank standing per year, as the moral bank last announced it. */
@ApplicationScoped
public class MoralStandingRepository {

    /** The moral bank's standing of one year. */
    public record Standing(int totalPoints, boolean vetoed, BigDecimal panelScore, LocalDate asOf) {}

    private final EntityManager em;

    public MoralStandingRepository(EntityManager em) {
        this.em = em;
    }

    /** Each household's standing of {@code year}, or of the year before when that one has none yet. */
    public Map<UUID, Standing> ofYear(List<UUID> households, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT DISTINCT ON (household_id) household_id, total_points, vetoed, panel_score, updated_at
                        FROM moral_standing WHERE household_id = ANY(?1) AND year IN (?2, ?3)
                        ORDER BY household_id, year DESC""")
                .setParameter(1, households.toArray(new UUID[0]))
                .setParameter(2, year)
                .setParameter(3, year - 1)
                .getResultList();
        Map<UUID, Standing> standings = new HashMap<>();
        for (Object[] r : rows) {
            standings.put(
                    (UUID) r[0],
                    new Standing(
                            ((Number) r[1]).intValue(),
                            (Boolean) r[2],
                            (BigDecimal) r[3],
                            ((Instant) r[4]).atZone(ServiceClock.CHINA).toLocalDate()));
        }
        return standings;
    }

    /** Events carry the whole standing, so the last one of a year replaces what was kept. */
    public void save(UUID household, MoralityPointsChanged standing) {
        em.createNativeQuery("""
                        INSERT INTO moral_standing (household_id, year, total_points, vetoed, panel_score, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, now())
                        ON CONFLICT (household_id, year) DO UPDATE SET total_points = excluded.total_points,
                            vetoed = excluded.vetoed, panel_score = excluded.panel_score, updated_at = now()""")
                .setParameter(1, household)
                .setParameter(2, standing.year())
                .setParameter(3, standing.totalPoints())
                .setParameter(4, standing.vetoed())
                .setParameter(5, standing.panelScore())
                .executeUpdate();
    }
}
