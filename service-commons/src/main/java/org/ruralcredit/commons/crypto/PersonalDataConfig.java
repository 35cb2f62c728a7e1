package org.ruralcredit.commons.crypto;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Keys for personal data, Base64 of 32 random bytes each (e.g. {@code openssl rand -base64 32}).
 * Production takes them from the environment (RURALCREDIT_PERSONAL_DATA_ENCRYPTION_KEY,
 * RURALCREDIT_PERSONAL_DATA_LOOKUP_KEY); only the local profile carries demo keys. Optional
 * here because not every service holds personal data; one that does fails at start without them.
 */
@ConfigMapping(prefix = "ruralcredit.personal-data")
public interface PersonalDataConfig {

    Optional<String> encryptionKey();

    Optional<String> lookupKey();
}
