package org.ruralcredit.sme.repository;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Electricity use per metered month, from the utilities feed (the latest as-of date wins per month). */
@ApplicationScoped
public class UtilityUse {

    private final EntityManager em;

    public UtilityUse(EntityManager em) {
        this.em = em;
    }

    /** kWh by month ("2026-09") for the two years, for one firm. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> electricityByMonth(String uscc, int fromYear, int toYear) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT DISTINCT ON (period) period, (facts ->> 'electricityKwh')::bigint
                FROM feed_fact
                WHERE uscc = ?1 AND source = 'UTILITIES' AND period >= ?2 AND period <= ?3
                ORDER BY period, as_of DESC""")
                .setParameter(1, uscc)
                .setParameter(2, fromYear + "-01")
                .setParameter(3, toYear + "-12")
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }
}
