package org.ruralcredit.sme.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ruralcredit.commons.crypto.Sha256;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.events.sme.EnterpriseChanged;
import org.ruralcredit.sme.config.SmeConfig;
import org.ruralcredit.sme.domain.FeedBatch;
import org.ruralcredit.sme.domain.FeedFact;
import org.ruralcredit.sme.domain.FeedRowRules;
import org.ruralcredit.sme.domain.FeedSource;
import org.ruralcredit.sme.repository.FeedRepository;

/**
 * Takes an agency's batch: every row checked on its own, good rows stored with the feed's source
 * and as-of date, bad rows reported by line. The batch is one transaction, so a failure half-way
 * stores nothing.
 */
@ApplicationScoped
public class FeedService {

    private final EnterpriseEvents events;

    public record RowError(int line, String uscc, List<String> reasons) {}

    public record FeedReport(
            UUID batchId,
            String source,
            LocalDate asOf,
            String format,
            int rows,
            int stored,
            int unchanged,
            int rejected,
            List<RowError> errors) {}

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private final FeedRepository feeds;
    private final SmeConfig config;
    private final Caller caller;
    private final FirmScoring scoring;
    private final Clock clock;

    public FeedService(
            FeedRepository feeds,
            SmeConfig config,
            Caller caller,
            FirmScoring scoring,
            EnterpriseEvents events,
            Clock clock) {
        this.clock = clock;
        this.events = events;
        this.scoring = scoring;
        this.feeds = feeds;
        this.config = config;
        this.caller = caller;
    }

    @Transactional
    public FeedReport upload(String sourceSlug, LocalDate asOf, FeedReader.Format format, byte[] content) {
        FeedSource source = FeedSource.bySlug(sourceSlug)
                .orElseThrow(() -> ApiException.of(
                        SmeCodes.FEED_SOURCE_UNKNOWN,
                        sourceSlug,
                        Arrays.stream(FeedSource.values()).map(FeedSource::slug).toList()));
        if (asOf == null) {
            throw ApiException.invalid("asOf", SmeCodes.FEED_AS_OF_REQUIRED);
        }
        if (asOf.isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("asOf", SmeCodes.FEED_AS_OF_FUTURE);
        }
        List<FeedReader.RawRow> rawRows =
                FeedReader.read(format, content, source, config.feeds().maxRows());

        List<RowError> errors = new ArrayList<>();
        List<FeedReader.RawRow> shaped = new ArrayList<>();
        List<FeedRowRules.Row> checked = new ArrayList<>();
        for (FeedReader.RawRow raw : rawRows) {
            if (raw.shapeProblem() != null) {
                errors.add(new RowError(raw.line(), raw.values().get("uscc"), List.of("row " + raw.shapeProblem())));
                continue;
            }
            FeedRowRules.Outcome outcome = FeedRowRules.check(source, raw.values(), asOf);
            if (outcome.valid()) {
                shaped.add(raw);
                checked.add(outcome.row());
            } else {
                errors.add(new RowError(raw.line(), raw.values().get("uscc"), outcome.problems()));
            }
        }

        Map<String, String> archived = feeds.divisionsOf(
                checked.stream().map(FeedRowRules.Row::uscc).distinct().toList());
        // a credit-admin feeds facts for the firms of their own county only, as they archive only those
        String area = caller.division();
        FeedBatch batch = new FeedBatch();
        batch.id = UUID.randomUUID();
        batch.source = source.name();
        batch.asOf = asOf;
        batch.format = format.name();
        batch.contentSha256 = Sha256.hex(content);
        batch.uploadedBy = caller.username();
        batch.uploadedAt = Instant.now(clock);
        batch.totalRows = rawRows.size();
        feeds.persist(batch);

        int stored = 0;
        Set<String> changedFirms = new TreeSet<>();
        int unchanged = 0;
        Map<String, Integer> firstLineOfKey = new HashMap<>();
        for (int i = 0; i < checked.size(); i++) {
            FeedRowRules.Row row = checked.get(i);
            int line = shaped.get(i).line();
            if (!archived.containsKey(row.uscc())) {
                errors.add(new RowError(line, row.uscc(), List.of("uscc: no firm with this code is archived")));
                continue;
            }
            if (area != null && !archived.get(row.uscc()).startsWith(area)) {
                errors.add(new RowError(line, row.uscc(), List.of("uscc: the firm is outside your area " + area)));
                continue;
            }
            Integer earlier = firstLineOfKey.putIfAbsent(row.uscc() + "/" + row.period(), line);
            if (earlier != null) {
                errors.add(new RowError(
                        line,
                        row.uscc(),
                        List.of("repeats the firm" + (row.period().isEmpty() ? "" : " and month") + " of line "
                                + earlier)));
                continue;
            }
            FeedFact existing =
                    feeds.fact(row.uscc(), source.name(), asOf, row.period()).orElse(null);
            if (existing != null && canonical(existing.facts).equals(canonical(row.facts()))) {
                unchanged++;
                continue;
            }
            FeedFact fact = existing != null ? existing : new FeedFact();
            fact.uscc = row.uscc();
            fact.source = source.name();
            fact.asOf = asOf;
            fact.period = row.period();
            fact.facts = row.facts();
            fact.batchId = batch.id;
            fact.recordedAt = Instant.now(clock);
            if (existing == null) {
                feeds.persist(fact);
            }
            stored++;
            changedFirms.add(row.uscc());
        }
        // the archived facts changed: consumers learn the new score and grade
        // the archived facts changed: consumers learn the firms' new scores and grades
        scoring.rescore(changedFirms).forEach(firm -> events.announce(firm, EnterpriseChanged.FACTS_CHANGED, null));
        errors.sort(Comparator.comparingInt(RowError::line));
        batch.storedRows = stored;
        batch.unchangedRows = unchanged;
        batch.rejectedRows = errors.size();
        return new FeedReport(
                batch.id, source.slug(), asOf, format.name(), rawRows.size(), stored, unchanged, errors.size(), errors);
    }

    /** Same facts whatever number types the JSON column hands back. */
    private static String canonical(Map<String, Object> facts) {
        try {
            return CANONICAL.writeValueAsString(new TreeMap<>(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
