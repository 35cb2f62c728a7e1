package org.ruralcredit.gateway.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.gateway.service.ReportRequestService.Decision;
import org.ruralcredit.gateway.service.ReportRequestService.Request;

/**
 * The query register's group commit. Every report request is decided and registered in a
 * transaction that holds the chain's lock to its commit, so requests pass that point one at a time
 * and, under load, the wait for the lock and the commit dominate a report. Here one appender thread
 * takes every request waiting when it is free and decides them in one transaction
 * ({@link ReportRequestService#decideAll}): one lock, one head read, one commit for the lot. Alone, a
 * request is decided as soon as it arrives; the batch forms only while the one before commits.
 *
 * <p>A batch whose transaction fails is decided again one request per transaction, so one request's
 * failure is its own. A caller waits at most {@link #WAIT}; a request given up on before its batch
 * starts is left out (no entry, no consent spent).
 */
@ApplicationScoped
public class RegisterGroupCommit {

    private static final Logger LOG = Logger.getLogger(RegisterGroupCommit.class);
    /** More than the reports admitted at once ({@link ReportAdmission}), so a batch takes every one waiting. */
    static final int MAX_BATCH = 64;

    static final Duration WAIT = Duration.ofSeconds(30);

    private record Pending(Request request, CompletableFuture<Decision> answer) {}

    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final ReportRequestService requests;
    private final ReportAdmission admission;
    private Thread appender;

    public RegisterGroupCommit(ReportRequestService requests, ReportAdmission admission, MeterRegistry meters) {
        this.requests = requests;
        this.admission = admission;
        Gauge.builder("ruralcredit.report.register.waiting", waiting, BlockingQueue::size)
                .description("Report requests waiting for the query register's next batch")
                .register(meters);
    }

    /** Requests waiting for the next batch (the one being decided not counted). */
    public int waiting() {
        return waiting.size();
    }

    @PostConstruct
    void start() {
        appender = Thread.ofPlatform().name("register-appender").daemon().start(this::run);
    }

    @PreDestroy
    void stop() {
        appender.interrupt();
    }

    /** The request decided and registered, committed before this returns. */
    public Decision decide(Request request) {
        CompletableFuture<Decision> answer = new CompletableFuture<>();
        waiting.add(new Pending(request, answer));
        try {
            return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("deciding the request failed", e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw busy();
        } catch (InterruptedException e) {
            answer.cancel(false);
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private ApiException busy() {
        return ApiException.busy(GatewayCodes.REPORTS_BUSY, 1, admission.limit());
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.clear();
                batch.add(waiting.take());
                waiting.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(p -> p.answer().isDone());
                if (!batch.isEmpty()) {
                    decide(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.errorf(e, "the register's appender failed a pass; it goes on");
            }
        }
        // stopping: nobody decides for those still waiting
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(p -> p.answer().completeExceptionally(busy()));
    }

    private void decide(List<Pending> batch) {
        List<Decision> decided;
        try {
            decided = requests.decideAll(batch.stream().map(Pending::request).toList());
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).answer().completeExceptionally(batchFailed);
                return;
            }
            LOG.warnf(
                    "a batch of %d report requests failed (%s); deciding each alone",
                    batch.size(), batchFailed.getMessage());
            for (Pending p : batch) {
                if (p.answer().isDone()) {
                    continue; // given up on meanwhile: not registered
                }
                try {
                    p.answer().complete(requests.decideAll(List.of(p.request())).get(0));
                } catch (RuntimeException e) {
                    p.answer().completeExceptionally(e);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(decided.get(i));
        }
    }
}
