package org.ruralcredit.console.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.ProblemCatalogue;

/**
 * A bad import row's reason in the reader's language, written by the problem catalogue from the
 * row's code and values. Rows of imports made before the registry kept the values have none; a
 * bracketed part naming a missing value (（填写的是 {value}）) is then left out, and any other
 * missing value shown as …, never as an empty gap. Pure.
 */
public final class RowReasons {

    private static final String MISSING = "\u0000";
    private static final Pattern BRACKETED = Pattern.compile("\\s?[（(][^（）()]*" + MISSING + "[^（）()]*[）)]");

    private RowReasons() {}

    /** The catalogue's text for {@code code}, or null when the catalogue does not know the code. */
    public static String of(String code, Map<String, Object> args, String language) {
        var known = ProblemCatalogue.byCode(code);
        if (known.isEmpty()) {
            return null;
        }
        Map<String, Object> all = new LinkedHashMap<>();
        for (String name : known.get().args()) {
            Object value = args == null ? null : args.get(name);
            all.put(name, value == null ? MISSING : value);
        }
        if (args != null) {
            args.forEach(all::putIfAbsent);
        }
        String text = ProblemCatalogue.message(code, all, "en".equals(language) ? Language.EN : Language.ZH);
        text = BRACKETED.matcher(text).replaceAll("");
        return text.replace(MISSING, "…").strip();
    }

    /** One line of a CSV file: fields quoted when they hold a comma, a quote or a line break. */
    public static String csvLine(List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            String v = f == null ? "" : f;
            Matcher m = Pattern.compile("[\",\r\n]").matcher(v);
            out.add(m.find() ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return String.join(",", out) + "\r\n";
    }
}
