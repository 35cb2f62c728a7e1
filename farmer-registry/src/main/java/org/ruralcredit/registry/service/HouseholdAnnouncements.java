package org.ruralcredit.registry.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.commons.persistence.TimeOrderedIds;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.scheduling.AfterCommit;
import org.ruralcredit.commons.scheduling.PromptRunner;
import org.ruralcredit.commons.security.Actor;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.registry.domain.AnnouncementRun;
import org.ruralcredit.registry.domain.Household;
import org.ruralcredit.registry.repository.AnnouncementRunRepository;
import org.ruralcredit.registry.repository.DivisionRepository;

/**
 * Announces every file of a division again, at its current version and in the event's current
 * form, through the outbox like any change: for consumers that need what older events lack (the
 * gateway's read model links a consent to a file by the head's lookup hash, added to the event
 * later) or for a topic rebuilt after the broker's data was lost. Consumers keep the newer of two
 * versions, so a file corrected meanwhile is not set back; credit-rating and the moral bank skip
 * a version they hold, so nothing is rated again. Batches of 500 files a transaction, on a thread
 * of its own; a restart resumes the run from its cursor (any instance's poll picks it up).
 */
@ApplicationScoped
public class HouseholdAnnouncements {

    private static final Logger LOG = Logger.getLogger(HouseholdAnnouncements.class);
    static final int BATCH = 500;

    private final AnnouncementRunRepository runs;
    private final DivisionRepository divisions;
    private final HouseholdDocuments documents;
    private final Outbox outbox;
    private final AfterCommit afterCommit;
    private final Clock clock;
    private final PromptRunner runner = new PromptRunner("household-announcer", this::announceAll);

    public HouseholdAnnouncements(
            AnnouncementRunRepository runs,
            DivisionRepository divisions,
            HouseholdDocuments documents,
            Outbox outbox,
            AfterCommit afterCommit,
            Clock clock) {
        this.runs = runs;
        this.divisions = divisions;
        this.documents = documents;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    /**
     * Starts a run over the division's files, open and closed (a province's code covers all of it).
     * One run at a time, across instances (a unique index holds it): a second is refused with the
     * running one's id.
     */
    @Transactional
    public AnnouncementRun start(Actor actor, String division) {
        if (divisions.findByIdOptional(division).isEmpty()) {
            throw ApiException.of(RegistryCodes.DIVISION_NOT_FOUND, division);
        }
        runs.running().ifPresent(r -> {
            throw ApiException.of(RegistryCodes.ANNOUNCEMENT_RUNNING, r.id);
        });
        AnnouncementRun run = new AnnouncementRun();
        run.id = TimeOrderedIds.next();
        run.division = division;
        run.status = AnnouncementRun.Status.RUNNING;
        run.filesTotal = runs.filesIn(division);
        run.startedBy = actor.username();
        run.startedAt = Instant.now(clock);
        run.updatedAt = run.startedAt;
        try {
            runs.persistAndFlush(run);
        } catch (PersistenceException startedMeanwhile) {
            throw ApiException.of(
                    RegistryCodes.ANNOUNCEMENT_RUNNING,
                    runs.running().map(r -> (Object) r.id).orElse("?"));
        }
        afterCommit.once(HouseholdAnnouncements.class, () -> runner.wake(Duration.ZERO));
        return run;
    }

    public AnnouncementRun run(UUID id) {
        return runs.findByIdOptional(id).orElseThrow(() -> ApiException.of(RegistryCodes.ANNOUNCEMENT_NOT_FOUND, id));
    }

    /** Resumes a run whose instance stopped, or that another instance started. */
    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        runner.wake(Duration.ZERO);
    }

    @PreDestroy
    void stop() {
        runner.close();
    }

    private void announceAll() {
        try {
            boolean more;
            do {
                more = QuarkusTransaction.requiringNew().call(this::announceBatch);
            } while (more);
        } catch (RuntimeException e) {
            LOG.warnf("announcing the files again: a batch failed, the next poll retries: %s", e.getMessage());
        }
    }

    /** One batch of the run in progress; true while files remain. */
    boolean announceBatch() {
        AnnouncementRun run = runs.runningLocked().orElse(null);
        if (run == null) {
            return false;
        }
        List<Household> files = runs.filesAfter(run.division, run.cursorHouseholdId, BATCH);
        LocalDate today = LocalDate.now(clock);
        List<Outbox.Keyed<HouseholdChanged>> events = new ArrayList<>(files.size());
        for (Household file : files) {
            events.add(new Outbox.Keyed<>(file.id.toString(), documents.event(file, today)));
        }
        outbox.recordAll(EventCatalog.HOUSEHOLD_CHANGED, events);
        run.updatedAt = Instant.now(clock);
        if (!files.isEmpty()) {
            run.cursorHouseholdId = files.getLast().id;
            run.filesAnnounced += files.size();
        }
        if (files.size() < BATCH) {
            run.status = AnnouncementRun.Status.DONE;
            run.finishedAt = run.updatedAt;
            LOG.infof("announced %d files again (run %s, division %s)", run.filesAnnounced, run.id, run.division);
            return false;
        }
        return true;
    }
}
