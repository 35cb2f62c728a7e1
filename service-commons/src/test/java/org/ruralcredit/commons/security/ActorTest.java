package org.ruralcredit.commons.security;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorTest {

    private static final String TOWNSHIP = "330281100";
    private static final String VILLAGE = "330281100208";

    @Test
    void scopesAreTheCallersScopesFromTheSameRolesAndDivision() {
        for (Set<String> roles : Set.of(
                Set.of(Role.CREDIT_ADMIN),
                Set.of(Role.AUDITOR),
                Set.of(Role.INTERNAL_READER),
                Set.of(Role.TOWNSHIP_OFFICIAL),
                Set.of(Role.VILLAGE_CLERK),
                Set.of(Role.LENDER))) {
            for (String division : new String[] {TOWNSHIP, VILLAGE, null, "33028"}) {
                Actor actor = new Actor("someone", roles, division);
                assertEquals(DivisionScope.forReading(roles, division), actor.readScope(), roles + " " + division);
                assertEquals(DivisionScope.forWriting(roles, division), actor.writeScope(), roles + " " + division);
            }
        }
        assertTrue(
                new Actor("admin", Set.of(Role.CREDIT_ADMIN), null).readScope().covers(VILLAGE));
        assertFalse(
                new Actor("admin", Set.of(Role.CREDIT_ADMIN), null).writeScope().covers(VILLAGE));
        assertTrue(new Actor("official", Set.of(Role.TOWNSHIP_OFFICIAL), TOWNSHIP)
                .writeScope()
                .covers(VILLAGE));
    }

    @Test
    void theTownshipOfficialOfACodeIsTheOfficialWhoseTownshipContainsIt() {
        Actor official = new Actor("official", Set.of(Role.TOWNSHIP_OFFICIAL), TOWNSHIP);
        assertTrue(official.isTownshipOfficialOf(VILLAGE));
        assertTrue(official.isTownshipOfficialOf(TOWNSHIP));
        assertFalse(official.isTownshipOfficialOf("330281101001"), "another township's village");
        assertFalse(official.isTownshipOfficialOf("330281"), "the county above");
        assertFalse(official.isTownshipOfficialOf(null));

        assertFalse(new Actor("clerk", Set.of(Role.VILLAGE_CLERK), TOWNSHIP).isTownshipOfficialOf(VILLAGE));
        assertFalse(new Actor("admin", Set.of(Role.CREDIT_ADMIN), TOWNSHIP).isTownshipOfficialOf(VILLAGE));
        assertFalse(
                new Actor("official", Set.of(Role.TOWNSHIP_OFFICIAL), VILLAGE).isTownshipOfficialOf(VILLAGE),
                "a village code is no township");
        assertFalse(new Actor("official", Set.of(Role.TOWNSHIP_OFFICIAL), null).isTownshipOfficialOf(VILLAGE));
    }

    @Test
    void theRolesAreACopyTheCallerCannotChangeLater() {
        Set<String> roles = new HashSet<>(Set.of(Role.LENDER));
        Actor actor = new Actor("lender", roles, null);
        roles.add(Role.CREDIT_ADMIN);

        assertTrue(actor.hasRole(Role.LENDER));
        assertFalse(actor.hasRole(Role.CREDIT_ADMIN));
    }
}
