package org.ruralcredit.gateway.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VillageListTest {

    @Test
    void onlyANamedAccountOfAnInstitutionTakesAList() {
        assertTrue(VillageList.check("named", "YYRCB").isEmpty());
        assertTrue(VillageList.check(null, "YYRCB").isEmpty());
        assertEquals(
                "campaign.account-not-personal",
                VillageList.check("shared", "YYRCB").orElseThrow().code().code());
        assertEquals(
                "campaign.account-not-personal",
                VillageList.check("service", null).orElseThrow().code().code());
        assertEquals(
                "query.no-institution",
                VillageList.check("named", " ").orElseThrow().code().code());
        assertTrue(VillageList.check("shared", "YYRCB")
                .orElseThrow()
                .registerReason()
                .startsWith("account-not-personal: "));
    }
}
