package org.ruralcredit.registry.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.security.Actor;
import org.ruralcredit.importfile.ImportTemplate;
import org.ruralcredit.registry.domain.Household;
import org.ruralcredit.registry.domain.ImportJob;
import org.ruralcredit.registry.domain.TemplateReader;
import org.ruralcredit.registry.repository.HouseholdRepository;
import org.ruralcredit.registry.repository.ImportJobRepository;

/**
 * Bulk import of household files. The upload is spooled to disk, its header checked at once,
 * and the rows processed on a worker, streamed, a chunk of households per transaction, while the
 * next chunk is inspected beside it ({@link ChunkWriter}). A bad row makes its household bad: the
 * household is reported and nothing of it stored; every good household passes the form's checks
 * and is written as new or as a correction of its head's active file, so importing a file again
 * changes nothing.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** The reason every revision written by an import gives. */
    private static final String REASON = "批量导入";

    private final ImportJobRepository jobs;
    private final HouseholdService householdService;
    private final HouseholdFileChecker checker;
    private final HouseholdRepository households;
    private final HouseholdDocuments documents;
    private final Clock clock;
    private final Path spool;
    private final int chunkSize;
    private final Duration stalledAfter;
    private final ExecutorService workers;
    private final ExecutorService inspectors;

    public ImportService(
            ImportJobRepository jobs,
            HouseholdService householdService,
            HouseholdFileChecker checker,
            HouseholdRepository households,
            HouseholdDocuments documents,
            Clock clock,
            @ConfigProperty(name = "ruralcredit.import.spool-dir") String spool,
            @ConfigProperty(name = "ruralcredit.import.chunk-households", defaultValue = "200") int chunkSize,
            @ConfigProperty(name = "ruralcredit.import.workers", defaultValue = "2") int workers,
            @ConfigProperty(name = "ruralcredit.import.stalled-after", defaultValue = "2m") Duration stalledAfter) {
        this.jobs = jobs;
        this.householdService = householdService;
        this.checker = checker;
        this.households = households;
        this.documents = documents;
        this.clock = clock;
        this.spool = Path.of(spool);
        this.chunkSize = chunkSize;
        this.stalledAfter = stalledAfter;
        // a few dedicated threads: imports are long and must not starve the request workers
        this.workers = daemonThreads(workers, "registry-import-");
        // one beside each worker: it inspects the next chunk while the worker writes the one before
        this.inspectors = daemonThreads(workers, "registry-import-inspect-");
    }

    private static ExecutorService daemonThreads(int count, String namePrefix) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, namePrefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
        inspectors.shutdownNow();
    }

    /**
     * Takes over an uploaded file (moved into the spool), refuses it at once when its header is
     * not the template's, and queues it. Returns the queued job.
     */
    public ImportJob submit(Actor actor, String fileName, Path upload) {
        if (actor.division() == null || !actor.division().matches("\\d{9}")) {
            throw ApiException.of(RegistryCodes.IMPORT_TOWNSHIP_OFFICIAL_ONLY);
        }
        UUID id = UUID.randomUUID();
        Path spooled = spool(upload, id);
        ImportRows.Format format;
        try {
            ImportRows.requireNoDocumentType(spooled);
        } catch (ImportRows.UnsafeFile e) {
            delete(spooled);
            LOG.infof("import upload %s refused: unsafe (%s)", fileName, e.getMessage());
            throw ApiException.of(RegistryCodes.IMPORT_FILE_UNSAFE);
        } catch (IOException | RuntimeException e) {
            delete(spooled);
            LOG.infof("import upload %s refused: unreadable (%s)", fileName, e.getMessage());
            throw ApiException.of(RegistryCodes.IMPORT_UNREADABLE);
        }
        try (ImportRows rows = ImportRows.open(spooled)) {
            format = ImportRows.Format.sniff(spooled);
            TemplateReader.HeaderCheck check = TemplateReader.checkHeaders(rows.headers());
            if (!check.ok()) {
                List<Problem.FieldError> errors = new ArrayList<>();
                check.unknown()
                        .forEach(h -> errors.add(Problem.FieldError.of(
                                h.isEmpty() ? "(empty header)" : h, RegistryCodes.IMPORT_COLUMN_UNKNOWN)));
                check.missing().forEach(h -> errors.add(Problem.FieldError.of(h, RegistryCodes.IMPORT_COLUMN_MISSING)));
                throw new ApiException(Problem.invalid(RegistryCodes.IMPORT_NOT_TEMPLATE, errors));
            }
        } catch (ApiException e) {
            delete(spooled);
            throw e;
        } catch (IOException | RuntimeException e) {
            delete(spooled);
            LOG.infof("import upload %s refused: unreadable (%s)", fileName, e.getMessage());
            throw ApiException.of(RegistryCodes.IMPORT_UNREADABLE);
        }
        Instant now = Instant.now(clock);
        ImportJob job = new ImportJob();
        job.id = id;
        job.fileName = fileName == null || fileName.isBlank() ? "upload" : truncate(fileName, 255);
        job.format = format.name();
        job.uploadedBy = actor.username();
        job.division = actor.division();
        job.status = ImportJob.Status.QUEUED;
        job.createdAt = now;
        job.updatedAt = now;
        QuarkusTransaction.requiringNew().run(() -> jobs.persist(job));
        // the job row tells how the run went; nothing waits on the worker
        Future<?> unused = workers.submit(() -> run(id, actor, spooled));
        return job;
    }

    public ImportJob job(Actor actor, UUID id) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id));
        if (job == null) {
            throw ApiException.of(RegistryCodes.IMPORT_NOT_FOUND, id);
        }
        if (actor.division() == null || !actor.isTownshipOfficialOf(job.division)) {
            throw ApiException.of(RegistryCodes.IMPORT_OTHER_TOWNSHIP);
        }
        return job.status == ImportJob.Status.RUNNING && stalled(job) ? markStalled(id) : job;
    }

    private boolean stalled(ImportJob job) {
        return job.updatedAt.isBefore(Instant.now(clock).minus(stalledAfter));
    }

    /**
     * A running job records progress with every chunk; one that has not for a while lost its
     * worker (the service was stopped or killed). It is ended so the official is not left
     * watching a progress bar that never moves.
     */
    private ImportJob markStalled(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = jobs.findById(id);
            if (job.status == ImportJob.Status.RUNNING && stalled(job)) {
                LOG.warnf("import %s made no progress since %s: marked as interrupted", id, job.updatedAt);
                job.status = ImportJob.Status.FAILED;
                job.failure = "The import was interrupted (no progress since " + job.updatedAt
                        + "; the service was stopped while it ran). Households stored so far stay stored; importing "
                        + "the file again is safe: they are recognised and left unchanged.";
                job.finishedAt = Instant.now(clock);
                job.updatedAt = job.finishedAt;
            }
            return job;
        });
    }

    private void run(UUID id, Actor actor, Path file) {
        try {
            long total = ImportRows.countRows(file);
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = jobs.findById(id);
                job.status = ImportJob.Status.RUNNING;
                job.rowsTotal = total;
                job.startedAt = Instant.now(clock);
                job.updatedAt = job.startedAt;
            });
            try (ImportRows rows = ImportRows.open(file)) {
                ChunkWriter writer = new ChunkWriter(id, actor);
                List<Rows> chunk = new ArrayList<>(chunkSize);
                List<TemplateReader.Row> current = new ArrayList<>();
                String currentKey = null;
                while (rows.hasNext()) {
                    TemplateReader.Row row = rows.next();
                    String key = keyOf(row);
                    // a household is its consecutive rows with the same key; a row without a key stands alone
                    if (!current.isEmpty() && (key == null || currentKey == null || !key.equals(currentKey))) {
                        chunk.add(new Rows(currentKey, current));
                        current = new ArrayList<>();
                        if (chunk.size() >= chunkSize) {
                            writer.hand(chunk);
                            chunk = new ArrayList<>(chunkSize);
                        }
                    }
                    current.add(row);
                    currentKey = key;
                }
                if (!current.isEmpty()) {
                    chunk.add(new Rows(currentKey, current));
                }
                if (!chunk.isEmpty()) {
                    writer.hand(chunk);
                }
                writer.finish();
            }
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = jobs.findById(id);
                job.status = ImportJob.Status.DONE;
                job.finishedAt = Instant.now(clock);
                job.updatedAt = job.finishedAt;
                // the first pass counts lines; the rows actually read are the truth
                job.rowsTotal = job.rowsDone;
            });
            LOG.infof("import %s by %s done", id, actor.username());
        } catch (Throwable e) {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "import %s failed, reference %s", id, reference);
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = jobs.findById(id);
                job.status = ImportJob.Status.FAILED;
                job.failure = "The import stopped on an internal error (reference " + reference
                        + "); households stored so far stay stored, and importing the file again is safe.";
                job.finishedAt = Instant.now(clock);
                job.updatedAt = job.finishedAt;
            });
        } finally {
            delete(file);
        }
    }

    /** Outcome of one household, counted into the job in the same transaction as its effect. */
    private record Tally(
            long created,
            long corrected,
            long unchanged,
            long rejected,
            long badRows,
            long rows,
            List<TemplateReader.RowError> errors) {}

    /** One household's rows of the file, in file order, as read. */
    private record Rows(String key, List<TemplateReader.Row> rows) {}

    /**
     * A household as far as it can be checked without the database: refused by its own rows (its
     * township, unreadable cells), or its file inspected and its head's keyed hash made.
     */
    private record Inspected(
            TemplateReader.Household household,
            List<TemplateReader.RowError> refused,
            String headHash,
            HouseholdFileChecker.Inspection inspection,
            HouseholdService.Draft draft) {}

    /**
     * Takes the chunks of one import in file order and writes each after the one before; the
     * next chunk is inspected on another thread meanwhile (reading cells, field rules, resident
     * IDs, keyed hashes, and a draft of each file as new: sealed identifiers, revision, event),
     * so this CPU overlaps the database's.
     */
    private final class ChunkWriter {
        private final UUID id;
        private final Actor actor;
        private final PlannerStatistics statistics = new PlannerStatistics();
        private Future<List<Inspected>> pending;
        private long processed;

        ChunkWriter(UUID id, Actor actor) {
            this.id = id;
            this.actor = actor;
        }

        void hand(List<Rows> chunk) {
            Future<List<Inspected>> next = inspectors.submit(() -> inspect(actor, chunk));
            writePending();
            pending = next;
        }

        void finish() {
            writePending();
            pending = null;
        }

        private void writePending() {
            if (pending == null) {
                return;
            }
            List<Inspected> chunk;
            try {
                chunk = pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            process(id, actor, chunk);
            processed += chunk.size();
            if (statistics.dueAfter(processed)) {
                QuarkusTransaction.requiringNew().run(households::refreshPlannerStatistics);
            }
        }
    }

    private List<Inspected> inspect(Actor actor, List<Rows> chunk) {
        List<Inspected> inspected = new ArrayList<>(chunk.size());
        for (Rows rows : chunk) {
            TemplateReader.Household household = TemplateReader.assemble(rows.key(), rows.rows());
            List<TemplateReader.RowError> problems = precheck(actor, household);
            if (!problems.isEmpty()) {
                inspected.add(new Inspected(household, problems, null, null, null));
                continue;
            }
            HouseholdFileChecker.Inspection inspection = checker.inspect(household.file());
            // most heads of a first import have no file yet; for the others the draft goes unused
            HouseholdService.Draft draft = inspection.errors().isEmpty()
                    ? householdService.draft(actor, household.file(), inspection.ids(), inspection.hashes(), REASON)
                    : null;
            inspected.add(new Inspected(household, List.of(), headHash(household), inspection, draft));
        }
        return inspected;
    }

    private void process(UUID id, Actor actor, List<Inspected> chunk) {
        try {
            QuarkusTransaction.requiringNew().run(() -> record(id, apply(id, actor, chunk)));
        } catch (RuntimeException chunkFailed) {
            // a write refused inside the chunk rolled all of it back: redo it one household at a time
            LOG.debugf(chunkFailed, "import %s: chunk failed, retrying household by household", id);
            for (Inspected inspected : chunk) {
                TemplateReader.Household household = inspected.household();
                try {
                    QuarkusTransaction.requiringNew().run(() -> record(id, apply(id, actor, List.of(inspected))));
                } catch (ApiException refused) {
                    List<TemplateReader.RowError> errors =
                            refused.problem().errors().isEmpty()
                                    ? List.of(TemplateReader.RowError.of(
                                            household.firstLine(),
                                            ImportTemplate.Column.HEAD_ID.header,
                                            refused.problem().code(),
                                            refused.problem().args()))
                                    : refused.problem().errors().stream()
                                            .map(e -> TemplateReader.locate(household, e))
                                            .toList();
                    QuarkusTransaction.requiringNew().run(() -> record(id, rejected(household, errors)));
                }
            }
        }
    }

    /**
     * One chunk in one transaction, set-based: the heads' files and the people are looked up once
     * for the chunk, new files are written with one batched statement per table, and only files
     * that already exist are corrected one by one.
     */
    private Tally apply(UUID id, Actor actor, List<Inspected> chunk) {
        long created = 0, corrected = 0, unchanged = 0, rejected = 0, badRows = 0, rows = 0;
        List<TemplateReader.RowError> errors = new ArrayList<>();
        List<Inspected> candidates = new ArrayList<>(chunk.size());
        List<String> headHashes = new ArrayList<>(chunk.size());
        for (Inspected inspected : chunk) {
            TemplateReader.Household household = inspected.household();
            rows += household.rows().size();
            if (!inspected.refused().isEmpty()) {
                rejected++;
                badRows += rejected(household, inspected.refused()).badRows();
                errors.addAll(inspected.refused());
                continue;
            }
            candidates.add(inspected);
            headHashes.add(inspected.headHash());
        }
        Map<String, Household> existing = households.activeByHeads(
                headHashes.stream().filter(Objects::nonNull).toList());
        List<HouseholdFileChecker.Candidate> toCheck = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Household own = ownFile(existing, headHashes.get(i));
            toCheck.add(
                    new HouseholdFileChecker.Candidate(candidates.get(i).inspection(), own == null ? null : own.id));
        }
        List<HouseholdFileChecker.Outcome> outcomes = checker.checkAll("import:" + id, actor, toCheck);
        List<HouseholdService.NewFile> fresh = new ArrayList<>();
        Set<String> freshHeads = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            TemplateReader.Household household = candidates.get(i).household();
            HouseholdFileChecker.Outcome outcome = outcomes.get(i);
            if (!outcome.passed()) {
                List<TemplateReader.RowError> problems = outcome.errors().stream()
                        .map(e -> TemplateReader.locate(household, e))
                        .toList();
                rejected++;
                badRows += rejected(household, problems).badRows();
                errors.addAll(problems);
                continue;
            }
            Household own = ownFile(existing, headHashes.get(i));
            if (own == null) {
                if (!freshHeads.add(headHashes.get(i))) {
                    // the same head twice among the new files of this chunk: the person check refused the second
                    // already
                    throw new IllegalStateException("a head of household passed the checks twice in one chunk");
                }
                fresh.add(new HouseholdService.NewFile(candidates.get(i).draft(), outcome));
                continue;
            }
            switch (householdService
                    .writeChecked(actor, own, household.file(), outcome, REASON)
                    .effect()) {
                case CREATED -> created++;
                case CORRECTED -> corrected++;
                case UNCHANGED -> unchanged++;
            }
        }
        created += householdService.createAllChecked(actor, fresh).size();
        return new Tally(created, corrected, unchanged, rejected, badRows, rows, errors);
    }

    /** What a household's rows alone tell: rows that could not be read, a village outside the township. */
    private List<TemplateReader.RowError> precheck(Actor actor, TemplateReader.Household household) {
        if (household.bad()) {
            return household.errors();
        }
        String village = household.file().villageCode();
        if (village != null && village.matches("\\d{12}") && !actor.isTownshipOfficialOf(village)) {
            return List.of(TemplateReader.RowError.of(
                    household.firstLine(),
                    ImportTemplate.Column.VILLAGE_CODE.header,
                    RegistryCodes.IMPORT_VILLAGE_OUTSIDE_TOWNSHIP,
                    village,
                    actor.division()));
        }
        return List.of();
    }

    private static Household ownFile(Map<String, Household> existing, String headHash) {
        return headHash == null ? null : existing.get(headHash);
    }

    private String headHash(TemplateReader.Household household) {
        ResidentId.Result head = ResidentId.parse(household.key(), LocalDate.now(clock));
        return head.valid() ? documents.hashOfResidentId(head.id().get().value()) : null;
    }

    private static Tally rejected(TemplateReader.Household household, List<TemplateReader.RowError> errors) {
        long badRows = errors.stream()
                .mapToLong(TemplateReader.RowError::line)
                .distinct()
                .count();
        return new Tally(0, 0, 0, 1, badRows, household.rows().size(), errors);
    }

    private void record(UUID id, Tally tally) {
        ImportJob job = jobs.findById(id);
        if (!tally.errors().isEmpty()) {
            long next = jobs.errorCount(id);
            jobs.appendErrors(id, next + 1, tally.errors());
        }
        job.householdsCreated += tally.created();
        job.householdsCorrected += tally.corrected();
        job.householdsUnchanged += tally.unchanged();
        job.householdsRejected += tally.rejected();
        job.badRows += tally.badRows();
        job.rowsDone += tally.rows();
        job.updatedAt = Instant.now(clock);
    }

    private static String keyOf(TemplateReader.Row row) {
        String key = row.get(ImportTemplate.Column.HEAD_ID);
        return key == null ? null : key.toUpperCase(Locale.ROOT);
    }

    private Path spool(Path upload, UUID id) {
        try {
            Files.createDirectories(spool);
            Path target = spool.resolve(id + ".upload");
            try {
                Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException notSameFileSystem) {
                Files.copy(upload, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool the upload", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete spooled import %s: %s", file, e.getMessage());
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** For the error report: every bad row of the job in file order. */
    public void forEachError(UUID id, Consumer<TemplateReader.RowError> sink) {
        QuarkusTransaction.requiringNew().run(() -> jobs.forEachError(id, sink));
    }
}
