package org.ruralcredit.sme.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.ruralcredit.sme.domain.Enterprise;

/** The no-loan list and conversion figures. */
@ApplicationScoped
public class NoLoanQueries {

    /** Filters; blank means any. Employees bounds are inclusive, null when open. */
    public record Filter(
            String divisionPrefix, String industryPrefix, String grade, Integer minEmployees, Integer maxEmployees) {}

    public record RegionRow(String division, long archived, long financed) {}

    public record InstitutionRow(String institution, long firms, long amount) {}

    private final EntityManager em;

    public NoLoanQueries(EntityManager em) {
        this.em = em;
    }

    public List<Enterprise> page(Filter f, int page, int size) {
        TypedQuery<Enterprise> q =
                em.createQuery("select e from Enterprise e" + where(f) + " order by e.uscc", Enterprise.class);
        bind(q, f);
        return q.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(Filter f) {
        TypedQuery<Long> q = em.createQuery("select count(e) from Enterprise e" + where(f), Long.class);
        bind(q, f);
        return q.getSingleResult();
    }

    private static String where(Filter f) {
        List<String> conditions = new ArrayList<>(List.of(
                "e.hasBankLoan = false",
                "e.divisionCode like :division",
                "coalesce(e.industryCode, '') like :industry"));
        if (!f.grade().isEmpty()) {
            conditions.add("e.grade = :grade");
        }
        if (f.minEmployees() != null) {
            conditions.add("e.employees >= :min");
        }
        if (f.maxEmployees() != null) {
            conditions.add("e.employees <= :max");
        }
        return " where " + String.join(" and ", conditions);
    }

    private static void bind(TypedQuery<?> q, Filter f) {
        q.setParameter("division", f.divisionPrefix() + "%");
        q.setParameter("industry", f.industryPrefix() + "%");
        if (!f.grade().isEmpty()) {
            q.setParameter("grade", f.grade());
        }
        if (f.minEmployees() != null) {
            q.setParameter("min", f.minEmployees());
        }
        if (f.maxEmployees() != null) {
            q.setParameter("max", f.maxEmployees());
        }
    }

    /** Archived and financed firms per township (9-digit prefix) under {@code divisionPrefix}. */
    @SuppressWarnings("unchecked")
    public List<RegionRow> byTownship(String divisionPrefix) {
        List<Object[]> rows =
                em.createNativeQuery("""
                SELECT left(e.division_code, 9) AS township, count(*),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM financing_report f WHERE f.uscc = e.uscc))
                FROM enterprise e WHERE e.division_code LIKE ?1
                GROUP BY township ORDER BY township""").setParameter(1, divisionPrefix + "%").getResultList();
        return rows.stream()
                .map(r -> new RegionRow((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** Firms financed and amounts per lender, for firms under {@code divisionPrefix}. */
    @SuppressWarnings("unchecked")
    public List<InstitutionRow> byInstitution(String divisionPrefix) {
        List<Object[]> rows =
                em.createNativeQuery("""
                SELECT institution, count(DISTINCT uscc), sum(amount)
                FROM financing_report WHERE division_code LIKE ?1
                GROUP BY institution ORDER BY institution""").setParameter(1, divisionPrefix + "%").getResultList();
        return rows.stream()
                .map(r -> new InstitutionRow((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }
}
