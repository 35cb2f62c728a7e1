package org.ruralcredit.commons.problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemCatalogueTest {

    @Test
    void everyCodeHasBothTextsWithExactlyItsArguments() {
        List<String> wrong = new ArrayList<>();
        ProblemCatalogue.AREAS.forEach((area, codes) -> {
            for (Language language : Language.values()) {
                Properties texts = ProblemCatalogue.areaTexts(area, language);
                for (ProblemCode code : codes) {
                    String text = texts.getProperty(code.code());
                    if (text == null || text.isBlank()) {
                        wrong.add(area + " " + language + ": no text for " + code.code());
                        continue;
                    }
                    Set<String> named = new HashSet<>(ProblemCatalogue.placeholders(text));
                    if (!named.equals(new HashSet<>(code.args()))) {
                        wrong.add(area + " " + language + ": " + code.code() + " names " + named + " but takes "
                                + code.args());
                    }
                    String title = texts.getProperty(code.code() + ".title");
                    if (title != null && !ProblemCatalogue.placeholders(title).isEmpty()) {
                        wrong.add(area + " " + language + ": the title of " + code.code() + " names values");
                    }
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyTextBelongsToACodeOrAStatus() {
        List<String> orphans = new ArrayList<>();
        ProblemCatalogue.AREAS.forEach((area, codes) -> {
            Set<String> known = new HashSet<>();
            codes.forEach(c -> {
                known.add(c.code());
                known.add(c.code() + ".title");
            });
            for (Language language : Language.values()) {
                for (String key : ProblemCatalogue.areaTexts(area, language).stringPropertyNames()) {
                    if (!known.contains(key) && !key.startsWith("status.")) {
                        orphans.add(area + " " + language + ": " + key);
                    }
                }
            }
        });
        assertEquals(List.of(), orphans);
    }

    @Test
    void theChineseTextsAreChinese() {
        List<String> english = new ArrayList<>();
        ProblemCatalogue.all().forEach(code -> {
            String zh = ProblemCatalogue.message(code.code(), Map.of(), Language.ZH);
            if (zh.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                english.add(code.code() + ": " + zh);
            }
        });
        assertEquals(List.of(), english);
    }

    /** Every {@code message = "{code}"} of a constraint in any module names a code of the catalogue. */
    @Test
    void everyConstraintMessageCodeIsInTheCatalogue() throws IOException {
        Pattern template = Pattern.compile("message\\s*=\\s*\"\\{([^}\"]+)}\"");
        Set<String> unknown = new TreeSet<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")
                            && p.toString().contains("/src/main/java/")
                            && !p.toString().contains("/target/"))
                    .toList()) {
                Matcher m = template.matcher(Files.readString(file));
                while (m.find()) {
                    if (ProblemCatalogue.byCode(m.group(1)).isEmpty()) {
                        unknown.add(root.relativize(file) + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), unknown);
    }

    @Test
    void datesAndNumbersAreWrittenAsEachLanguageWritesThem() {
        assertEquals("2026年12月7日", ProblemCatalogue.format(LocalDate.of(2026, 12, 7), Language.ZH));
        assertEquals("7 Dec 2026", ProblemCatalogue.format(LocalDate.of(2026, 12, 7), Language.EN));
        // 01:30 UTC is 09:30 in China, on the same day
        assertEquals("2026年12月7日 09:30", ProblemCatalogue.format(Instant.parse("2026-12-07T01:30:00Z"), Language.ZH));
        assertEquals("12,345", ProblemCatalogue.format(12345, Language.ZH));
        assertEquals("A、B", ProblemCatalogue.format(List.of("A", "B"), Language.ZH));
    }

    @Test
    void theLanguageIsChineseOnlyWhenAskedForFirst() {
        assertEquals(Language.ZH, Language.of("zh-CN"));
        assertEquals(Language.ZH, Language.of("zh"));
        assertEquals(Language.ZH, Language.of("en;q=0.5, zh-CN;q=0.9"));
        assertEquals(Language.EN, Language.of("en-GB,zh-CN;q=0.5"));
        assertEquals(Language.EN, Language.of(null));
        assertEquals(Language.EN, Language.of("klingon"));
        assertEquals(Language.EN, Language.of("%%%;;q=x"));
    }
}
