package org.ruralcredit.console.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the report page asks the gateway's consent list for, from the page's own query parameters. */
class ConsentListingTest {

    @Test
    void theOfficersOwnFirstPageUnlessAskedOtherwise() {
        LenderPages.Listed listed = new LenderPages.Listed(null, null, null);
        assertEquals(new LenderPages.Listed(0, "", false), listed);
    }

    @Test
    void aPageAStatusAndTheWholeInstitutionArePassedOn() {
        LenderPages.Listed listed = new LenderPages.Listed("3", "USED", "true");
        assertEquals(3, listed.page());
        assertEquals("USED", listed.status());
        assertTrue(listed.all());
    }

    @Test
    void whatIsNotAPageOrAStatusIsLeftOutRatherThanSent() {
        LenderPages.Listed listed = new LenderPages.Listed("-1", "PENDING<script>", "yes");
        assertEquals(0, listed.page());
        assertEquals("", listed.status());
        assertFalse(listed.all());
    }
}
