package org.ruralcredit.console.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A household file's field path as the registry names it (members[1].name, production.scale) in
 * the words of the file's form: 成员2 · 姓名, 生产经营 · 经营规模. A part without words stays as
 * it is. Pure: {@code word} looks a text key up and answers the key itself when it has none.
 */
public final class FieldNames {

    private static final Pattern PART = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("villageCode", "hh.village"),
            Map.entry("labourStatus", "hh.labour"),
            Map.entry("publicWelfareActivities", "hh.publicWelfare"),
            Map.entry("publicOrder", "household.publicOrder"),
            Map.entry("skillsAndCertificates", "household.skills"),
            Map.entry("birthDate", "household.birthDate"),
            Map.entry("kind", "household.orderKind"),
            Map.entry("date", "deed.date"),
            Map.entry("description", "deed.description"),
            Map.entry("ongoing", "household.ongoing"),
            Map.entry("facts", "household.facts"),
            Map.entry("status", "hh.status"),
            Map.entry("closedReason", "household.closeReason"));

    private FieldNames() {}

    public static String of(String path, Function<String, String> word) {
        if (path == null || path.isBlank()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("\\.")) {
            Matcher m = PART.matcher(segment);
            if (!m.matches()) {
                parts.add(segment);
                continue;
            }
            String name = m.group(1);
            if ("members".equals(name) && m.group(2) != null) {
                parts.add(word.apply("household.member") + (Integer.parseInt(m.group(2)) + 1));
                continue;
            }
            if ("facts".equals(name)) {
                continue; // the registry's grouping, not a word people use
            }
            String key = KEYS.getOrDefault(name, "hh." + name);
            String said = word.apply(key);
            String text = said == null || said.equals(key) ? name : said;
            parts.add(m.group(2) == null ? text : text + (Integer.parseInt(m.group(2)) + 1));
        }
        return String.join(" · ", parts);
    }
}
