package org.ruralcredit.rating.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.ruralcredit.rating.domain.Campaign;
import org.ruralcredit.rating.domain.Objection;

/** Campaign listings: which campaigns a reader sees, newest first, a page at a time. */
@ApplicationScoped
public class CampaignRepository {

    /**
     * The campaigns a reader may see: all of them, or those over a division inside {@code inside}
     * (its code starts with it), or over a division that contains {@code within} (a prefix of it).
     * A null part matches nothing.
     */
    public record Visible(boolean everywhere, String inside, String within) {
        public static final Visible NONE = new Visible(false, null, null);
    }

    private final EntityManager em;

    public CampaignRepository(EntityManager em) {
        this.em = em;
    }

    /** Newest first (started, then id, so a page boundary never repeats or skips a campaign). */
    public List<Campaign> page(Visible visible, Campaign.Status status, int page, int size) {
        TypedQuery<Campaign> query = em.createQuery("from Campaign c where " + where(visible, status)
                + " order by c.startedAt desc, c.id desc", Campaign.class);
        bind(query, visible, status);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(Visible visible, Campaign.Status status) {
        TypedQuery<Long> query = em.createQuery("select count(c) from Campaign c where " + where(visible, status), Long.class);
        bind(query, visible, status);
        return query.getSingleResult();
    }

    /** Open objections per campaign, for the campaigns given (those without any are absent). */
    public Map<UUID, Long> openObjections(List<UUID> campaigns) {
        Map<UUID, Long> counts = new HashMap<>();
        if (campaigns.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createQuery("""
                        select o.campaignId, count(o) from Objection o
                        where o.campaignId in ?1 and o.status = ?2 group by o.campaignId""", Object[].class)
                .setParameter(1, campaigns).setParameter(2, Objection.Status.OPEN).getResultList()) {
            counts.put((UUID) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static String where(Visible visible, Campaign.Status status) {
        String scope;
        if (visible.everywhere()) {
            scope = "1 = 1";
        } else {
            StringBuilder any = new StringBuilder("(1 = 0");
            if (visible.inside() != null) {
                any.append(" or c.divisionCode like :inside");
            }
            if (visible.within() != null) {
                any.append(" or locate(c.divisionCode, :within) = 1");
            }
            scope = any.append(")").toString();
        }
        return scope + (status == null ? "" : " and c.status = :status");
    }

    private static void bind(TypedQuery<?> query, Visible visible, Campaign.Status status) {
        if (!visible.everywhere()) {
            if (visible.inside() != null) {
                query.setParameter("inside", visible.inside() + "%");
            }
            if (visible.within() != null) {
                query.setParameter("within", visible.within());
            }
        }
        if (status != null) {
            query.setParameter("status", status);
        }
    }
}
