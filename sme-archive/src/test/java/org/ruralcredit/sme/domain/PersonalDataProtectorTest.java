package org.ruralcredit.sme.domain;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.crypto.PersonalDataCipher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalDataProtectorTest {

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    private static PersonalDataProtector protector(int encryptionFill, int lookupFill) {
        return new PersonalDataProtector(new PersonalDataCipher(
                Base64.getEncoder().encodeToString(key(encryptionFill)),
                Base64.getEncoder().encodeToString(key(lookupFill))));
    }

    private final PersonalDataProtector protector = protector(1, 2);

    @Test
    void encryptionRoundTripsAndNeverRepeatsCiphertext() {
        String a = protector.encrypt("330281198001010019");
        String b = protector.encrypt("330281198001010019");
        assertNotEquals(a, b, "a fresh nonce per value");
        assertTrue(!a.contains("330281"));
        assertEquals("330281198001010019", protector.decrypt(a));
    }

    @Test
    void tamperedCiphertextOrWrongKeyFails() {
        byte[] sealed = Base64.getDecoder().decode(protector.encrypt("13812345678"));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(
                IllegalStateException.class,
                () -> protector.decrypt(Base64.getEncoder().encodeToString(sealed)));
        String other = protector(3, 2).encrypt("13812345678");
        assertThrows(IllegalStateException.class, () -> protector.decrypt(other));
    }

    @Test
    void lookupHashIsStableAndKeyed() {
        assertEquals(protector.lookupHash("330281198001010019"), protector.lookupHash("330281198001010019"));
        assertEquals(64, protector.lookupHash("x").length());
        assertNotEquals(
                protector.lookupHash("330281198001010019"), protector(1, 4).lookupHash("330281198001010019"));
    }
}
