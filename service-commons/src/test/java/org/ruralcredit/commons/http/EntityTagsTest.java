package org.ruralcredit.commons.http;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.crypto.Sha256;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityTagsTest {

    @Test
    void aBodysTagIsWeakAndNamesItsContent() {
        String tag = EntityTags.of("{\"fields\":[]}");
        assertEquals("W/\"" + Sha256.shortHex("{\"fields\":[]}") + "\"", tag);
        assertEquals(tag, EntityTags.of("{\"fields\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(tag, EntityTags.of("{\"fields\":[1]}"));
        assertEquals("W/\"page-1\"", EntityTags.weak("page-1"));
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        String tag = EntityTags.weak("abc");
        assertTrue(EntityTags.matches("W/\"abc\"", tag));
        assertTrue(EntityTags.matches("\"abc\"", tag), "the strong form of the same tag");
        assertTrue(EntityTags.matches("\"other\", W/\"abc\"", tag), "one of several");
        assertTrue(EntityTags.matches(" \"other\" ,\"abc\" ", tag), "spaces around the commas");
        assertTrue(EntityTags.matches("*", tag));
        assertFalse(EntityTags.matches("W/\"abd\"", tag));
        assertFalse(EntityTags.matches("abc", tag), "an unquoted value is not the tag");
        assertFalse(EntityTags.matches(null, tag));
        assertFalse(EntityTags.matches(" ", tag));
    }

    @Test
    void notModifiedCarriesTheTagAndCachingRulesAndNoBody() {
        Response response = EntityTags.notModified("W/\"abc\"", "private, no-cache");
        assertEquals(304, response.getStatus());
        assertEquals("W/\"abc\"", response.getHeaderString("ETag"));
        assertEquals("private, no-cache", response.getHeaderString("Cache-Control"));
        assertNull(response.getEntity());
    }

    @Test
    void answersTheBodyWithItsTagUnlessTheClientHoldsIt() {
        Response fresh = EntityTags.answer(null, "rules", "W/\"abc\"", "private, no-cache");
        assertEquals(200, fresh.getStatus());
        assertEquals("rules", fresh.getEntity());
        assertEquals("W/\"abc\"", fresh.getHeaderString("ETag"));
        assertEquals("private, no-cache", fresh.getHeaderString("Cache-Control"));
        Response held = EntityTags.answer("W/\"abc\"", "rules", "W/\"abc\"", "private, no-cache");
        assertEquals(304, held.getStatus());
        assertNull(held.getEntity());
        assertEquals("W/\"abc\"", held.getHeaderString("ETag"));
        assertEquals(
                200,
                EntityTags.answer("W/\"old\"", "rules", "W/\"abc\"", "private, no-cache")
                        .getStatus());
    }
}
