package org.ruralcredit.gateway.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import org.ruralcredit.gateway.domain.WorkingHours;

/** When lenders may query reports; a region sets its own hours per profile or environment. */
@ConfigMapping(prefix = "ruralcredit.queries")
public interface QueryConfig {

    @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    List<DayOfWeek> workingDays();

    /** Inclusive. */
    @WithDefault("08:00")
    LocalTime workingHoursStart();

    /** Exclusive. */
    @WithDefault("18:00")
    LocalTime workingHoursEnd();

    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    default WorkingHours workingHours() {
        return new WorkingHours(Set.copyOf(workingDays()), workingHoursStart(), workingHoursEnd(), zone());
    }
}
