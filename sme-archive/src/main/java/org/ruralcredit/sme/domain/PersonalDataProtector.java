package org.ruralcredit.sme.domain;

import java.util.Base64;

import org.ruralcredit.commons.crypto.PersonalDataCipher;

/**
 * The platform's personal-data cipher for the archive's text columns: ciphertext as Base64, and
 * lookup hashes of resident IDs under the same kind as every other service uses.
 */
public final class PersonalDataProtector {

    private static final String RESIDENT_ID = "resident-id";

    private final PersonalDataCipher cipher;

    public PersonalDataProtector(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    public String encrypt(String plain) {
        return Base64.getEncoder().encodeToString(cipher.encrypt(plain));
    }

    public String decrypt(String stored) {
        try {
            return cipher.decrypt(Base64.getDecoder().decode(stored));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored personal data is not in the archive's format", e);
        }
    }

    /** Keyed hash of a resident ID, for exact look-ups. */
    public String lookupHash(String residentId) {
        return cipher.lookupHash(RESIDENT_ID, residentId);
    }
}
