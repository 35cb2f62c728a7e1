package org.ruralcredit.commons.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Runs one background task soon after it is woken, on a thread of its own: never two runs at
 * once, and wakes that come while a run is already queued for the same time or later fold into
 * it. A wake during a run queues one more run, so work committed meanwhile is not left for a poll.
 *
 * <p>The outbox relay and the re-rater are woken when a transaction that gave them work commits;
 * their schedules only catch what a wake missed (a restart, another replica's commit).
 */
public final class PromptRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PromptRunner.class);

    private final ScheduledExecutorService executor;
    private final Runnable task;
    private final String name;
    private int queued;
    private long latestDue;

    public PromptRunner(String name, Runnable task) {
        this.name = name;
        this.task = task;
        this.executor = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name(name).unstarted(r));
    }

    /**
     * Runs the task once {@code delay} has passed, unless a queued run already answers: any queued
     * run does for no delay (it has not started, so it sees everything committed before this
     * wake), and for a delay one due at that time or later.
     */
    public synchronized void wake(Duration delay) {
        long due = System.nanoTime() + delay.toNanos();
        if (queued > 0 && (delay.isZero() || latestDue - due >= 0)) {
            return;
        }
        latestDue = queued > 0 ? Math.max(latestDue, due) : due;
        queued++;
        try {
            // the queued run reports its own failures; nothing waits for it
            Future<?> unused = executor.schedule(this::runQueued, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            queued--; // shutting down: nothing more runs
        }
    }

    private void runQueued() {
        synchronized (this) {
            queued--;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warnf("%s: run failed, the next wake or poll retries: %s", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
