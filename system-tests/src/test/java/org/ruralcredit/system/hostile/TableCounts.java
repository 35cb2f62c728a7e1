package org.ruralcredit.system.hostile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ruralcredit.system.TestDatabase;

/** Exact row counts of every table of a service's database but the static division tree. */
final class TableCounts {

    private final TestDatabase database;

    TableCounts(TestDatabase database) {
        this.database = database;
    }

    Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT tablename FROM pg_tables WHERE schemaname = 'public'
                    AND tablename NOT IN ('division', 'flyway_schema_history')""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * Waits until no consumer is still catching up: the counts of all the databases stay the same
     * for {@code still}, all at once, since an event may pass from one service's consumers to
     * another's (registry, rating, gateway) and each must be quiet while the others are.
     */
    static void awaitQuiet(Collection<TableCounts> databases, Duration still, Duration timeout)
            throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<TestDatabase, Map<String, Long>> last = countsOf(databases);
        Instant since = Instant.now();
        List<String> changing = List.of();
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            Map<TestDatabase, Map<String, Long>> now = countsOf(databases);
            if (!now.equals(last)) {
                changing = changed(last, now);
                last = now;
                since = Instant.now();
            } else if (Duration.between(since, Instant.now()).compareTo(still) >= 0) {
                return;
            }
        }
        throw new IllegalStateException(databases.stream().map(d -> d.database).toList() + " did not settle within "
                + timeout + "; the last tables to change: " + changing);
    }

    /** The tables whose counts differ, as database.table. */
    private static List<String> changed(
            Map<TestDatabase, Map<String, Long>> before, Map<TestDatabase, Map<String, Long>> after) {
        List<String> tables = new ArrayList<>();
        after.forEach((database, counts) -> counts.forEach((table, count) -> {
            if (!count.equals(before.getOrDefault(database, Map.of()).get(table))) {
                tables.add(database + "." + table);
            }
        }));
        return tables;
    }

    private static Map<TestDatabase, Map<String, Long>> countsOf(Collection<TableCounts> databases)
            throws SQLException {
        Map<TestDatabase, Map<String, Long>> counts = new HashMap<>();
        for (TableCounts db : databases) {
            counts.put(db.database, db.counts());
        }
        return counts;
    }

    @Override
    public String toString() {
        return database.toString();
    }
}
