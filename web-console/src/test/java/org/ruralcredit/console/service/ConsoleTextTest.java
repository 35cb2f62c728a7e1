package org.ruralcredit.console.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleTextTest {

    @Test
    void chineseAndEnglishHoldTheSameKeys() {
        Map<String, String> zh = ConsoleText.load("zh");
        Map<String, String> en = ConsoleText.load("en");
        assertEquals(new TreeSet<>(zh.keySet()), new TreeSet<>(en.keySet()));
    }

    @Test
    void everyKeyATemplateNamesLiterallyExists() throws IOException {
        Map<String, String> zh = ConsoleText.load("zh");
        Pattern literal = Pattern.compile("t\\.get\\('([A-Za-z.]+)'\\)");
        try (var templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(template));
                while (m.find()) {
                    assertTrue(
                            zh.containsKey(m.group(1)), template + " names " + m.group(1) + ", which has no wording");
                }
            }
        }
    }

    @Test
    void everyChoiceOfTheHouseholdFormHasWordsInBothLanguages() {
        HouseholdForm form = new HouseholdForm();
        for (String language : new String[] {"zh", "en"}) {
            Map<String, String> words = ConsoleText.load(language);
            form.options(key -> words.getOrDefault(key, "MISSING " + key))
                    .values()
                    .forEach(options -> options.forEach(
                            o -> assertTrue(!o.label().startsWith("MISSING"), language + ": " + o.label())));
        }
    }

    @Test
    void anUntouchedFactGroupIsNotSentButATouchedOneIsSentWhole() {
        HouseholdForm form = new HouseholdForm();
        Map<String, String> values = new HashMap<>(form.defaults(LocalDate.of(2026, 12, 1)));
        values.put("land.contractedMu", "8");
        Map<String, String> kept = form.withoutEmptyGroups(values);
        assertEquals("2026-12-01", kept.get("land.asOf"));
        assertTrue(!kept.containsKey("assets.asOf"), "nothing was said about assets");
    }
}
