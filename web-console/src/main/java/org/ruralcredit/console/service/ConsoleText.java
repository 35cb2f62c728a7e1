package org.ruralcredit.console.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console's words in Chinese and English ({@code console/text_zh.properties},
 * {@code text_en.properties}, UTF-8) with the labels of the platform's coded values
 * ({@code console/labels_zh.properties}, {@code labels_en.properties}). Each pair holds the same
 * keys; tests keep them so.
 */
@ApplicationScoped
public class ConsoleText {

    private final Map<String, String> zh = load("zh");
    private final Map<String, String> en = load("en");

    public Map<String, String> of(String language) {
        return "en".equals(language) ? en : zh;
    }

    static Map<String, String> load(String language) {
        Map<String, String> words = new TreeMap<>(file("console/text_" + language + ".properties"));
        words.putAll(file("console/labels_" + language + ".properties"));
        return Map.copyOf(words);
    }

    static Map<String, String> file(String name) {
        try (InputStream in = ConsoleText.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> words = new TreeMap<>();
            properties.forEach((k, v) -> words.put(k.toString(), v.toString()));
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
