package org.ruralcredit.console.view;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A correction sent by the offline field app, which never holds a whole file (its identities stay
 * on the server): the keys it may change, the file put back whole around them from the registry's
 * view of it, and, when the file moved on since the device read it, whether the change is already
 * in (a resend after a lost answer) or which of its values now differ. Pure.
 */
public final class FieldCorrection {

    /** The file's keys a field correction replaces, each whole; members and identities are corrected at the desk. */
    public static final Set<String> KEYS = Set.of(
            "address", "phone", "yearsResident", "production", "land", "assets", "income", "liabilities", "social");

    static final List<String> FILE_FIELDS = List.of("villageCode", "address", "phone", "yearsResident");
    static final List<String> MEMBER_FIELDS = List.of(
            "name", "relation", "residentId", "sex", "birthDate", "education", "health", "occupation", "labourStatus");
    static final List<String> FACT_GROUPS =
            List.of("production", "land", "assets", "income", "liabilities", "social", "publicOrder");

    /** One value of the correction that the file now holds otherwise ({@code path} dotted inside the file). */
    public record Difference(String path, JsonNode mine, JsonNode theirs) {}

    private FieldCorrection() {}

    /** The first key of {@code changes} a field correction may not change, or null when all may be. */
    public static String refusedKey(JsonNode changes) {
        for (Iterator<String> names = changes.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /**
     * The file as createHousehold and correctHousehold take it, from the registry's view of it
     * (as its township's official reads it: identities in full): every field the view holds that
     * the file has, nulls left out, the view's own additions (id, status, age, facts' grouping)
     * dropped. The same view always gives the same file.
     */
    public static ObjectNode fileOf(JsonNode view) {
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        FILE_FIELDS.forEach(f -> copy(view, f, file));
        ArrayNode members = file.putArray("members");
        for (JsonNode m : view.path("members")) {
            ObjectNode member = members.addObject();
            MEMBER_FIELDS.forEach(f -> copy(m, f, member));
        }
        JsonNode facts = view.path("facts");
        FACT_GROUPS.forEach(g -> copy(facts, g, file));
        return file;
    }

    /** {@code file} with each key of {@code changes} in place, whole; a null change takes the key out. */
    public static ObjectNode merged(ObjectNode file, JsonNode changes) {
        ObjectNode merged = file.deepCopy();
        changes.properties().forEach(change -> {
            JsonNode value = change.getValue();
            if (value == null || value.isNull()) {
                merged.remove(change.getKey());
            } else {
                merged.set(change.getKey(), withoutNulls(value));
            }
        });
        return merged;
    }

    /**
     * Each leaf of the changed keys whose value differs from the file's: objects compared field by
     * field, lists whole, numbers by value (3 is 3.0), a phone by its digits, an absent value and a
     * null alike. Empty when the file already holds the correction.
     */
    public static List<Difference> differences(JsonNode file, JsonNode changes) {
        List<Difference> found = new ArrayList<>();
        changes.properties()
                .forEach(change -> compare(change.getKey(), change.getValue(), file.get(change.getKey()), found));
        return found;
    }

    /** A phone as the registry shows it to whoever may not read it in full: {@code 138****5678} (service-commons' PhoneNumber.mask). */
    public static String maskPhone(String value) {
        if (value == null) {
            return null;
        }
        String digits = digits(value);
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    private static void compare(String path, JsonNode mine, JsonNode theirs, List<Difference> found) {
        JsonNode a = present(mine);
        JsonNode b = present(theirs);
        boolean objects = (a == null || a.isObject()) && (b == null || b.isObject()) && (a != null || b != null);
        if (objects) {
            Set<String> names = new LinkedHashSet<>();
            if (a != null) {
                a.fieldNames().forEachRemaining(names::add);
            }
            if (b != null) {
                b.fieldNames().forEachRemaining(names::add);
            }
            for (String name : names) {
                compare(path + "." + name, a == null ? null : a.get(name), b == null ? null : b.get(name), found);
            }
            return;
        }
        boolean same = "phone".equals(path)
                ? a != null && b != null && digits(a.asText()).equals(digits(b.asText()))
                : same(a, b);
        if (!same && !(a == null && b == null)) {
            found.add(new Difference(path, a, b));
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null && (a.isNumber() || b.isNumber())) {
            return x.compareTo(y) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(present(a.get(i)), present(b.get(i)))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            return names.stream().allMatch(n -> same(present(a.get(n)), present(b.get(n))));
        }
        return a.equals(b);
    }

    /** A number, or text that is one (the registry reads "3" as 3); null otherwise. */
    private static BigDecimal number(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static String digits(String value) {
        return value.replaceAll("\\D", "");
    }

    private static void copy(JsonNode from, String field, ObjectNode to) {
        JsonNode value = present(from.get(field));
        if (value != null) {
            to.set(field, withoutNulls(value));
        }
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (present(e.getValue()) != null) {
                    copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(withoutNulls(element)));
            return copy;
        }
        return node.deepCopy();
    }
}
