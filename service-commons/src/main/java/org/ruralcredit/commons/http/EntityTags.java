package org.ruralcredit.commons.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.ws.rs.core.Response;

import org.ruralcredit.commons.crypto.Sha256;

/**
 * Weak entity tags and {@code If-None-Match}, for documents a client keeps and asks for again (the
 * field app's rules and village bundles). Weak, because the body may travel gzip-compressed or
 * not: the tag names the content, not its bytes on the wire.
 */
public final class EntityTags {

    private EntityTags() {}

    /** The tag of an opaque value: {@code W/"value"}. */
    public static String weak(String opaque) {
        return "W/\"" + opaque + "\"";
    }

    /** The tag of a body: its SHA-256, 128 bits in hex. */
    public static String of(byte[] content) {
        return weak(Sha256.shortHex(content));
    }

    public static String of(String content) {
        return of(content.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether an If-None-Match header names the tag (weak comparison, as RFC 9110 asks for GET), or is {@code *}. */
    public static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = opaque(tag);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .anyMatch(
                        candidate -> candidate.equals("*") || opaque(candidate).equals(wanted));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** 304 with the tag and caching rules a 200 would carry, and no body. */
    public static Response notModified(String tag, String cacheControl) {
        return Response.notModified()
                .header("ETag", tag)
                .header("Cache-Control", cacheControl)
                .build();
    }

    /** 200 with the body, its tag and the caching rules. */
    public static Response ok(Object body, String tag, String cacheControl) {
        return Response.ok(body)
                .header("ETag", tag)
                .header("Cache-Control", cacheControl)
                .build();
    }

    /** {@link #notModified} when the If-None-Match header names the tag, else {@link #ok}. */
    public static Response answer(String ifNoneMatch, Object body, String tag, String cacheControl) {
        return matches(ifNoneMatch, tag) ? notModified(tag, cacheControl) : ok(body, tag, cacheControl);
    }
}
