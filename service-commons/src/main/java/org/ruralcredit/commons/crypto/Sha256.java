package org.ruralcredit.commons.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: fingerprints, tags and digests of files, written one way. */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {}

    /** A new digest, for content fed in parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The hash of the bytes, 64 hex digits. */
    public static String hex(byte[] content) {
        return HEX.formatHex(digest().digest(content));
    }

    /** The hash of the text's UTF-8 bytes, 64 hex digits. */
    public static String hex(String content) {
        return hex(content.getBytes(StandardCharsets.UTF_8));
    }

    /** The first 128 bits of the hash, 32 hex digits: enough to tell versions of one thing apart (a tag). */
    public static String shortHex(byte[] content) {
        return HEX.formatHex(digest().digest(content), 0, 16);
    }

    public static String shortHex(String content) {
        return shortHex(content.getBytes(StandardCharsets.UTF_8));
    }
}
