package org.ruralcredit.console.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A post is the console's own only when the page's Origin names the address the browser called. */
class SameOriginFilterTest {

    @Test
    void theConsolesOwnPagesPass() {
        assertTrue(SameOriginFilter.sameSite("http://127.0.0.1:8085", "127.0.0.1:8085"));
        assertTrue(SameOriginFilter.sameSite("https://ruralcredit.example.org", "ruralcredit.example.org"));
        assertTrue(SameOriginFilter.sameSite("https://ruralcredit.example.org", "ruralcredit.example.org:443"));
    }

    @Test
    void anotherSiteOrAnOpaqueOriginIsRefused() {
        assertFalse(SameOriginFilter.sameSite("https://evil.example", "ruralcredit.example.org"));
        assertFalse(SameOriginFilter.sameSite("http://127.0.0.1:9999", "127.0.0.1:8085"));
        assertFalse(
                SameOriginFilter.sameSite("http://ruralcredit.example.org.evil.example", "ruralcredit.example.org"));
        assertFalse(SameOriginFilter.sameSite("null", "127.0.0.1:8085"));
        assertFalse(SameOriginFilter.sameSite("http://127.0.0.1:8085", null));
        assertFalse(SameOriginFilter.sameSite("::not a uri", "127.0.0.1:8085"));
    }
}
