package org.ruralcredit.sme.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.ruralcredit.sme.domain.FeedBatch;
import org.ruralcredit.sme.domain.FeedFact;

/** Feed batches and the facts they brought. */
@ApplicationScoped
public class FeedRepository {

    private final EntityManager em;

    public FeedRepository(EntityManager em) {
        this.em = em;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public Optional<FeedFact> fact(String uscc, String source, LocalDate asOf, String period) {
        return em.createQuery(
                        "from FeedFact where uscc = ?1 and source = ?2 and asOf = ?3 and period = ?4", FeedFact.class)
                .setParameter(1, uscc)
                .setParameter(2, source)
                .setParameter(3, asOf)
                .setParameter(4, period)
                .getResultStream()
                .findFirst();
    }

    /** The division of each archived firm among {@code codes}. */
    public Map<String, String> divisionsOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select e.uscc, e.divisionCode from Enterprise e where e.uscc in ?1", Object[].class)
                .setParameter(1, codes)
                .getResultStream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
    }

    /** The codes among {@code codes} that are archived. */
    public Set<String> archived(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("select e.uscc from Enterprise e where e.uscc in ?1", String.class)
                .setParameter(1, codes)
                .getResultStream()
                .collect(Collectors.toSet());
    }

    /** A firm's facts, newest first within each source. */
    public List<FeedFact> history(String uscc, String source) {
        return em.createQuery(
                        "from FeedFact where uscc = ?1 and (?2 = '' or source = ?2) "
                                + "order by source, asOf desc, period desc",
                        FeedFact.class)
                .setParameter(1, uscc)
                .setParameter(2, source == null ? "" : source)
                .getResultList();
    }

    /** Facts of many firms at once, for award checks and scoring. */
    public List<FeedFact> factsOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from FeedFact where uscc in ?1 order by uscc, source, asOf desc", FeedFact.class)
                .setParameter(1, codes)
                .getResultList();
    }

    public List<FeedBatch> batches(String source, int limit) {
        return em.createQuery("from FeedBatch where (?1 = '' or source = ?1) order by uploadedAt desc", FeedBatch.class)
                .setParameter(1, source == null ? "" : source)
                .setMaxResults(limit)
                .getResultList();
    }
}
