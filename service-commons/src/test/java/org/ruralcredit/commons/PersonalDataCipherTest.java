package org.ruralcredit.commons;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.crypto.PersonalDataCipher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PersonalDataCipherTest {

    private static String key(char fill) {
        return Base64.getEncoder()
                .encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
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
        assertNotEquals(
                new String(cipher.encrypt("13812345678"), StandardCharsets.ISO_8859_1),
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
    void aRefusedDecryptionLeavesTheThreadsCipherAndMacUsable() throws Exception {
        byte[] altered = cipher.encrypt("330281198001011234");
        altered[altered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(altered));
        assertEquals("330281198001011234", cipher.decrypt(cipher.encrypt("330281198001011234")));
        // the kept Mac must start from its key for every value: compare with one made afresh
        Mac fresh = Mac.getInstance("HmacSHA256");
        fresh.init(new SecretKeySpec(Base64.getDecoder().decode(key('l')), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(fresh.doFinal("phone:13812345678".getBytes(StandardCharsets.UTF_8)));
        cipher.lookupHash("resident-id", "330281198001011234");
        assertEquals(expected, cipher.lookupHash("phone", "13812345678"));
        assertEquals(expected, cipher.lookupHash("phone", "13812345678"));
    }

    @Test
    void threadsSealAndHashAtTheSameTimeWithoutMixingTheirValues() throws Exception {
        String expected = cipher.lookupHash("phone", "13812345678");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    int good = 0;
                    for (int i = 0; i < 2_000; i++) {
                        String value = "3302811980" + thread + String.format("%07d", i);
                        if (value.equals(cipher.decrypt(cipher.encrypt(value)))
                                && expected.equals(cipher.lookupHash("phone", "13812345678"))) {
                            good++;
                        }
                    }
                    return good;
                }));
            }
            for (Future<Integer> run : runs) {
                assertEquals(2_000, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysMustBe256Bits() {
        assertThrows(IllegalArgumentException.class, () -> new PersonalDataCipher("c2hvcnQ=", key('l')));
        assertThrows(IllegalArgumentException.class, () -> new PersonalDataCipher("not base64!", key('l')));
    }
}
