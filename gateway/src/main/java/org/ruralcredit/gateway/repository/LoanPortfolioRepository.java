package org.ruralcredit.gateway.repository;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.gateway.domain.LoanClassification;
import org.ruralcredit.gateway.domain.PortfolioFigures;

/**
 * Reported loans summed per lender, township or village. A household loan's division is its
 * household's village as the registry named it (household_link); loans of firms and of borrowers
 * the registry does not know fall in the group "unlinked" when grouped by division.
 */
@ApplicationScoped
public class LoanPortfolioRepository {

    public enum Grouping {
        INSTITUTION("l.institution"),
        TOWNSHIP("left(k.village_code, 9)"),
        VILLAGE("k.village_code");

        private final String sql;

        Grouping(String sql) {
            this.sql = sql;
        }
    }

    static final String UNLINKED = "unlinked";
    /** The non-performing classes as an SQL list, from LoanClassification so the rule is written once. */
    private static final String NPL = Arrays.stream(LoanClassification.values())
            .filter(LoanClassification::nonPerforming)
            .map(c -> "'" + c.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private final EntityManager em;

    public LoanPortfolioRepository(EntityManager em) {
        this.em = em;
    }

    /** {@code institution} null: every lender's loans; {@code division} null: every division. */
    public List<PortfolioFigures> figures(Grouping grouping, String institution, String division) {
        String key = "coalesce(" + grouping.sql + ", '" + UNLINKED + "')";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT %s AS grp, count(*),
                               count(*) FILTER (WHERE NOT l.settled),
                               count(*) FILTER (WHERE NOT l.settled AND l.overdue_days > 0),
                               coalesce(sum(l.outstanding_fen) FILTER (WHERE NOT l.settled), 0),
                               coalesce(sum(l.outstanding_fen) FILTER (WHERE NOT l.settled AND l.classification IN %s), 0),
                               coalesce(sum(l.amount_fen) FILTER (WHERE l.worst_classification IN %s), 0),
                               coalesce(sum(l.amount_fen - l.outstanding_fen) FILTER (WHERE l.worst_classification IN %s), 0)
                        FROM loan l LEFT JOIN household_link k ON k.subject_hash = l.subject_hash
                        WHERE (CAST(?1 AS text) IS NULL OR l.institution = ?1)
                          AND (CAST(?2 AS text) IS NULL OR k.village_code LIKE ?2 || '%%')
                        GROUP BY grp ORDER BY grp""".formatted(key, NPL, NPL, NPL))
                .setParameter(1, institution)
                .setParameter(2, division)
                .getResultList();
        return rows.stream()
                .map(r -> new PortfolioFigures(
                        (String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7])))
                .toList();
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
