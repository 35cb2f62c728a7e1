package org.ruralcredit.console.view;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A submitted form as the JSON body an API takes. Field names are the API's own paths
 * ({@code address}, {@code production.asOf}, {@code members[1].residentId}), so a refusal's field
 * path names the input it belongs to. Blank inputs are left out (the API then says what is
 * required), list rows left wholly blank are dropped, and values are sent as typed: the API's
 * own checks say when a number or a date is not one.
 */
public final class FormJson {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d{1,2})])?");

    private FormJson() {}

    public static ObjectNode of(Map<String, String> form) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        form.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (!value.isEmpty()) {
                put(root, e.getKey(), value);
            }
        });
        compactArrays(root);
        return root;
    }

    private static void put(ObjectNode root, String path, String value) {
        String[] segments = path.split("\\.", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                return; // not an API field (e.g. a button's name)
            }
        }
        JsonNode node = root;
        for (int i = 0; i < segments.length; i++) {
            Matcher m = SEGMENT.matcher(segments[i]);
            m.matches();
            boolean last = i == segments.length - 1;
            ObjectNode object = (ObjectNode) node;
            String name = m.group(1);
            if (m.group(2) == null) {
                if (last) {
                    object.put(name, value);
                } else {
                    node = object.has(name) && object.get(name).isObject() ? object.get(name) : object.putObject(name);
                }
                continue;
            }
            ArrayNode array = object.has(name) && object.get(name).isArray()
                    ? (ArrayNode) object.get(name)
                    : object.putArray(name);
            int index = Integer.parseInt(m.group(2));
            while (array.size() <= index) {
                array.addNull();
            }
            if (last) {
                array.set(index, value);
            } else {
                if (!array.get(index).isObject()) {
                    array.set(index, JsonNodeFactory.instance.objectNode());
                }
                node = array.get(index);
            }
        }
    }

    /** Rows nobody filled in are not rows: drop the gaps they leave. */
    private static void compactArrays(JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(p -> {
                if (p.getValue().isArray()) {
                    ArrayNode array = (ArrayNode) p.getValue();
                    for (int i = array.size() - 1; i >= 0; i--) {
                        if (array.get(i).isNull()) {
                            array.remove(i);
                        }
                    }
                }
                compactArrays(p.getValue());
            });
        } else if (node.isArray()) {
            node.forEach(FormJson::compactArrays);
        }
    }
}
