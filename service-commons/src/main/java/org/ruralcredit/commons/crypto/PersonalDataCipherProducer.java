package org.ruralcredit.commons.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Offers the cipher to the services that hold personal data. */
@ApplicationScoped
public class PersonalDataCipherProducer {

    @Produces
    @ApplicationScoped
    PersonalDataCipher cipher(PersonalDataConfig config) {
        return new PersonalDataCipher(
                config.encryptionKey()
                        .orElseThrow(() -> new IllegalStateException(
                                "ruralcredit.personal-data.encryption-key is not configured")),
                config.lookupKey()
                        .orElseThrow(() ->
                                new IllegalStateException("ruralcredit.personal-data.lookup-key is not configured")));
    }
}
