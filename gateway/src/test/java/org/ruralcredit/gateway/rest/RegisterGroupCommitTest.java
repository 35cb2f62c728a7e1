package org.ruralcredit.gateway.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.gateway.domain.ConsentPurpose;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.repository.QueryRegisterRepository;
import org.ruralcredit.gateway.service.QueryRegisterService;
import org.ruralcredit.gateway.service.RegisterGroupCommit;
import org.ruralcredit.gateway.service.ReportRequestService.Asker;
import org.ruralcredit.gateway.service.ReportRequestService.Decision;
import org.ruralcredit.gateway.service.ReportRequestService.Request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.gateway.rest.GatewayFixtures.recordConsent;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;

/**
 * The query register's group commit: requests that wait while the chain is held are decided in one
 * transaction, each with its own entry chained after the one before, and a single-use consent asked
 * for twice in one batch is spent once.
 */
@QuarkusTest
class RegisterGroupCommitTest {

    @Inject
    DataSource dataSource;

    @Inject
    RegisterGroupCommit groupCommit;

    @Inject
    QueryRegisterService register;

    private static Request asking(String consent, ConsentPurpose purpose) {
        return new Request(
                Asker.fromToken("loan-officer", "YYRCB", null),
                UUID.fromString(consent),
                purpose,
                SubjectType.HOUSEHOLD);
    }

    @Test
    void requestsWaitingForTheChainAreDecidedInOneTransactionChainedInTurnAndASingleUseConsentIsSpentOnce()
            throws Exception {
        Request first = asking(
                recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW"),
                ConsentPurpose.GUARANTEE_REVIEW);
        String application = recordConsent(LOAN_OFFICER, TestData.residentId(), "LOAN_APPLICATION");
        List<Request> together = new ArrayList<>();
        together.add(asking(application, ConsentPurpose.LOAN_APPLICATION));
        together.add(asking(application, ConsentPurpose.LOAN_APPLICATION));
        for (int i = 0; i < 8; i++) {
            together.add(asking(
                    recordConsent(LOAN_OFFICER, TestData.residentId(), "GUARANTEE_REVIEW"),
                    ConsentPurpose.GUARANTEE_REVIEW));
        }

        ExecutorService callers = Executors.newFixedThreadPool(together.size() + 1);
        List<Future<Decision>> answers = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            // another replica holds the chain: the first request's batch waits for it, the rest queue behind
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + QueryRegisterRepository.CHAIN_LOCK + ")");
            }
            answers.add(callers.submit(() -> groupCommit.decide(first)));
            eventually(this::appenderWaitsForTheChain);
            for (Request r : together) {
                int before = groupCommit.waiting();
                answers.add(callers.submit(() -> groupCommit.decide(r)));
                eventually(() -> groupCommit.waiting() == before + 1);
            }
            holder.commit();
        }
        List<Decision> decided = new ArrayList<>();
        for (Future<Decision> a : answers) {
            decided.add(a.get());
        }
        callers.shutdown();

        // the application consent: granted to the first asking, refused as spent to the second
        assertTrue(decided.get(1).refusal().isEmpty());
        assertEquals("consent-used", decided.get(2).refusal().orElseThrow().slug());
        decided.stream().skip(3).forEach(d -> assertTrue(d.refusal().isEmpty()));

        // one entry each, in the order asked, each after the one before; the ten waiting in one transaction
        List<Long> seqs = decided.stream().map(Decision::registerSeq).toList();
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1), "in the order asked: " + seqs);
        }
        List<String[]> rows = entries(seqs.get(0), seqs.get(seqs.size() - 1));
        assertEquals(seqs.size(), rows.size(), "no other entry in between");
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(rows.get(i - 1)[1], rows.get(i)[0], "entry " + seqs.get(i) + " names the one before");
        }
        assertFalse(rows.get(0)[2].equals(rows.get(1)[2]), "the first alone, before the chain was free");
        assertEquals(1, rows.stream().skip(1).map(r -> r[2]).distinct().count(), "the ten waiting: one transaction");
        assertTrue(register.verify().valid());
    }

    /** prev_hash, entry_hash and the inserting transaction of the entries from..to, in seq order. */
    private List<String[]> entries(long from, long to) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement read = c.prepareStatement(
                        "SELECT prev_hash, entry_hash, xmin::text FROM query_register WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
            read.setLong(1, from);
            read.setLong(2, to);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            return rows;
        }
    }

    /** Whether a session waits for an advisory lock of this database: the appender, for the chain. */
    private boolean appenderWaitsForTheChain() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
