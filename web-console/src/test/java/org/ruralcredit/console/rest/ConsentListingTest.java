package org.ruralcredit.console.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the report page asks the gateway's consent list for, from the page's own query parameters. */
class ConsentListingTest {

    @Test
    void theOfficersOwnFirstPageUnlessAskedOtherwise() {
        assertEquals(Map.of("page", 0, "size", LenderPages.CONSENTS_PER_PAGE, "mine", true),
                new LenderPages.Listed(null, null, null).query());
    }

    @Test
    void aPageAStatusAndTheWholeInstitutionArePassedOn() {
        assertEquals(Map.of("page", 3, "size", LenderPages.CONSENTS_PER_PAGE, "mine", false, "status", "USED"),
                new LenderPages.Listed("3", "USED", "true").query());
    }

    @Test
    void whatIsNotAPageOrAStatusIsLeftOutRatherThanSent() {
        LenderPages.Listed listed = new LenderPages.Listed("-1", "PENDING<script>", "yes");
        assertEquals(0, listed.page());
        assertEquals("", listed.status());
        assertEquals(Map.of("page", 0, "size", LenderPages.CONSENTS_PER_PAGE, "mine", true), listed.query());
    }
}
