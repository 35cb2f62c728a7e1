package org.ruralcredit.console.service;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ruralcredit.console.view.ImportGuide;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FilesTextsTest {

    @Test
    void everyImportColumnIsExplainedInBothLanguages() {
        for (String language : List.of("zh", "en")) {
            Map<String, String> words = ConsoleText.load(language);
            for (String key : ImportGuide.keys()) {
                assertTrue(words.containsKey(key), language + " has no words for " + key);
            }
        }
    }

    @Test
    void everyReasonForClosingAFileHasALabel() {
        for (String language : List.of("zh", "en")) {
            Map<String, String> words = ConsoleText.load(language);
            for (String reason : List.of("MOVED_AWAY", "MERGED", "DECEASED", "OTHER")) {
                assertTrue(words.containsKey("label." + reason), language + ": label." + reason);
            }
        }
    }
}
