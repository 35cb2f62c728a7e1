package org.ruralcredit.commons.scheduling;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptRunnerTest {

    @Test
    void wakesWhileARunIsQueuedFoldIntoItAndAWakeDuringARunQueuesOneMore() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlap = new AtomicInteger();
        try (PromptRunner runner = new PromptRunner("test-runner", () -> {
            if (running.incrementAndGet() > 1) {
                overlap.incrementAndGet();
            }
            runs.incrementAndGet();
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        })) {
            runner.wake(Duration.ZERO);
            assertTrue(started.await(5, TimeUnit.SECONDS), "the first wake runs the task");
            for (int i = 0; i < 100; i++) {
                runner.wake(Duration.ZERO); // during the run: one more run, however many wakes
            }
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (runs.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(200);
            assertEquals(2, runs.get(), "a hundred wakes during a run make one more run");
            assertEquals(0, overlap.get(), "runs never overlap");
        }
    }

    @Test
    void aDelayedWakeRunsNoSoonerThanAsked() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        long[] at = new long[1];
        try (PromptRunner runner = new PromptRunner("test-delay", () -> {
            at[0] = System.nanoTime();
            ran.countDown();
        })) {
            long woken = System.nanoTime();
            runner.wake(Duration.ofMillis(300));
            assertTrue(ran.await(5, TimeUnit.SECONDS));
            assertTrue(at[0] - woken >= TimeUnit.MILLISECONDS.toNanos(300), "the quiet period is kept");
        }
    }

    @Test
    void aFailingRunDoesNotStopLaterOnes() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(2);
        try (PromptRunner runner = new PromptRunner("test-failing", () -> {
            runs.incrementAndGet();
            second.countDown();
            throw new IllegalStateException("the database is away");
        })) {
            runner.wake(Duration.ZERO);
            Thread.sleep(100);
            runner.wake(Duration.ZERO);
            assertTrue(second.await(5, TimeUnit.SECONDS), "the runner survived the failure");
            assertEquals(2, runs.get());
        }
    }
}
