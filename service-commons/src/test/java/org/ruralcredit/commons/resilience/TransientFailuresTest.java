package org.ruralcredit.commons.resilience;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransientFailuresTest {

    @Test
    void aCutConnectionOrAShutdownIsTransientWhereverItSitsInTheChain() {
        assertTrue(TransientFailures.isTransient(new SQLException("I/O error", "08006")));
        assertTrue(TransientFailures.isTransient(new RuntimeException(
                "commit failed",
                new IllegalStateException(
                        new SQLException("terminating connection due to administrator command", "57P01")))));
        assertTrue(TransientFailures.isTransient(new SQLException("the database system is starting up", "57P03")));
        assertTrue(TransientFailures.isTransient(new SQLException("could not serialize access", "40001")));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(TransientFailures.isTransient(new SQLException("Sorry, acquisition timeout!")));
        assertEquals(
                Optional.of("SQL state 08001"),
                TransientFailures.transientCause(
                        new RuntimeException(new SQLException("connection attempt failed", "08001"))));
    }

    @Test
    void aCommitThatFailedKeepsTheDriversErrorAsASuppressedOne() {
        RuntimeException rollback = new RuntimeException("Could not commit transaction");
        Exception xa = new Exception("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertEquals(
                Optional.of("SQL state 57P01"), TransientFailures.transientCause(new IllegalStateException(rollback)));
    }

    @Test
    void aRefusedWriteOrABugIsNotRetried() {
        assertFalse(TransientFailures.isTransient(new SQLException("duplicate key", "23505")));
        assertFalse(TransientFailures.isTransient(new SQLException("syntax error", "42601")));
        assertFalse(TransientFailures.isTransient(new SQLException("no state")));
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("bad event")));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
    }

    @Test
    void aChainThatPointsAtItselfEnds() {
        SQLException first = new SQLException("first", "23505");
        SQLException second = new SQLException("second", "23503");
        first.setNextException(second);
        RuntimeException loop = new RuntimeException(first);
        assertFalse(TransientFailures.isTransient(loop));
    }
}
