package org.ruralcredit.console.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.TemplateData;

/**
 * The household file form: its inputs (named by the registry's field paths), the member rows, the
 * choices of each select, and the values a new form starts with.
 */
@ApplicationScoped
public class HouseholdForm {

    public static final int MEMBER_ROWS = 5;

    private static final List<String> MEMBER_FIELDS = List.of("name", "relation", "residentId", "education", "health",
            "occupation", "labourStatus");

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
    public record MemberRow(int number, String name, String relation, String residentId, String education,
                            String health, String occupation, String labourStatus) {
    }

    public List<MemberRow> memberRows() {
        List<MemberRow> rows = new ArrayList<>();
        for (int i = 0; i < MEMBER_ROWS; i++) {
            String p = "members[" + i + "].";
            rows.add(new MemberRow(i + 1, p + "name", p + "relation", p + "residentId", p + "education", p + "health",
                    p + "occupation", p + "labourStatus"));
        }
        return rows;
    }

    public Set<String> inputs() {
        Set<String> names = new LinkedHashSet<>(List.of("villageCode", "address", "phone", "yearsResident", "reason"));
        for (int i = 0; i < MEMBER_ROWS; i++) {
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
            boolean said = fields.stream().anyMatch(f -> !kept.getOrDefault(group + "." + f, "").isBlank());
            if (!said) {
                kept.remove(group + ".asOf");
                kept.remove(group + ".source");
            }
        });
        return kept;
    }

    /** The choices of each select, labelled in the page's language ({@code word} looks a key up). */
    public Map<String, List<Option>> options(Function<String, String> word) {
        Map<String, List<Option>> options = new HashMap<>();
        options.put("relation", of("relation", word, "HEAD", "SPOUSE", "CHILD", "PARENT", "SIBLING", "GRANDCHILD", "OTHER"));
        options.put("education", of("education", word, "NONE", "PRIMARY", "JUNIOR_HIGH", "SENIOR_HIGH", "VOCATIONAL",
                "COLLEGE", "BACHELOR_OR_ABOVE"));
        options.put("health", of("health", word, "HEALTHY", "FAIR", "CHRONIC_ILLNESS", "DISABLED", "SERIOUS_ILLNESS"));
        options.put("labour", of("labour", word, "FULL", "PARTIAL", "NONE"));
        options.put("business", of("business", word, "PLANTING", "BREEDING", "PROCESSING", "TRADE", "SERVICES",
                "MIGRANT_WORK"));
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
