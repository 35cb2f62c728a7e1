package org.ruralcredit.console.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Values of an API's answer as the console's own pages show them, the way {@link Desk} formats a
 * table's cells (instants in China's time, codes by their labels, amounts and rates by the field's
 * name), for pages laid out by their own templates.
 */
public final class Cells {

    private Cells() {}

    /** One value at a dotted path of {@code item}, shown. */
    public static String cell(JsonNode item, String path, Function<String, String> word) {
        return Desk.shown(path, Desk.at(item, path), word);
    }

    /** Each item of an array as a row of shown values by path; nothing for an answer that is not an array. */
    public static List<Map<String, String>> rows(JsonNode items, List<String> paths, Function<String, String> word) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (items == null || !items.isArray()) {
            return rows;
        }
        for (JsonNode item : items) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String p : paths) {
                row.put(p, cell(item, p, word));
            }
            rows.add(row);
        }
        return rows;
    }
}
