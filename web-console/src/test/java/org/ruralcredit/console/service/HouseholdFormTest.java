package org.ruralcredit.console.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HouseholdFormTest {

    private final HouseholdForm form = new HouseholdForm();

    @Test
    void aCorrectionStartsFromEveryFactOfTheFileIncludingThoseWithoutAnInput() throws Exception {
        JsonNode view = new ObjectMapper().readTree("""
                {"id":"x","version":3,"villageCode":"330281100202","address":"临山村 1 号","phone":"138","yearsResident":30,
                 "members":[{"name":"张建国","relation":"HEAD","residentId":"330281198001011234","sex":"M","birthDate":"1980-01-01","age":45},
                            {"name":"李秀英","relation":"SPOUSE","residentId":"330281198202022345"}],
                 "facts":{"production":{"mainBusiness":"PLANTING","scale":12,"skillsAndCertificates":["电工证"],"asOf":"2026-01-01","source":"入户调查"},
                          "social":{"partyMember":true,"publicWelfareActivities":3,"asOf":"2026-01-01","source":"入户调查"},
                          "publicOrder":[{"kind":"VILLAGE_RULE_VIOLATION","date":"2025-05-01","source":"村委会","ongoing":false}]}}
                """);
        Map<String, String> values = HouseholdForm.valuesOf(view);
        assertEquals("330281100202", values.get("villageCode"));
        assertEquals("30", values.get("yearsResident"));
        assertEquals("李秀英", values.get("members[1].name"));
        assertEquals("1980-01-01", values.get("members[0].birthDate"));
        assertFalse(values.containsKey("members[0].age"), "age is the registry's, not the file's");
        assertEquals("12", values.get("production.scale"));
        assertEquals("电工证", values.get("production.skillsAndCertificates[0]"));
        assertEquals("true", values.get("social.partyMember"));
        assertEquals("VILLAGE_RULE_VIOLATION", values.get("publicOrder[0].kind"));

        List<String> hidden = form.carried(values, form.rowsFor(values, false)).stream()
                .map(Option::value)
                .toList();
        assertTrue(
                hidden.containsAll(List.of(
                        "members[0].sex",
                        "members[0].birthDate",
                        "production.skillsAndCertificates[0]",
                        "publicOrder[0].kind",
                        "publicOrder[0].date")),
                "facts without an input are carried: " + hidden);
        assertFalse(
                hidden.contains("address") || hidden.contains("members[1].name"), "shown inputs are not carried twice");
    }

    @Test
    void theFormGrowsToTheMembersTheRegistryAllows() {
        Map<String, String> values = new HashMap<>();
        assertEquals(HouseholdForm.MEMBER_ROWS, form.rowsFor(values, false));
        values.put("members[6].name", "第七人");
        assertEquals(9, form.rowsFor(values, false), "every filled row and two empty ones");
        assertEquals(13, form.rowsFor(values, true), "添加成员行 adds four");
        values.put("members[29].name", "第三十人");
        assertEquals(HouseholdForm.MAX_MEMBERS, form.rowsFor(values, true));
        assertEquals(30, form.memberRows(40).size());
        assertTrue(form.inputs().contains("members[29].residentId"));
    }

    @Test
    void aRowWhoseNameRelationAndIdWereClearedIsAMemberTakenOff() {
        Map<String, String> values = new HashMap<>(Map.of(
                "members[0].name",
                "张建国",
                "members[0].relation",
                "HEAD",
                "members[1].sex",
                "F",
                "members[1].birthDate",
                "1982-02-02"));
        Map<String, String> kept = HouseholdForm.withoutEmptyMembers(values);
        assertEquals("张建国", kept.get("members[0].name"));
        assertFalse(kept.containsKey("members[1].sex"));
    }
}
