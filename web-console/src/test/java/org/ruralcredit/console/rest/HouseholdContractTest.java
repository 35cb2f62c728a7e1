package org.ruralcredit.console.rest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.ruralcredit.console.service.HouseholdForm;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The household pages follow the registry's checked-in API document, not a guess. */
class HouseholdContractTest {

    private static JsonNode schemas() throws Exception {
        return new ObjectMapper()
                .readTree(Path.of("../api/farmer-registry.json").toFile())
                .path("components")
                .path("schemas");
    }

    @Test
    void theCloseChoicesAreTheRegistrysClosedReasons() throws Exception {
        List<String> declared = new ArrayList<>();
        schemas().path("ClosedReason").path("enum").forEach(v -> declared.add(v.asText()));
        assertEquals(declared, HouseholdPages.CLOSED_REASONS);
    }

    @Test
    void theFormTakesAsManyMembersAsAFileMayHave() throws Exception {
        assertEquals(
                schemas()
                        .path("HouseholdFile")
                        .path("properties")
                        .path("members")
                        .path("maxItems")
                        .asInt(),
                HouseholdForm.MAX_MEMBERS);
    }
}
