package org.ruralcredit.console.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

/**
 * The household file form: its inputs (named by the registry's field paths), the member rows, the
 * choices of each select, and the values a new form starts with.
 */
@ApplicationScoped
public class HouseholdForm {

    /** Rows a new file starts with (demo households have six members). */
    public static final int MEMBER_ROWS = 6;
    /** The most members a file may have (the registry's HouseholdFile.members maxItems). */
    public static final int MAX_MEMBERS = 30;
    /** Rows the 添加成员行 button adds. */
    public static final int MORE_ROWS = 4;

    private static final List<String> MEMBER_FIELDS =
            List.of("name", "relation", "residentId", "education", "health", "occupation", "labourStatus");

    /** Dated fact groups: each has the fields below plus asOf and source. */
    private static final Map<String, List<String>> GROUPS = Map.of(
            "production", List.of("mainBusiness", "scale", "scaleUnit", "yearsExperience"),
            "land", List.of("contractedMu", "transferredInMu"),
            "assets", List.of("housing", "machinery", "vehicles", "livestock", "deposits"),
            "income", List.of("businessIncome", "wageIncome", "transferIncome", "productionExpenses", "livingExpenses"),
            "liabilities", List.of("bankLoans", "privateLoans", "guaranteesGiven"),
            "social", List.of("partyMember", "villageCadre", "militaryFamily", "publicWelfareActivities"));

    /** One member row's input names. */
    @TemplateData
    public record MemberRow(
            int number,
            String name,
            String relation,
            String residentId,
            String education,
            String health,
            String occupation,
            String labourStatus) {}

    public List<MemberRow> memberRows() {
        return memberRows(MEMBER_ROWS);
    }

    /** {@code count} member rows, at most {@link #MAX_MEMBERS}. */
    public List<MemberRow> memberRows(int count) {
        List<MemberRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.min(count, MAX_MEMBERS)); i++) {
            String p = "members[" + i + "].";
            rows.add(new MemberRow(
                    i + 1,
                    p + "name",
                    p + "relation",
                    p + "residentId",
                    p + "education",
                    p + "health",
                    p + "occupation",
                    p + "labourStatus"));
        }
        return rows;
    }

    public Set<String> inputs() {
        Set<String> names = new LinkedHashSet<>(List.of("villageCode", "address", "phone", "yearsResident", "reason"));
        for (int i = 0; i < MAX_MEMBERS; i++) {
            for (String f : MEMBER_FIELDS) {
                names.add("members[" + i + "]." + f);
            }
        }
        GROUPS.forEach((group, fields) -> {
            fields.forEach(f -> names.add(group + "." + f));
            names.add(group + ".asOf");
            names.add(group + ".source");
        });
        return names;
    }

    /** A new file: the head in the first row, every fact group dated today from a household visit. */
    public Map<String, String> defaults(LocalDate today) {
        Map<String, String> values = new HashMap<>();
        values.put("members[0].relation", "HEAD");
        GROUPS.keySet().forEach(group -> values.put(group + ".asOf", today.toString()));
        return values;
    }

    /**
     * The submitted values without the date and source of a fact group nobody filled in: a group
     * is sent only when it says something, and then the registry checks it whole.
     */
    public Map<String, String> withoutEmptyGroups(Map<String, String> values) {
        Map<String, String> kept = new HashMap<>(values);
        GROUPS.forEach((group, fields) -> {
            boolean said = fields.stream()
                    .anyMatch(f -> !kept.getOrDefault(group + "." + f, "").isBlank());
            if (!said) {
                kept.remove(group + ".asOf");
                kept.remove(group + ".source");
            }
        });
        return kept;
    }

    /**
     * How many member rows a form with these values shows: every row that holds something, two
     * empty ones to add to, at least {@link #MEMBER_ROWS}, at most {@link #MAX_MEMBERS};
     * {@code more} adds {@link #MORE_ROWS} (the 添加成员行 button).
     */
    public int rowsFor(Map<String, String> values, boolean more) {
        int used = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            Matcher m = MEMBER_INDEX.matcher(e.getKey());
            if (m.matches() && e.getValue() != null && !e.getValue().isBlank()) {
                used = Math.max(used, Integer.parseInt(m.group(1)) + 1);
            }
        }
        int rows = Math.max(MEMBER_ROWS, used + 2) + (more ? MORE_ROWS : 0);
        return Math.min(MAX_MEMBERS, rows);
    }

    private static final Pattern MEMBER_INDEX = Pattern.compile("members\\[(\\d+)]\\..+");

    /**
     * The form's values for correcting a file, from the registry's view of it: every fact by its
     * input's name, including those the form shows no input for (sex, birth date, skills, public
     * order facts), so a correction sends the file back whole. Pure.
     */
    public static Map<String, String> valuesOf(JsonNode view) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : List.of("villageCode", "address", "phone", "yearsResident")) {
            put(values, f, view.path(f));
        }
        int i = 0;
        for (JsonNode m : view.path("members")) {
            for (String f : List.of(
                    "name",
                    "relation",
                    "residentId",
                    "sex",
                    "birthDate",
                    "education",
                    "health",
                    "occupation",
                    "labourStatus")) {
                put(values, "members[" + i + "]." + f, m.path(f));
            }
            i++;
        }
        flatten(values, "", view.path("facts"));
        return values;
    }

    private static void flatten(Map<String, String> values, String prefix, JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(values, prefix + e.getKey() + ".", e.getValue()));
        } else if (node.isArray()) {
            String name = prefix.substring(0, prefix.length() - 1);
            for (int k = 0; k < node.size(); k++) {
                flatten(values, name + "[" + k + "].", node.get(k));
            }
        } else {
            put(values, prefix.substring(0, prefix.length() - 1), node);
        }
    }

    private static void put(Map<String, String> values, String name, JsonNode value) {
        if (value != null && !value.isMissingNode() && !value.isNull()) {
            values.put(name, value.asText());
        }
    }

    /** Values the form has no visible input for, to carry as hidden inputs (rows beyond {@code rows} excluded). */
    public List<Option> carried(Map<String, String> values, int rows) {
        Set<String> shown = inputs();
        List<Option> hidden = new ArrayList<>();
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Matcher m = MEMBER_INDEX.matcher(e.getKey());
            boolean visible = shown.contains(e.getKey()) && !(m.matches() && Integer.parseInt(m.group(1)) >= rows);
            if (!visible
                    && !e.getKey().startsWith("_")
                    && !e.getKey().equals("expectedVersion")
                    && !e.getKey().startsWith("csrf")
                    && e.getValue() != null
                    && !e.getValue().isBlank()) {
                hidden.add(new Option(e.getKey(), e.getValue()));
            }
        });
        return hidden;
    }

    /**
     * The values without member rows whose name, relation and resident ID were all cleared: such
     * a row is a member taken off the file, whatever hidden facts (sex, birth date) it still holds.
     */
    public static Map<String, String> withoutEmptyMembers(Map<String, String> values) {
        Map<String, String> kept = new HashMap<>(values);
        for (int i = 0; i < MAX_MEMBERS; i++) {
            String p = "members[" + i + "].";
            boolean said = List.of("name", "relation", "residentId").stream()
                    .anyMatch(f -> !kept.getOrDefault(p + f, "").isBlank());
            if (!said) {
                kept.keySet().removeIf(k -> k.startsWith(p));
            }
        }
        return kept;
    }

    /** The choices of each select, labelled in the page's language ({@code word} looks a key up). */
    public Map<String, List<Option>> options(Function<String, String> word) {
        Map<String, List<Option>> options = new HashMap<>();
        options.put(
                "relation",
                of("relation", word, "HEAD", "SPOUSE", "CHILD", "PARENT", "SIBLING", "GRANDCHILD", "OTHER"));
        options.put(
                "education",
                of(
                        "education",
                        word,
                        "NONE",
                        "PRIMARY",
                        "JUNIOR_HIGH",
                        "SENIOR_HIGH",
                        "VOCATIONAL",
                        "COLLEGE",
                        "BACHELOR_OR_ABOVE"));
        options.put("health", of("health", word, "HEALTHY", "FAIR", "CHRONIC_ILLNESS", "DISABLED", "SERIOUS_ILLNESS"));
        options.put("labour", of("labour", word, "FULL", "PARTIAL", "NONE"));
        options.put(
                "business",
                of("business", word, "PLANTING", "BREEDING", "PROCESSING", "TRADE", "SERVICES", "MIGRANT_WORK"));
        return options;
    }

    private static List<Option> of(String kind, Function<String, String> word, String... values) {
        List<Option> options = new ArrayList<>();
        for (String v : values) {
            options.add(new Option(v, word.apply("enum." + kind + "." + v)));
        }
        return options;
    }
}
