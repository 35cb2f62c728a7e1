package org.ruralcredit.gateway.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.gateway.domain.QueryRegisterEntry;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;

@ApplicationScoped
public class QueryRegisterRepository implements PanacheRepositoryBase<QueryRegisterEntry, Long> {

    /** One page of an officer's own report requests, newest first, and how many there are in all. */
    public record Listing(List<QueryRegisterEntry> items, long total) {
    }

    /**
     * The report requests (household and firm, granted or refused) one person made for one
     * institution, newest first; a null institution matches the requests registered without one.
     */
    public Listing reportRequestsOf(String username, String institution, int page, int size) {
        PanacheQuery<QueryRegisterEntry> found = institution == null
                ? find("username = ?1 and institution is null and subjectType in ('HOUSEHOLD', 'FIRM') "
                        + "order by seq desc", username)
                : find("username = ?1 and institution = ?2 and subjectType in ('HOUSEHOLD', 'FIRM') "
                        + "order by seq desc", username, institution);
        long total = found.count();
        return new Listing(found.page(Page.of(page, size)).list(), total);
    }

    public List<QueryRegisterEntry> newestFirst(int page, int size) {
        return find("order by seq desc").page(Page.of(page, size)).list();
    }

    /** The granted queries of one subject, newest first: a report's query records. */
    public List<QueryRegisterEntry> grantedFor(String subjectType, String subjectRef, int limit) {
        return find("subjectType = ?1 and subjectRef = ?2 and outcome = 'GRANTED' order by seq desc", subjectType,
                subjectRef).page(Page.ofSize(limit)).list();
    }

    /**
     * Whether the institution's query register holds a granted loan-application or guarantee-review
     * query of the subject: the query a lender makes before it grants or guarantees a loan.
     */
    public boolean grantedLendingQueryExists(String institution, String subjectType, String subjectRef) {
        return count("institution = ?1 and subjectType = ?2 and subjectRef = ?3 and outcome = 'GRANTED' "
                + "and purpose in ('LOAN_APPLICATION', 'GUARANTEE_REVIEW')", institution, subjectType, subjectRef) > 0;
    }

    /** Every request about one subject, granted or refused, newest first: what the subject may see. */
    public List<QueryRegisterEntry> allFor(String subjectType, String subjectRef, int limit) {
        return find("subjectType = ?1 and subjectRef = ?2 order by seq desc", subjectType, subjectRef)
                .page(Page.ofSize(limit)).list();
    }
}
