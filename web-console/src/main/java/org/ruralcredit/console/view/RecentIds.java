package org.ruralcredit.console.view;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The few things a person last worked on (consents, campaigns), newest first, kept in a cookie of
 * their browser as UUIDs joined by dots. Only UUIDs are kept; whoever opens one is still asked by
 * the platform whether they may read it.
 */
public final class RecentIds {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private RecentIds() {
    }

    public static List<String> parse(String cookie) {
        List<String> ids = new ArrayList<>();
        if (cookie == null) {
            return ids;
        }
        for (String part : cookie.split("\\.")) {
            String id = part.strip().toLowerCase(java.util.Locale.ROOT);
            if (UUID.matcher(id).matches() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** {@code id} first, then the others, at most {@code max}. */
    public static String add(String cookie, String id, int max) {
        List<String> ids = parse(cookie);
        String clean = id == null ? "" : id.strip().toLowerCase(java.util.Locale.ROOT);
        if (UUID.matcher(clean).matches()) {
            ids.remove(clean);
            ids.add(0, clean);
        }
        return String.join(".", ids.subList(0, Math.min(max, ids.size())));
    }
}
