package org.ruralcredit.gateway.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When report queries are allowed (no queries outside working hours): on the given days, from
 * {@code start} inclusive to {@code end} exclusive, in the given zone.
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    public WorkingHours {
        days = Set.copyOf(days);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("working hours must start before they end");
        }
    }

    public boolean allows(Instant when) {
        ZonedDateTime local = when.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** For the refusal's wording. */
    public String describe() {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).toList() + " " + start + "–" + end + " "
                + zone;
    }
}
