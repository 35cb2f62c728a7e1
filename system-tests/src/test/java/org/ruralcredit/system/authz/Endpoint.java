package org.ruralcredit.system.authz;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One operation of a service's OpenAPI document: {@code GET /api/v1/households/{id}}. */
record Endpoint(String service, String method, String path) implements Comparable<Endpoint> {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    String key() {
        return method + " " + path;
    }

    /** The path with each parameter replaced by the value the matrix gives for it. */
    String concretePath(Map<String, String> values) {
        Matcher m = PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(
                        service + " " + key() + ": the matrix gives no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    @Override
    public int compareTo(Endpoint other) {
        return (service + path + method).compareTo(other.service + other.path + other.method);
    }
}
