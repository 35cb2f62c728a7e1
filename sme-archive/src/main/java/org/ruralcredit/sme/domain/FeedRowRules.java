package org.ruralcredit.sme.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ruralcredit.commons.identity.Uscc;

/**
 * Turns one raw feed row (text values by column) into typed facts, or says everything wrong
 * with it. Blank optional cells are absent facts; a row is never half-accepted.
 */
public final class FeedRowRules {

    public static final Set<String> REGISTRATION_STATUSES = Set.of("ACTIVE", "REVOKED", "CANCELLED");
    public static final Set<String> TAX_GRADES = Set.of("A", "B", "M", "C", "D");

    /** A valid row: the firm, the period it covers ("" unless monthly), and its facts. */
    public record Row(String uscc, String period, Map<String, Object> facts) {}

    /** Either {@code row} or a non-empty {@code problems}. */
    public record Outcome(Row row, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private FeedRowRules() {}

    public static Outcome check(FeedSource source, Map<String, String> raw, LocalDate asOf) {
        List<String> problems = new ArrayList<>();
        String code = text(raw, "uscc");
        Uscc uscc = null;
        if (code == null) {
            problems.add("uscc: a unified social credit code is required");
        } else {
            uscc = Uscc.parse(code).orElse(null);
            if (uscc == null) {
                problems.add("uscc: "
                        + Uscc.problemWith(code.toUpperCase(Locale.ROOT)).orElse("invalid"));
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        String period = "";
        switch (source) {
            case MARKET_REGULATION -> {
                oneOf(raw, "registrationStatus", REGISTRATION_STATUSES, true, facts, problems);
                bool(raw, "annualReportFiled", true, facts, problems);
                bool(raw, "abnormalListed", true, facts, problems);
            }
            case TAX -> {
                oneOf(raw, "creditGrade", TAX_GRADES, true, facts, problems);
                amount(raw, "arrears", true, facts, problems);
            }
            case SOCIAL_INSURANCE -> amount(raw, "insuredHeadcount", true, facts, problems);
            case UTILITIES -> {
                String month = text(raw, "month");
                try {
                    if (month == null) {
                        problems.add("month: is required (YYYY-MM)");
                    } else if (YearMonth.parse(month).isAfter(YearMonth.from(asOf))) {
                        problems.add("month: " + month + " is after the feed's as-of date " + asOf);
                    } else {
                        period = YearMonth.parse(month).toString();
                        facts.put("month", period);
                    }
                } catch (DateTimeParseException e) {
                    problems.add("month: '" + month + "' is not a month (YYYY-MM)");
                }
                amount(raw, "electricityKwh", true, facts, problems);
                amount(raw, "waterTonnes", false, facts, problems);
            }
            case QUALITY -> {
                amount(raw, "violations", true, facts, problems);
                String last = text(raw, "lastViolationOn");
                if (last != null) {
                    try {
                        LocalDate on = LocalDate.parse(last);
                        if (on.isAfter(asOf)) {
                            problems.add("lastViolationOn: " + on + " is after the feed's as-of date " + asOf);
                        } else {
                            facts.put("lastViolationOn", on.toString());
                        }
                    } catch (DateTimeParseException e) {
                        problems.add("lastViolationOn: '" + last + "' is not a date (YYYY-MM-DD)");
                    }
                }
            }
            case COURTS -> bool(raw, "dishonestDebtor", true, facts, problems);
        }
        return problems.isEmpty()
                ? new Outcome(new Row(uscc.value(), period, facts), List.of())
                : new Outcome(null, List.copyOf(problems));
    }

    private static String text(Map<String, String> raw, String field) {
        String value = raw.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void oneOf(
            Map<String, String> raw,
            String field,
            Set<String> allowed,
            boolean required,
            Map<String, Object> facts,
            List<String> problems) {
        String value = text(raw, field);
        if (value == null) {
            if (required) {
                problems.add(field + ": is required");
            }
        } else if (!allowed.contains(value.toUpperCase(Locale.ROOT))) {
            problems.add(field + ": '" + value + "' is not one of " + new TreeSet<>(allowed));
        } else {
            facts.put(field, value.toUpperCase(Locale.ROOT));
        }
    }

    private static void bool(
            Map<String, String> raw, String field, boolean required, Map<String, Object> facts, List<String> problems) {
        String value = text(raw, field);
        if (value == null) {
            if (required) {
                problems.add(field + ": is required (true or false)");
            }
        } else if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            facts.put(field, Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
        } else {
            problems.add(field + ": '" + value + "' is not true or false");
        }
    }

    /** Whole, non-negative numbers: yuan, people, kWh, tonnes. */
    private static void amount(
            Map<String, String> raw, String field, boolean required, Map<String, Object> facts, List<String> problems) {
        String value = text(raw, field);
        if (value == null) {
            if (required) {
                problems.add(field + ": is required");
            }
            return;
        }
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                problems.add(field + ": " + number + " is negative");
            } else {
                facts.put(field, number);
            }
        } catch (NumberFormatException e) {
            problems.add(field + ": '" + value + "' is not a whole number");
        }
    }
}
