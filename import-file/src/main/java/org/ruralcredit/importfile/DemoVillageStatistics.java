package org.ruralcredit.importfile;

import java.time.LocalDate;
import java.util.Random;

/**
 * A demo village's figures from "local statistics": households, residents, and the day they were
 * counted. The registry gives them to the demo villages as profiles (its DemoVillageProfiles),
 * and the demo household generator (tools/demo-data) fills each village up to its total, so both
 * take them from here.
 */
public record DemoVillageStatistics(int totalHouseholds, int population, LocalDate figuresAsOf) {

    /** The demo statistics' as-of date: the last year-end count. */
    public static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    /**
     * A village's demo statistics, a function of its code alone (the same in every run, for every
     * seed): 900 to 2,199 households of 2.4 to 3.2 residents each, as of {@link #AS_OF}.
     */
    public static DemoVillageStatistics of(String villageCode) {
        Random r = new Random(Long.parseLong(villageCode) * 0x9E3779B97F4A7C15L);
        int households = 900 + r.nextInt(1_300);
        int population = (int) Math.round(households * (2.4 + 0.8 * r.nextDouble()));
        return new DemoVillageStatistics(households, population, AS_OF);
    }
}
