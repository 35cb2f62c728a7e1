package org.ruralcredit.morality.repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import org.ruralcredit.morality.domain.PanelRater;
import org.ruralcredit.morality.domain.PanelResult;
import org.ruralcredit.morality.domain.PanelRound;
import org.ruralcredit.morality.domain.PanelRoundCounts;

/** Panel rounds, their raters, the sealed scores and the results. */
@ApplicationScoped
public class PanelRepository {

    public record Score(UUID raterId, String householdId, int score) {}

    private final EntityManager em;

    public PanelRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public Optional<PanelRound> lockRound(UUID id) {
        return Optional.ofNullable(em.find(PanelRound.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<PanelRound> round(UUID id) {
        return Optional.ofNullable(em.find(PanelRound.class, id));
    }

    public List<PanelRater> raters(UUID roundId) {
        return em.createQuery("from PanelRater where roundId = ?1 order by addedAt, name", PanelRater.class)
                .setParameter(1, roundId)
                .getResultList();
    }

    /** False when this rater already scored this household (the first score stands). */
    public boolean addScore(UUID roundId, UUID raterId, String householdId, int score, String enteredBy) {
        return em.createNativeQuery("""
                        INSERT INTO panel_score (round_id, rater_id, household_id, score, entered_by, entered_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, now()) ON CONFLICT DO NOTHING""")
                        .setParameter(1, roundId)
                        .setParameter(2, raterId)
                        .setParameter(3, householdId)
                        .setParameter(4, score)
                        .setParameter(5, enteredBy)
                        .executeUpdate()
                == 1;
    }

    @SuppressWarnings("unchecked")
    public List<Score> scores(UUID roundId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT rater_id, household_id, score FROM panel_score WHERE round_id = ?1 ORDER BY household_id")
                .setParameter(1, roundId)
                .getResultList();
        return rows.stream()
                .map(r -> new Score((UUID) r[0], (String) r[1], ((Number) r[2]).intValue()))
                .toList();
    }

    /**
     * Rounds of villages inside {@code divisionPrefix} (every round when null), optionally of one
     * state and one village, newest first; scores are counted through the round's raters (their key).
     */
    @SuppressWarnings("unchecked")
    public List<PanelRoundCounts> rounds(
            String divisionPrefix, PanelRound.State state, String village, int page, int size) {
        var query = em.createNativeQuery("""
                        SELECT r.id, r.village_code, r.title, r.state, r.opened_by, r.opened_at, r.closed_at,
                               (SELECT count(*) FROM panel_rater pr WHERE pr.round_id = r.id),
                               (SELECT count(*) FROM panel_score s JOIN panel_rater pr ON pr.id = s.rater_id
                                 WHERE pr.round_id = r.id),
                               (SELECT count(DISTINCT s.household_id) FROM panel_score s
                                 JOIN panel_rater pr ON pr.id = s.rater_id WHERE pr.round_id = r.id)
                        FROM panel_round r WHERE\s""" + where(divisionPrefix, state, village)
                + " ORDER BY r.opened_at DESC, r.id DESC LIMIT :size OFFSET :offset");
        bind(query, divisionPrefix, state, village);
        List<Object[]> rows = query.setParameter("size", size)
                .setParameter("offset", (long) page * size)
                .getResultList();
        return rows.stream()
                .map(r -> new PanelRoundCounts(
                        (UUID) r[0],
                        ((String) r[1]).strip(),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        instant(r[5]),
                        instant(r[6]),
                        ((Number) r[7]).longValue(),
                        ((Number) r[8]).longValue(),
                        ((Number) r[9]).longValue()))
                .toList();
    }

    public long countRounds(String divisionPrefix, PanelRound.State state, String village) {
        var query = em.createNativeQuery(
                "SELECT count(*) FROM panel_round r WHERE " + where(divisionPrefix, state, village));
        bind(query, divisionPrefix, state, village);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String where(String divisionPrefix, PanelRound.State state, String village) {
        return (divisionPrefix == null ? "1 = 1" : "r.village_code LIKE :inside")
                + (state == null ? "" : " AND r.state = :state")
                + (village == null ? "" : " AND r.village_code = :village");
    }

    private static void bind(Query query, String divisionPrefix, PanelRound.State state, String village) {
        if (divisionPrefix != null) {
            query.setParameter("inside", divisionPrefix + "%");
        }
        if (state != null) {
            query.setParameter("state", state.name());
        }
        if (village != null) {
            query.setParameter("village", village);
        }
    }

    private static Instant instant(Object value) {
        return value == null
                ? null
                : value instanceof Instant i
                        ? i
                        : value instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
    }

    public void addResult(PanelResult result) {
        em.createNativeQuery("""
                        INSERT INTO panel_result (round_id, household_id, trimmed_mean, rater_count, closed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, result.roundId())
                .setParameter(2, result.householdId())
                .setParameter(3, result.trimmedMean())
                .setParameter(4, result.raterCount())
                .setParameter(5, result.closedAt())
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<PanelResult> results(UUID roundId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT round_id, household_id, trimmed_mean, rater_count, closed_at FROM panel_result
                        WHERE round_id = ?1 ORDER BY household_id""").setParameter(1, roundId).getResultList();
        return rows.stream().map(PanelRepository::result).toList();
    }

    /** The household's most recent panel result, if any round scored it. */
    @SuppressWarnings("unchecked")
    public Optional<PanelResult> latestResult(String householdId) {
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT round_id, household_id, trimmed_mean, rater_count, closed_at FROM panel_result
                        WHERE household_id = ?1 ORDER BY closed_at DESC LIMIT 1""").setParameter(1, householdId).getResultList();
        return rows.stream().findFirst().map(PanelRepository::result);
    }

    private static PanelResult result(Object[] r) {
        Object closed = r[4];
        Instant closedAt = closed instanceof Instant i
                ? i
                : closed instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) closed).toInstant();
        return new PanelResult((UUID) r[0], (String) r[1], (BigDecimal) r[2], ((Number) r[3]).intValue(), closedAt);
    }
}
