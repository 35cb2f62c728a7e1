package org.ruralcredit.sme.domain;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DivisionCodesTest {

    private final DivisionCodes codes =
            new DivisionCodes(LongStream.of(330281L), LongStream.of(330281100L), LongStream.of(330281100202L));

    @Test
    void onlyListedTownshipsAndVillagesAreAddresses() {
        assertTrue(codes.isTownshipOrVillage("330281100"));
        assertTrue(codes.isTownshipOrVillage("330281100202"));
        assertFalse(codes.isTownshipOrVillage("330281999"));
        assertFalse(codes.isTownshipOrVillage("330281"));
        assertFalse(codes.isTownshipOrVillage("33028110020A"));
    }

    @Test
    void filterPrefixesMayBeProvinceOrCity() {
        assertTrue(codes.isKnownPrefix("33"));
        assertTrue(codes.isKnownPrefix("3302"));
        assertTrue(codes.isKnownPrefix("330281"));
        assertFalse(codes.isKnownPrefix("11"));
        assertFalse(codes.isKnownPrefix("3302811"));
    }
}
