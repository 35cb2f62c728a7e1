package org.ruralcredit.commons.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RefusedAccessTest {

    @Test
    void residentIdsAndPhoneNumbersInAPathAreMasked() {
        assertEquals(
                "/api/v1/households/330281********123X", RefusedAccess.masked("/api/v1/households/33028119800101123X"));
        assertEquals("/x/138****5678/y", RefusedAccess.masked("/x/13812345678/y"));
        assertEquals("/x/057****1234", RefusedAccess.masked("/x/05747651234"));
        assertEquals(
                "/x/057****1234/01a23749-d3a2-78ff-9dbb-055123451954",
                RefusedAccess.masked("/x/05747651234/01a23749-d3a2-78ff-9dbb-055123451954"));
        assertNull(RefusedAccess.masked(null));
    }

    @Test
    void divisionCodesAndIdsStayReadable() {
        for (String path : new String[] {
            "/api/v1/coverage/330281100208",
            "/api/v1/villages/110101001001/profile",
            "/api/v1/households/6f1c0a52-3b1e-4d2a-9f61-0c2b8e7d4a10",
            "/api/v1/coverage/330281",
            // a UUID whose last group is twelve digits from 0, shaped like a fixed line on its own
            "/api/v1/households/01a23749-d3a2-78ff-9dbb-055123451954",
            "/api/v1/households/01a23749-d3a2-78ff-9dbb-055123451954/revisions"
        }) {
            assertEquals(path, RefusedAccess.masked(path));
        }
    }
}
