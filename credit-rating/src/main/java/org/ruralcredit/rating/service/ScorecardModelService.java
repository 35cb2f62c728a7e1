package org.ruralcredit.rating.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.rating.domain.ScorecardModelRecord;
import org.ruralcredit.rating.domain.scorecard.ScorecardDocuments;
import org.ruralcredit.rating.domain.scorecard.ScorecardModel;
import org.ruralcredit.rating.domain.scorecard.ScorecardModelValidator;
import org.ruralcredit.rating.repository.ScorecardModelRepository;

/**
 * Model versions: drafts are validated when saved, one version of the household model is active
 * (models saved under another code may be kept as drafts but never activated: nothing would use
 * them), and a version that rated anything is never changed. The shipped versions are installed
 * at start.
 */
@ApplicationScoped
public class ScorecardModelService {

    /** The shipped versions of the household model, oldest first; the last is the shipped default. */
    static final List<String> SHIPPED_MODELS =
            List.of("scorecards/household-default-v1.json", "scorecards/household-default-v2.json");
    /** The one model code that rates households: new household models are new versions of it. */
    public static final String HOUSEHOLD_MODEL = "household-default";

    private static final Logger LOG = Logger.getLogger(ScorecardModelService.class);
    private static final long INSTALL_LOCK = 0x53434F5245434152L;

    /** A parsed model version, kept while it stays the active one. */
    private record Cached(int version, ScorecardModel model) {}

    private final ScorecardModelRepository versions;
    private final Clock clock;
    private volatile Cached active;

    public ScorecardModelService(ScorecardModelRepository versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    /**
     * Installs the shipped versions that are missing. On a new database the newest is made active
     * (the older ones are kept, retired, as the history they are); where a household model is
     * already active it stays so, and a newly shipped version waits as a draft for a credit
     * administrator to activate.
     */
    @Transactional
    void installDefault(@Observes StartupEvent event) {
        versions.lockUntilCommit(INSTALL_LOCK);
        boolean anyActive = activeVersion().isPresent();
        for (int i = 0; i < SHIPPED_MODELS.size(); i++) {
            ScorecardModel model = ScorecardDocuments.readResource(SHIPPED_MODELS.get(i));
            if (versions.find(model.code(), model.version()) != null) {
                continue;
            }
            ScorecardModelRecord record = record(model, "system");
            boolean newest = i == SHIPPED_MODELS.size() - 1;
            if (!anyActive) {
                record.status = newest ? ScorecardModelRecord.Status.ACTIVE : ScorecardModelRecord.Status.RETIRED;
                record.activatedBy = "system";
                record.activatedAt = record.createdAt;
            }
            versions.save(record);
            LOG.infof("installed the shipped scorecard %s as %s", model.id(), record.status);
        }
    }

    /** The active version of a model code, if one is active (only household-default's can be). */
    @Transactional
    public Optional<Integer> activeVersionOf(String code) {
        return versions.activeVersion(code);
    }

    private Optional<Integer> activeVersion() {
        return versions.activeVersion(HOUSEHOLD_MODEL);
    }

    /**
     * The model new ratings use. The active version number is read on every call (one indexed
     * row, once per batch of ratings), so an activation made through any replica takes effect at
     * this one's next batch; the parsed document is kept while that version stays active.
     */
    @Transactional
    public ScorecardModel active() {
        int version = activeVersion()
                .orElseThrow(() -> new IllegalStateException("no version of " + HOUSEHOLD_MODEL + " is active"));
        Cached current = active;
        if (current == null || current.version() != version) {
            current = new Cached(version, parse(get(HOUSEHOLD_MODEL, version).document));
            active = current;
        }
        return current.model();
    }

    @Transactional
    public List<ScorecardModelRecord> all() {
        return versions.all();
    }

    @Transactional
    public ScorecardModelRecord get(String code, int version) {
        ScorecardModelRecord record = versions.find(code, version);
        if (record == null) {
            throw ApiException.of(RatingCodes.MODEL_NOT_FOUND, code, version);
        }
        return record;
    }

    /** Saves a new draft version after validation; every problem is reported at once. */
    @Transactional
    public ScorecardModelRecord saveDraft(String json, String username) {
        ScorecardModel model;
        try {
            model = ScorecardDocuments.read(json);
        } catch (JsonProcessingException e) {
            throw refusal(
                    RatingCodes.MODEL_UNREADABLE,
                    List.of(Problem.FieldError.of(
                            "document",
                            RatingCodes.MODEL_DOCUMENT_UNREADABLE,
                            e.getOriginalMessage()
                                    .replaceAll("\\(class [^)]*\\)", "")
                                    .replaceAll("`[a-z.]+\\.", "`"))));
        }
        if (model == null) {
            throw ApiException.invalid("document", RatingCodes.MODEL_DOCUMENT_REQUIRED);
        }
        List<ScorecardModelValidator.Problem> problems = ScorecardModelValidator.validate(model);
        if (!problems.isEmpty()) {
            throw refusal(
                    RatingCodes.MODEL_INVALID,
                    problems.stream()
                            .map(ScorecardModelValidator.Problem::toFieldError)
                            .toList(),
                    problems.size());
        }
        if (versions.find(model.code(), model.version()) != null) {
            throw ApiException.of(RatingCodes.MODEL_VERSION_EXISTS, model.id());
        }
        ScorecardModelRecord record = record(model, username);
        versions.save(record);
        return record;
    }

    @Transactional
    public ScorecardModelRecord activate(String code, int version, String username) {
        ScorecardModelRecord record = get(code, version);
        if (!HOUSEHOLD_MODEL.equals(code)) {
            throw ApiException.of(RatingCodes.MODEL_CODE_NOT_RATED, HOUSEHOLD_MODEL, code + "@" + version);
        }
        if (record.status == ScorecardModelRecord.Status.ACTIVE) {
            throw ApiException.of(RatingCodes.MODEL_ALREADY_ACTIVE, code + "@" + version);
        }
        versions.retireActive(code);
        record.status = ScorecardModelRecord.Status.ACTIVE;
        record.activatedBy = username;
        record.activatedAt = Instant.now(clock);
        return record;
    }

    public static ScorecardModel parse(String document) {
        try {
            return ScorecardDocuments.read(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored scorecard model cannot be read", e);
        }
    }

    private ScorecardModelRecord record(ScorecardModel model, String username) {
        ScorecardModelRecord record = new ScorecardModelRecord();
        record.code = model.code();
        record.version = model.version();
        record.status = ScorecardModelRecord.Status.DRAFT;
        record.document = ScorecardDocuments.write(model);
        record.createdBy = username;
        record.createdAt = Instant.now(clock);
        return record;
    }

    /** A validation refusal whose summary is a code of its own (the model's problems, not a request's fields). */
    private static ApiException refusal(ProblemCode summary, List<Problem.FieldError> errors, Object... args) {
        return new ApiException(new Problem(
                Problem.type(summary.type()),
                null,
                summary.status(),
                null,
                null,
                summary.code(),
                ProblemCatalogue.args(summary, args),
                List.copyOf(errors)));
    }
}
