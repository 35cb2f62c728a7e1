package org.ruralcredit.registry.service;

/**
 * When a running import refreshes PostgreSQL's planner statistics of the household tables: after
 * the first {@link #FIRST} households and each time the job's count has doubled since. A table
 * that has grown many times over since it was last analysed is planned as if it were small or
 * unknown (default selectivities), and the chunk's head look-up then scans every active household
 * instead of probing the head index; autovacuum's analyse comes too late for a table that grows
 * this fast. ANALYZE samples a bounded number of rows, so the doubling keeps its cost to a few
 * runs per job however large the file.
 */
public final class PlannerStatistics {

    static final long FIRST = 1_000;

    private long next = FIRST;

    /** Whether the statistics are due now that {@code processed} households of the job are written. */
    public boolean dueAfter(long processed) {
        if (processed < next) {
            return false;
        }
        while (next <= processed) {
            next *= 2;
        }
        return true;
    }
}
