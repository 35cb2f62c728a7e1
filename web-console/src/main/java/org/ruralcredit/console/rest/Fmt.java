package org.ruralcredit.console.rest;

import java.math.BigDecimal;
import java.util.Map;

import io.quarkus.qute.TemplateExtension;

import org.ruralcredit.console.view.Formats;

/**
 * The formats of {@link Formats} for templates: {@code {fmt:time(x)}}, {@code {fmt:money(x, lang)}},
 * {@code {fmt:rate(x)}}, {@code {fmt:label(x, t)}} ({@code t}: the page's words, {@code lang}: the
 * page's language tag). Values arrive from the APIs' JSON as strings or numbers.
 */
@TemplateExtension(namespace = "fmt")
public final class Fmt {

    private Fmt() {}

    static String time(Object iso) {
        return iso == null ? "" : Formats.instant(iso.toString());
    }

    static String money(Object yuan, String lang) {
        BigDecimal amount = decimal(yuan);
        return amount == null ? "" : Formats.money(amount, lang != null && lang.startsWith("en") ? "en" : "zh");
    }

    static String rate(Object fraction) {
        BigDecimal value = decimal(fraction);
        return value == null ? "" : Formats.fractionAsPercent(value);
    }

    static String percent(Object percent) {
        BigDecimal value = decimal(percent);
        return value == null ? "" : Formats.percent(value);
    }

    static String label(Object code, Map<String, String> words) {
        if (code == null) {
            return "";
        }
        String label = words.get("label." + code);
        return label != null ? label : code.toString();
    }

    private static BigDecimal decimal(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
