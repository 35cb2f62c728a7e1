package org.ruralcredit.sme.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.domain.FeedBatch;
import org.ruralcredit.sme.domain.FeedFact;
import org.ruralcredit.sme.domain.FeedSource;
import org.ruralcredit.sme.repository.EnterpriseRepository;
import org.ruralcredit.sme.repository.FeedRepository;

/** What the agencies sent: the batches uploaded, and each firm's facts as of each date. */
@ApplicationScoped
public class FeedHistory {

    private final FeedRepository feeds;
    private final EnterpriseRepository enterprises;
    private final CountyScope county;

    public FeedHistory(FeedRepository feeds, EnterpriseRepository enterprises, CountyScope county) {
        this.feeds = feeds;
        this.enterprises = enterprises;
        this.county = county;
    }

    /** Recent uploads, newest first; {@code sourceSlug} empty for every source. */
    @Transactional
    public List<FeedBatch> batches(String sourceSlug, int limit) {
        return feeds.batches(sourceName(sourceSlug), limit);
    }

    /**
     * A firm's facts, newest first within each source; {@code sourceSlug} empty for every source.
     * Only in the caller's county (see {@link CountyScope}).
     */
    @Transactional
    public List<FeedFact> factsOf(String uscc, String sourceSlug) {
        Enterprise firm = enterprises.findById(uscc);
        if (firm == null) {
            throw ApiException.of(SmeCodes.FIRM_NOT_ARCHIVED, uscc);
        }
        county.requireCovers(firm);
        return feeds.history(uscc, sourceName(sourceSlug));
    }

    private static String sourceName(String slug) {
        return slug.isEmpty()
                ? ""
                : FeedSource.bySlug(slug)
                        .orElseThrow(() -> ApiException.invalid("source", SmeCodes.FEED_SOURCE_FILTER))
                        .name();
    }
}
