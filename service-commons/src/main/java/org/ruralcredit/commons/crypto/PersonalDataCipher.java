package org.ruralcredit.commons.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal identifiers (resident IDs, phone numbers) for storage with AES-256-GCM and
 * makes a keyed lookup hash (HMAC-SHA256) so an exact value can be found without decrypting.
 *
 * <p>Stored form: one version byte, the 12-byte nonce, then ciphertext and tag. The version byte
 * leaves room for a key rotation. The lookup hash is separated by kind ("resident-id", "phone"),
 * so equal digits of different kinds never share a hash.
 */
public final class PersonalDataCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();
    // Neither is thread-safe, and looking one up costs more than using it (an import seals and
    // hashes four values a household): each thread keeps its own, initialised afresh per value.
    private final ThreadLocal<Cipher> ciphers =
            ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private final ThreadLocal<Mac> macs;

    public PersonalDataCipher(String base64EncryptionKey, String base64LookupKey) {
        this.encryptionKey = new SecretKeySpec(key(base64EncryptionKey, "encryption"), "AES");
        this.lookupKey = new SecretKeySpec(key(base64LookupKey, "lookup"), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> instance(() -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return mac;
        }));
    }

    private static byte[] key(String base64, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the personal-data " + what + " key is not Base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("the personal-data " + what + " key must be 32 bytes (256 bits)");
        }
        return key;
    }

    public byte[] encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data could not be encrypted", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored == null) {
            return null;
        }
        if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalStateException("stored personal data has an unknown format");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored personal data could not be decrypted (wrong key or altered)", e);
        }
    }

    /** Hex HMAC of {@code kind:value}; equal values of one kind give equal hashes. */
    public String lookupHash(String kind, String value) {
        if (value == null) {
            return null;
        }
        // doFinal leaves the Mac reset, keyed, for the next value
        return HexFormat.of().formatHex(macs.get().doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8)));
    }

    private interface Lookup<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T instance(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no AES-GCM or HMAC-SHA256", e);
        }
    }
}
