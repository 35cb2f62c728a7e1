package org.ruralcredit.console.view;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The periods model monitoring compares when the administrator names none: the recent year up
 * to today (China's date) and the year before it as the baseline.
 */
public record MonitoringPeriod(LocalDate from, LocalDate to, LocalDate baselineFrom, LocalDate baselineTo) {

    public static MonitoringPeriod defaults(LocalDate today) {
        LocalDate from = today.minusYears(1).plusDays(1);
        LocalDate baselineTo = from.minusDays(1);
        return new MonitoringPeriod(from, today, baselineTo.minusYears(1).plusDays(1), baselineTo);
    }

    /** A date as typed into a date field, or the default when it is blank or not a date. */
    public static LocalDate dateOr(String typed, LocalDate fallback) {
        if (typed == null || typed.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
