package org.ruralcredit.commons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.ruralcredit.commons.crypto.PersonalDataCipher;

class PersonalDataCipherTest {

    private static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
    }

    private final PersonalDataCipher cipher = new PersonalDataCipher(key('e'), key('l'));

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        byte[] stored = cipher.encrypt("330281198001011234");
        assertEquals("330281198001011234", cipher.decrypt(stored));
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("330281"));
    }

    @Test
    void sameValueEncryptsDifferentlyEachTimeButHashesTheSame() {
        assertNotEquals(new String(cipher.encrypt("13812345678"), StandardCharsets.ISO_8859_1),
                new String(cipher.encrypt("13812345678"), StandardCharsets.ISO_8859_1));
        assertEquals(cipher.lookupHash("phone", "13812345678"), cipher.lookupHash("phone", "13812345678"));
        assertNotEquals(cipher.lookupHash("phone", "13812345678"), cipher.lookupHash("resident-id", "13812345678"));
    }

    @Test
    void alteredCiphertextOrAnotherKeyIsRefused() {
        byte[] stored = cipher.encrypt("330281198001011234");
        byte[] altered = stored.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(altered));
        PersonalDataCipher other = new PersonalDataCipher(key('x'), key('l'));
        assertThrows(IllegalStateException.class, () -> other.decrypt(stored));
        assertArrayEquals(stored, stored.clone());
    }

    @Test
    void keysMustBe256Bits() {
        assertThrows(IllegalArgumentException.class, () -> new PersonalDataCipher("c2hvcnQ=", key('l')));
        assertThrows(IllegalArgumentException.class, () -> new PersonalDataCipher("not base64!", key('l')));
    }
}
