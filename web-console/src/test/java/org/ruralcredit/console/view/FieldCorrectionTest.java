package org.ruralcredit.console.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A field correction: the file put back whole around the changed keys, and a resend told from a conflict. */
class FieldCorrectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The registry's view of a file, as its township's official reads it. */
    private static final String VIEW = """
            {"id":"7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e","villageCode":"330281103201","townshipCode":"330281103",
             "status":"ACTIVE","closedReason":null,"version":3,"address":"临山村王家弄12号","phone":"13812345678",
             "yearsResident":30,"identifiersMasked":false,
             "members":[{"name":"王建国","relation":"HEAD","residentId":"330281197001011234","sex":"MALE",
                         "birthDate":"1970-01-01","age":56,"education":"JUNIOR_HIGH","health":"HEALTHY",
                         "occupation":null,"labourStatus":"FULL"}],
             "facts":{"production":{"mainBusiness":"PLANTING","scale":12.0,"scaleUnit":"亩","yearsExperience":20,
                                    "skillsAndCertificates":["农机操作证"],"asOf":"2026-03-01","source":"入户走访"},
                      "land":null,"assets":null,"income":null,"liabilities":null,"social":null,
                      "publicOrder":[{"kind":"VILLAGE_RULE_VIOLATION","date":"2025-05-01","source":"村委会",
                                      "description":null,"ongoing":false}]},
             "createdBy":"official-linshan","updatedAt":"2026-03-05T02:00:00Z"}""";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static JsonNode schemas() throws Exception {
        return JSON.readTree(Path.of("../api/farmer-registry.json").toFile())
                .path("components")
                .path("schemas");
    }

    private static Set<String> properties(JsonNode schema) {
        Set<String> names = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theFileTakesEveryKeyOfTheRegistrysFileAndItsMembersFromTheView() throws Exception {
        JsonNode schemas = schemas();
        Set<String> fileKeys = new HashSet<>(FieldCorrection.FILE_FIELDS);
        fileKeys.add("members");
        fileKeys.addAll(FieldCorrection.FACT_GROUPS);
        assertEquals(properties(schemas.path("HouseholdFile")), fileKeys);
        assertEquals(properties(schemas.path("Member")), Set.copyOf(FieldCorrection.MEMBER_FIELDS));
        assertEquals(properties(schemas.path("HouseholdFacts")), Set.copyOf(FieldCorrection.FACT_GROUPS));
        assertTrue(properties(schemas.path("MemberView")).containsAll(FieldCorrection.MEMBER_FIELDS));
        assertTrue(properties(schemas.path("HouseholdView")).containsAll(FieldCorrection.FILE_FIELDS));
    }

    @Test
    void theViewBecomesTheFileWithoutItsOwnAdditionsOrNulls() throws Exception {
        ObjectNode file = FieldCorrection.fileOf(json(VIEW));
        assertEquals(json("""
                {"villageCode":"330281103201","address":"临山村王家弄12号","phone":"13812345678","yearsResident":30,
                 "members":[{"name":"王建国","relation":"HEAD","residentId":"330281197001011234","sex":"MALE",
                             "birthDate":"1970-01-01","education":"JUNIOR_HIGH","health":"HEALTHY",
                             "labourStatus":"FULL"}],
                 "production":{"mainBusiness":"PLANTING","scale":12.0,"scaleUnit":"亩","yearsExperience":20,
                               "skillsAndCertificates":["农机操作证"],"asOf":"2026-03-01","source":"入户走访"},
                 "publicOrder":[{"kind":"VILLAGE_RULE_VIOLATION","date":"2025-05-01","source":"村委会",
                                 "ongoing":false}]}"""), file);
        assertEquals(file, FieldCorrection.fileOf(json(VIEW)), "the same view gives the same file");
    }

    @Test
    void aChangeReplacesItsKeyWholeAndANullTakesItOut() throws Exception {
        ObjectNode file = FieldCorrection.fileOf(json(VIEW));
        JsonNode changes = json("""
                {"production":{"mainBusiness":"BREEDING","yearsExperience":2,"asOf":"2026-12-01","source":"入户走访"},
                 "land":{"contractedMu":8,"transferredInMu":0,"asOf":"2026-12-01","source":"入户走访"},
                 "phone":null}""");
        ObjectNode merged = FieldCorrection.merged(file, changes);
        assertEquals(changes.get("production"), merged.get("production"));
        assertFalse(merged.get("production").has("scale"), "the group is replaced whole, not patched");
        assertEquals(changes.get("land"), merged.get("land"));
        assertFalse(merged.has("phone"));
        assertEquals(file.get("members"), merged.get("members"));
        assertEquals("13812345678", file.get("phone").asText(), "the file read stays as it was");
    }

    @Test
    void onlyTheKeysAFieldCorrectionMayChangeAreTaken() throws Exception {
        assertNull(FieldCorrection.refusedKey(json("{\"address\":\"x\",\"social\":{},\"income\":null}")));
        assertEquals("members", FieldCorrection.refusedKey(json("{\"phone\":\"1\",\"members\":[]}")));
        assertEquals("villageCode", FieldCorrection.refusedKey(json("{\"villageCode\":\"330281103202\"}")));
    }

    @Test
    void aResendOfWhatTheFileAlreadyHoldsDiffersInNothing() throws Exception {
        JsonNode file = FieldCorrection.fileOf(json(VIEW));
        JsonNode same = json("""
                {"phone":"138-1234 5678","yearsResident":30.0,
                 "production":{"mainBusiness":"PLANTING","scale":12,"scaleUnit":"亩","yearsExperience":"20",
                               "skillsAndCertificates":["农机操作证"],"asOf":"2026-03-01","source":"入户走访"},
                 "land":null}""");
        assertEquals(List.of(), FieldCorrection.differences(file, same));
    }

    @Test
    void eachDifferingLeafIsNamedByItsPathListsWhole() throws Exception {
        JsonNode file = FieldCorrection.fileOf(json(VIEW));
        JsonNode changes = json("""
                {"phone":"13900001111",
                 "production":{"mainBusiness":"BREEDING","scale":12.0,"scaleUnit":"亩","yearsExperience":20,
                               "skillsAndCertificates":["农机操作证","电工证"],"asOf":"2026-03-01","source":"入户走访"},
                 "land":{"contractedMu":8,"transferredInMu":0,"asOf":"2026-12-01","source":"入户走访"}}""");
        List<String> paths = new ArrayList<>();
        FieldCorrection.differences(file, changes).forEach(d -> paths.add(d.path()));
        assertEquals(
                List.of(
                        "phone",
                        "production.mainBusiness",
                        "production.skillsAndCertificates",
                        "land.contractedMu",
                        "land.transferredInMu",
                        "land.asOf",
                        "land.source"),
                paths);
        FieldCorrection.Difference business =
                FieldCorrection.differences(file, changes).get(1);
        assertEquals("BREEDING", business.mine().asText());
        assertEquals("PLANTING", business.theirs().asText());
        assertNull(FieldCorrection.differences(file, changes).get(3).theirs(), "the file has no land facts");
    }

    @Test
    void aPhoneIsMaskedAsTheRegistryMasksIt() {
        assertEquals("138****5678", FieldCorrection.maskPhone("13812345678"));
        assertEquals("057*****1234", FieldCorrection.maskPhone("0574-6212 1234"));
        assertEquals("*****", FieldCorrection.maskPhone("12345"));
        assertNull(FieldCorrection.maskPhone(null));
    }
}
