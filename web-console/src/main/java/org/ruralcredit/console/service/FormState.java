package org.ruralcredit.console.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import io.quarkus.qute.TemplateData;

/**
 * A form as the page shows it again after a refusal: what the user typed, and each field's
 * messages next to it. Messages whose field has no input of that name are listed above the form.
 */
@TemplateData
public record FormState(Map<String, String> values, Map<String, String> errors, List<ApiAnswer.FieldProblem> unplaced) {

    public static FormState empty(Map<String, String> defaults) {
        return new FormState(new HashMap<>(defaults), Map.of(), List.of());
    }

    /**
     * {@code prefix} is what the API puts before the form's own names (e.g. {@code file.} when the
     * form is the body's {@code file}); {@code inputs} are the names the form has.
     */
    public static FormState refused(Map<String, String> values, ApiAnswer answer, String prefix, Set<String> inputs) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<ApiAnswer.FieldProblem> unplaced = new ArrayList<>();
        Map<String, List<String>> byField = answer.fieldProblems().stream()
                .collect(Collectors.groupingBy(
                        p -> p.field().startsWith(prefix) ? p.field().substring(prefix.length()) : p.field(),
                        LinkedHashMap::new,
                        Collectors.mapping(ApiAnswer.FieldProblem::message, Collectors.toList())));
        byField.forEach((field, messages) -> {
            if (inputs.contains(field)) {
                errors.put(field, String.join("；", messages));
            } else {
                messages.forEach(m -> unplaced.add(new ApiAnswer.FieldProblem(field, m)));
            }
        });
        return new FormState(values, errors, unplaced);
    }

    /** A submitted form's values, the first of each name (a form here never repeats a name). */
    public static Map<String, String> firstValues(MultivaluedMap<String, String> submitted) {
        Map<String, String> values = new HashMap<>();
        submitted.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        return values;
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    public String error(String name) {
        return errors.getOrDefault(name, "");
    }
}
