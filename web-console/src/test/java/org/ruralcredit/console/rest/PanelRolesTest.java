package org.ruralcredit.console.rest;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ruralcredit.console.service.ConsoleText;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The panel page's choices: every rater role and round state has words in both languages. */
class PanelRolesTest {

    @Test
    void everyRaterRoleAndRoundStateHasWordsInBothLanguages() {
        for (String language : List.of("zh", "en")) {
            Map<String, String> words = new ConsoleText().of(language);
            ObjectionAndPanelPages.RATER_ROLES
                    .values()
                    .forEach(key ->
                            assertTrue(words.containsKey("panel.role." + key), language + ": panel.role." + key));
            List.of("OPEN", "CLOSED")
                    .forEach(state ->
                            assertTrue(words.containsKey("panel.state." + state), language + ": panel.state." + state));
        }
    }

    @Test
    void theRolesSentAreWhatTheMoralityServiceTakes() {
        // the service takes a role as plain text of at most 40 characters
        ObjectionAndPanelPages.RATER_ROLES
                .keySet()
                .forEach(role ->
                        assertTrue(!role.isBlank() && role.length() <= 40 && role.matches("\\p{IsHan}+"), role));
    }
}
