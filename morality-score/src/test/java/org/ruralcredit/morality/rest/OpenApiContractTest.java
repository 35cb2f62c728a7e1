package org.ruralcredit.morality.rest;

import org.junit.jupiter.api.Test;
import org.ruralcredit.testing.OpenApiContract;

import io.quarkus.test.junit.QuarkusTest;

/** The served API document is the checked-in {@code api/morality-score.json} and keeps the contract's rules. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedDocumentIsTheCheckedInContract() {
        OpenApiContract.assertServedDocumentIsCheckedIn("morality-score");
    }
}
