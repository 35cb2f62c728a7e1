package org.ruralcredit.console.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Names of administrative divisions (临山镇 for 330281100) as the registry keeps them, remembered once
 * read: the names are public reference data and change with a new edition of the code list at most,
 * so every page need not ask again. A name the registry does not give is not remembered.
 */
@ApplicationScoped
public class DivisionNames {

    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** The division's name, or its code when the registry did not answer. */
    public String of(String code, PlatformApi api) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String known = names.get(code);
        if (known != null) {
            return known;
        }
        ApiAnswer answer = api.get(Api.REGISTRY, "/api/v1/divisions/" + code);
        String name = answer.ok() && answer.json() != null ? answer.json().path("name").asText("") : "";
        if (name.isBlank()) {
            return code;
        }
        names.put(code, name);
        return name;
    }
}
