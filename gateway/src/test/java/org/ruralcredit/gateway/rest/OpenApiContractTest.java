package org.ruralcredit.gateway.rest;

import org.junit.jupiter.api.Test;
import org.ruralcredit.testing.OpenApiContract;

import io.quarkus.test.junit.QuarkusTest;

/** The served API document is the checked-in {@code api/gateway.json} and keeps the contract's rules. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedDocumentIsTheCheckedInContract() {
        OpenApiContract.assertServedDocumentIsCheckedIn("gateway");
    }
}
