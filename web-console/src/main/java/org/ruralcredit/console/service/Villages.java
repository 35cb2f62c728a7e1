package org.ruralcredit.console.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The names of the divisions a page mentions, from the registry's division tree: the villages of
 * the signed-in official's township (or the clerk's own village) for a choice, and any village's
 * or township's name for a table. Looked up once per page; a code the registry does not name stays
 * a code.
 */
@RequestScoped
public class Villages {

    private final PlatformApi api;
    private final ConsolePage page;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, List<Option>> children = new HashMap<>();

    public Villages(PlatformApi api, ConsolePage page) {
        this.api = api;
        this.page = page;
    }

    /** The user's own township (9 digits) or village (12 digits), or null. */
    public String home() {
        String division = page.user().division();
        return division == null || division.isBlank() ? null : division.strip();
    }

    /** The villages the user keeps files of: the township's for an official, the own village for a clerk. */
    public List<Option> mine() {
        String home = home();
        if (home == null) {
            return List.of();
        }
        if (home.length() == 12) {
            return List.of(new Option(home, name(home)));
        }
        return of(home);
    }

    /** The villages (or townships) directly inside a division, by name. */
    public List<Option> of(String parent) {
        return children.computeIfAbsent(parent, p -> {
            List<Option> options = new ArrayList<>();
            ApiAnswer answer = api.get(Api.REGISTRY, "/api/v1/divisions/" + p + "/children");
            if (answer.ok()) {
                for (JsonNode d : answer.json()) {
                    String code = d.path("code").asText();
                    String name = d.path("name").asText(code);
                    names.put(code, name);
                    options.add(new Option(code, name));
                }
            }
            return options;
        });
    }

    /** A division's name: a village's found among its township's villages, any other looked up alone. */
    public String name(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String known = names.get(code);
        if (known != null) {
            return known;
        }
        if (code.length() == 12) {
            of(code.substring(0, 9));
            known = names.get(code);
            if (known != null) {
                return known;
            }
        }
        ApiAnswer one = api.get(Api.REGISTRY, "/api/v1/divisions/" + code);
        String name = one.ok() ? one.json().path("name").asText(code) : code;
        names.put(code, name);
        return name;
    }
}
