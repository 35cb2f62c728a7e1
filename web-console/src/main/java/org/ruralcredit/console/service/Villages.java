package org.ruralcredit.console.service;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

/**
 * The villages the signed-in person keeps files of, by name: the township's villages for an
 * official, the own village for a clerk. Names and the division tree come from {@link Divisions}.
 */
@RequestScoped
public class Villages {

    private final Divisions divisions;
    private final ConsolePage page;

    public Villages(Divisions divisions, ConsolePage page) {
        this.divisions = divisions;
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
        return divisions.villages(parent);
    }

    /** A division's name, or its code when the registry does not name it. */
    public String name(String code) {
        return divisions.name(code);
    }
}
