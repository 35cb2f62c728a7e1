package org.ruralcredit.commons.resilience;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure that goes away by itself (the database restarting, its connections cut, the
 * pool waiting for one) from a fault of the request or the code. Only the first is worth a retry
 * or a 503; a constraint violation or a bug must never be retried.
 */
public final class TransientFailures {

    private TransientFailures() {}

    /**
     * The transient cause among the failure's causes and suppressed exceptions (a commit that
     * fails keeps the driver's error as a suppressed one), in a few words fit for a log line.
     */
    public static Optional<String> transientCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                if (isTransientState(sql.getSQLState())) {
                    return Optional.of("SQL state " + sql.getSQLState());
                }
                if (String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return Optional.of("no database connection available");
                }
                if (sql.getNextException() != null) {
                    pending.add(sql.getNextException());
                }
            }
            if (t instanceof ConnectException) {
                return Optional.of("connection refused");
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return Optional.empty();
    }

    public static boolean isTransient(Throwable failure) {
        return transientCause(failure).isPresent();
    }

    /**
     * PostgreSQL's transient classes: 08 connection exceptions, 57P01–57P03 shutdown and "cannot
     * connect now" while it starts, 53 insufficient resources, 40001/40P01 serialization failure
     * and deadlock (the transaction can simply run again).
     */
    static boolean isTransientState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08")
                || state.startsWith("57P")
                || state.startsWith("53")
                || state.equals("40001")
                || state.equals("40P01");
    }
}
