package org.ruralcredit.commons.idempotency;

import java.nio.charset.StandardCharsets;

import org.ruralcredit.commons.crypto.PersonalDataCipher;

/**
 * How a stored answer's body is kept at rest. An answer that shows resident IDs or phone numbers in
 * full (a household file to its township's official) is stored encrypted like the file itself;
 * one without personal identifiers may be stored as it is.
 */
public interface AnswerSeal {

    byte[] seal(String json);

    String open(byte[] stored);

    AnswerSeal PLAIN = new AnswerSeal() {
        @Override
        public byte[] seal(String json) {
            return json.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String open(byte[] stored) {
            return new String(stored, StandardCharsets.UTF_8);
        }
    };

    static AnswerSeal encryptedWith(PersonalDataCipher cipher) {
        return new AnswerSeal() {
            @Override
            public byte[] seal(String json) {
                return cipher.encrypt(json);
            }

            @Override
            public String open(byte[] stored) {
                return cipher.decrypt(stored);
            }
        };
    }
}
