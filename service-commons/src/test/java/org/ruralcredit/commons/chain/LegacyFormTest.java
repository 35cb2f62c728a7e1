package org.ruralcredit.commons.chain;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The version-1 forms, pinned to hashes the services wrote before the shared form existed. */
class LegacyFormTest {

    @Test
    void theLedgersFormCountsUtf8BytesAndEndsEachFieldWithANewline() {
        assertEquals("6:林某\n-1:\n2:10\n", LegacyForm.LEDGER.canonical(Arrays.asList("林某", null, "10")));
        assertEquals(
                "e4a9dbd36a5abe924d9a91b8ead99b5c9fc58951436d31531ee16266e90b6828",
                LegacyForm.LEDGER.hash(ChainRule.GENESIS, Arrays.asList("林某", null, "10")));
    }

    @Test
    void theRegistersFormCountsUtf16UnitsAndJoinsWithBars() {
        var fields = Arrays.asList(
                "2026-11-18T02:00:00.120Z",
                "林某",
                null,
                "HOUSEHOLD",
                "ab",
                "LOAN_APPLICATION",
                "8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10",
                "GRANTED",
                null);
        assertEquals(
                "24:2026-11-18T02:00:00.120Z|2:林某|-:|9:HOUSEHOLD|2:ab|16:LOAN_APPLICATION|"
                        + "36:8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10|7:GRANTED|-:",
                LegacyForm.REGISTER.canonical(fields));
        assertEquals(
                "0864d9e11ea1ba0cc74b68c5dc64fdae7475eb05b865d6fdefa44feed663bcfc",
                LegacyForm.REGISTER.hash(ChainRule.GENESIS, fields));
    }
}
