package org.ruralcredit.morality.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.testing.OpenApiContract;

/** The served API document is the checked-in {@code api/morality-score.json} and keeps the contract's rules. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedDocumentIsTheCheckedInContract() {
        OpenApiContract.assertServedDocumentIsCheckedIn("morality-score");
    }
}
