package org.ruralcredit.commons;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.security.DivisionScope;
import org.ruralcredit.commons.security.Role;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DivisionScopeTest {

    private static final String LINSHAN = "330281100";
    private static final String LINSHAN_VILLAGE = "330281100202";
    private static final String MAZHU_VILLAGE = "330281106001";

    @Test
    void officialReadsAndWritesOwnTownshipOnly() {
        Set<String> roles = Set.of(Role.TOWNSHIP_OFFICIAL);
        assertTrue(DivisionScope.forWriting(roles, LINSHAN).covers(LINSHAN_VILLAGE));
        assertFalse(DivisionScope.forWriting(roles, LINSHAN).covers(MAZHU_VILLAGE));
        assertFalse(DivisionScope.forReading(roles, LINSHAN).covers(MAZHU_VILLAGE));
    }

    @Test
    void clerkSeesOwnVillageOnly() {
        Set<String> roles = Set.of(Role.VILLAGE_CLERK);
        assertTrue(DivisionScope.forReading(roles, LINSHAN_VILLAGE).covers(LINSHAN_VILLAGE));
        assertFalse(DivisionScope.forReading(roles, LINSHAN_VILLAGE).covers("330281100201"));
    }

    @Test
    void adminAndAuditorReadEverywhereButWriteNowhere() {
        assertTrue(DivisionScope.forReading(Set.of(Role.AUDITOR), null).covers(MAZHU_VILLAGE));
        assertTrue(DivisionScope.forReading(Set.of(Role.CREDIT_ADMIN), "330281").covers("110101001001"));
        assertFalse(
                DivisionScope.forWriting(Set.of(Role.CREDIT_ADMIN), "330281").covers(MAZHU_VILLAGE));
    }

    @Test
    void roleAndClaimMustFit() {
        // an official's token carrying a village code, or a clerk's carrying a township code, grants nothing
        assertFalse(DivisionScope.forWriting(Set.of(Role.TOWNSHIP_OFFICIAL), LINSHAN_VILLAGE)
                .covers(LINSHAN_VILLAGE));
        assertFalse(
                DivisionScope.forReading(Set.of(Role.VILLAGE_CLERK), LINSHAN).covers(LINSHAN_VILLAGE));
        assertFalse(DivisionScope.forReading(Set.of(Role.LENDER), LINSHAN).covers(LINSHAN_VILLAGE));
        assertFalse(
                DivisionScope.forReading(Set.of(Role.TOWNSHIP_OFFICIAL), null).covers(LINSHAN_VILLAGE));
        assertFalse(DivisionScope.forReading(Set.of(Role.TOWNSHIP_OFFICIAL), "33028110x")
                .covers(LINSHAN_VILLAGE));
    }
}
