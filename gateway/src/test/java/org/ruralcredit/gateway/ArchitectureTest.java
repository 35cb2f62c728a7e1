package org.ruralcredit.gateway;

import org.junit.jupiter.api.Test;

import org.ruralcredit.testing.Layering;

/** The service keeps the platform's layering (test-support's {@link Layering}: one definition for every service). */
class ArchitectureTest {

    @Test
    void theServiceKeepsThePlatformsLayering() {
        Layering.check("org.ruralcredit.gateway");
    }
}
