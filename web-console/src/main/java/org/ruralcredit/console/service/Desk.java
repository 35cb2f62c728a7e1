package org.ruralcredit.console.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import org.ruralcredit.console.view.Formats;

/**
 * The parts the simpler console pages are made of (console/desk.html): forms of plain inputs
 * and tables of an API's list, each row optionally with one action button.
 */
public final class Desk {

    private Desk() {}

    @TemplateData
    public record Input(String name, String label, String type, String value, List<Option> options) {
        public static Input text(String name, String label, String value) {
            return new Input(name, label, "text", value == null ? "" : value, List.of());
        }

        public static Input of(String name, String label, String type, String value) {
            return new Input(name, label, type, value == null ? "" : value, List.of());
        }

        public static Input choice(String name, String label, String value, List<Option> options) {
            return new Input(name, label, "select", value == null ? "" : value, options);
        }
    }

    /** {@code method} get or post; {@code multipart} for a file input. */
    @TemplateData
    public record Form(String id, String action, String method, boolean multipart, List<Input> inputs, String submit) {}

    @TemplateData
    public record Column(String key, String label) {}

    /** {@code action}: the button's label, or null; each row's target is its {@code _action} value. */
    @TemplateData
    public record Table(
            String id,
            String caption,
            List<Column> columns,
            List<Map<String, String>> rows,
            String action,
            String actionInput,
            String empty) {}

    /**
     * A table of the items of {@code items} (an array): each column's key is a dotted path into an
     * item; {@code actionUrl} gives a row's action target (null: no action on that row).
     */
    public static Table table(
            String id,
            String caption,
            JsonNode items,
            List<Column> columns,
            Function<JsonNode, String> actionUrl,
            String action,
            String actionInput,
            String empty,
            Function<String, String> word) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode item : items) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Column c : columns) {
                row.put(c.key(), shown(c.key(), at(item, c.key()), word));
            }
            String url = actionUrl == null ? null : actionUrl.apply(item);
            row.put("_action", url == null ? "" : url);
            rows.add(row);
        }
        return new Table(id, caption, columns, rows, action, actionInput, empty);
    }

    public static List<Column> columns(Function<String, String> word, String... keyAndWordKey) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < keyAndWordKey.length; i += 2) {
            columns.add(new Column(keyAndWordKey[i], word.apply(keyAndWordKey[i + 1])));
        }
        return columns;
    }

    static JsonNode at(JsonNode item, String path) {
        JsonNode node = item;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static final Pattern MONEY =
            Pattern.compile("(?i).*(amount|principal|balance|creditline|line|income|assets|outstanding)");
    private static final Pattern RATE = Pattern.compile("(?i)(.*rate)");

    /**
     * A cell as people read it: amounts (by the column's name: amount, principal, balance, line,
     * income, assets) in 元/万元, rates (…rate, given as fractions) as percentages, everything else
     * as {@link #text}.
     */
    static String shown(String key, JsonNode value, Function<String, String> word) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        if (value != null && value.isNumber()) {
            if (MONEY.matcher(last).matches()) {
                return Formats.money(value.decimalValue(), word.apply("lang.code"));
            }
            if (RATE.matcher(last).matches()) {
                return Formats.fractionAsPercent(value.decimalValue());
            }
        }
        return text(value, word);
    }

    /**
     * A value as people read it: yes/no, an instant in China's time, a coded value by its label
     * ({@code label.<CODE>}; a code without one stays as it is, and the crawler test finds it),
     * a large count with separators; arrays joined by 、.
     */
    static String text(JsonNode value, Function<String, String> word) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isBoolean()) {
            return word.apply(value.asBoolean() ? "value.yes" : "value.no");
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(text(v, word)));
            return String.join("、", parts);
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            value.properties().forEach(e -> {
                String field = word.apply("field." + e.getKey());
                parts.add((field.equals("field." + e.getKey()) ? e.getKey() : field) + " "
                        + shown(e.getKey(), e.getValue(), word));
            });
            return String.join("；", parts);
        }
        if (value.isIntegralNumber() && Math.abs(value.asLong()) >= 10_000) {
            return Formats.count(value.asLong());
        }
        String text = value.asText();
        if (Formats.isInstant(text)) {
            return Formats.instant(text);
        }
        if (Formats.isCode(text)) {
            String label = word.apply("label." + text);
            return label.equals("label." + text) ? text : label;
        }
        return text;
    }
}
