package org.ruralcredit.console.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import org.ruralcredit.console.view.Formats;

/**
 * What every console page shows besides its own content: the user, the navigation their roles
 * allow, the page's words in the chosen language. API answers reach templates as plain maps and
 * lists, never as Jackson trees.
 */
@RequestScoped
public class ConsolePage {

    private final SignedIn signedIn;
    private final ConsoleLocale locale;
    private final ConsoleText text;
    private final ObjectMapper json;
    private final Clock clock;

    public ConsolePage(SignedIn signedIn, ConsoleLocale locale, ConsoleText text, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.signedIn = signedIn;
        this.locale = locale;
        this.text = text;
        this.json = json;
    }

    public ConsoleUser user() {
        return signedIn.user();
    }

    public String language() {
        return locale.language();
    }

    public String word(String key) {
        return text.of(locale.language()).getOrDefault(key, key);
    }

    public TemplateInstance render(Template template, String titleKey) {
        return template.data("user", user())
                .data("t", text.of(locale.language()))
                .data("lang", locale.tag())
                .data("title", word(titleKey));
    }

    /** A page of forms and tables (console/desk.html); {@code problem} is the first refusal, or null. */
    public TemplateInstance desk(
            Template desk,
            String titleKey,
            String introKey,
            String notice,
            ApiAnswer problem,
            List<Desk.Form> forms,
            List<Desk.Table> tables) {
        return render(desk, titleKey)
                .data("intro", introKey == null ? null : word(introKey))
                .data("notice", notice)
                .data("problem", problem)
                .data("forms", forms)
                .data("tables", tables);
    }

    /** The first of these answers that is a refusal, or null. */
    public static ApiAnswer firstRefusal(ApiAnswer... answers) {
        for (ApiAnswer a : answers) {
            if (a != null && !a.ok()) {
                return a;
            }
        }
        return null;
    }

    /** An API's JSON as maps, lists and scalars for a template. */
    public Object plain(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return json.convertValue(node, new TypeReference<Object>() {});
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> plainObject(JsonNode node) {
        Object plain = plain(node);
        return plain instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Today in China (the default of a date field), by the console's clock. */
    public LocalDate today() {
        return Formats.today(Instant.now(clock));
    }
}
