package org.ruralcredit.gateway.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.ApiException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportAdmissionTest {

    @Test
    void pastTheLimitARequestIsRefusedAtOnceAndAFreedPlaceIsTakenAgain() throws Exception {
        ReportAdmission admission = new ReportAdmission(1);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.within(() -> {
            inside.countDown();
            try {
                leave.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        inside.await(5, TimeUnit.SECONDS);

        ApiException busy = assertThrows(ApiException.class, () -> admission.within(() -> "second"));
        assertEquals(503, busy.problem().status());
        assertEquals(1, busy.retryAfterSeconds().orElseThrow());

        leave.countDown();
        assertEquals("first", first.get(5, TimeUnit.SECONDS));
        assertEquals("third", admission.within(() -> "third"), "the place is free again");
    }

    @Test
    void aFailingReportGivesItsPlaceBack() {
        ReportAdmission admission = new ReportAdmission(1);
        assertThrows(
                IllegalStateException.class,
                () -> admission.within(() -> {
                    throw new IllegalStateException("a source failed");
                }));
        assertEquals("next", admission.within(() -> "next"));
    }
}
