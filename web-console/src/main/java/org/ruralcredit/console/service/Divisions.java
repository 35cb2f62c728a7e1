package org.ruralcredit.console.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import org.ruralcredit.console.config.ConsoleConfig;

/**
 * Division names as the registry's divisions API gives them (临山镇, 临山村委会), for selects and
 * for showing a code by its name. The statistical codes change once a year at most, so what was
 * read once is kept for every user; a code the registry did not answer for is shown as it is.
 */
@ApplicationScoped
public class Divisions {

    @TemplateData
    public record Division(String code, String name, String level) {}

    /** A select's group: a township and its villages. */
    @TemplateData
    public record Group(String label, List<Option> options) {}

    private final PlatformApi api;
    private final String county;
    private final Map<String, List<Division>> children = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public Divisions(PlatformApi api, ConsoleConfig config) {
        this.api = api;
        this.county = config.county();
    }

    /** The county the console serves (its credit office's area), or the user's own when they have one. */
    public String county(ConsoleUser user) {
        return user.division() != null && user.division().length() >= 6
                ? user.division().substring(0, 6)
                : county;
    }

    /** The divisions directly inside {@code code}; empty when the registry did not answer. */
    public List<Division> children(String code) {
        List<Division> known = children.get(code);
        if (known != null) {
            return known;
        }
        ApiAnswer answer = api.registry(r -> r.divisionChildren(code));
        if (!answer.ok() || !answer.json().isArray()) {
            return List.of();
        }
        List<Division> list = new ArrayList<>();
        for (JsonNode d : answer.json()) {
            Division division = new Division(
                    d.path("code").asText(),
                    d.path("name").asText(),
                    d.path("level").asText());
            list.add(division);
            names.put(division.code(), division.name());
        }
        children.put(code, List.copyOf(list));
        return children.get(code);
    }

    /** The division's name, or its code when the registry does not know it. */
    public String name(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String known = names.get(code);
        if (known != null) {
            return known;
        }
        if (code.length() > 6) {
            children(code.substring(0, code.length() == 12 ? 9 : 6));
            known = names.get(code);
            if (known != null) {
                return known;
            }
        }
        ApiAnswer answer = api.registry(r -> r.division(code));
        if (answer.ok() && answer.json().hasNonNull("name")) {
            names.put(code, answer.json().path("name").asText());
            return names.get(code);
        }
        return code;
    }

    /** 临山镇 临山村委会: a village with its township, a township alone. */
    public String fullName(String code) {
        if (code != null && code.length() == 12) {
            return name(code.substring(0, 9)) + " " + name(code);
        }
        return name(code);
    }

    /** The county's townships as options, the county itself first when {@code withCounty}. */
    public List<Option> townships(String countyCode, boolean withCounty) {
        List<Option> options = new ArrayList<>();
        if (withCounty) {
            options.add(new Option(countyCode, name(countyCode)));
        }
        children(countyCode).forEach(t -> options.add(new Option(t.code(), t.name())));
        return options;
    }

    /** The villages of one township as options. */
    public List<Option> villages(String township) {
        return children(township).stream()
                .map(v -> new Option(v.code(), v.name()))
                .toList();
    }

    /** Each township of the county with the township itself and its villages, for one grouped select. */
    public List<Group> townshipsWithVillages(String countyCode, String wholeTownshipWord) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Division t : children(countyCode)) {
            List<Option> options = new ArrayList<>();
            if (wholeTownshipWord != null) {
                options.add(new Option(t.code(), t.name() + wholeTownshipWord));
            }
            villages(t.code()).forEach(options::add);
            groups.put(t.code(), new Group(t.name(), options));
        }
        return List.copyOf(groups.values());
    }

    /**
     * Every division of the county a campaign or a run can cover, for one grouped select: the
     * county itself under {@code countyWord}, then each township (named with {@code wholeTownshipWord})
     * with its villages.
     */
    public List<Group> countyTownshipsAndVillages(String countyCode, String countyWord, String wholeTownshipWord) {
        List<Group> groups = new ArrayList<>();
        groups.add(new Group(countyWord, List.of(new Option(countyCode, name(countyCode)))));
        groups.addAll(townshipsWithVillages(countyCode, wholeTownshipWord));
        return groups;
    }
}
