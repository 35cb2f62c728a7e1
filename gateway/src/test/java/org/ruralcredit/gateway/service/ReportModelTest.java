package org.ruralcredit.gateway.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ruralcredit.gateway.service.sources.RatingClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The read model's plain rules: which rating a report shows first, which ids can name a file. */
class ReportModelTest {

    private static RatingClient.Rating rating(String grade, String ratedAt) {
        return new RatingClient.Rating(
                UUID.randomUUID(),
                80,
                grade,
                true,
                List.of(),
                List.of(),
                "HH@3",
                "FINAL",
                Instant.parse(ratedAt),
                null);
    }

    @Test
    void theCurrentRatingCreditRatingNamedComesFirstThenTheOthersNewestFirst() {
        RatingClient.Rating provisional = rating("AAA", "2026-11-01T00:00:00Z");
        RatingClient.Rating finalOne = rating("AA", "2026-10-01T00:00:00Z");
        RatingClient.Rating old = rating("A", "2025-10-01T00:00:00Z");
        List<RatingClient.Rating> newestFirst = List.of(provisional, finalOne, old);
        assertEquals(List.of(finalOne, provisional, old), ReportModel.currentFirst(newestFirst, finalOne.id()));
        // the newest is current, or credit-rating named none (an announcement older than the field)
        assertEquals(newestFirst, ReportModel.currentFirst(newestFirst, provisional.id()));
        assertEquals(newestFirst, ReportModel.currentFirst(newestFirst, null));
        assertEquals(List.of(), ReportModel.currentFirst(List.of(), finalOne.id()));
    }

    @Test
    void onlyUuidsNameARegistryFileOrRating() {
        UUID id = UUID.randomUUID();
        assertEquals(id, ReportModel.registryId(id.toString()));
        assertNull(ReportModel.registryId("h-17"));
        assertNull(ReportModel.registryId("0b8f8a9e-3f7c-4f1e-9d55-2f0f3c1d2a11-x"));
        assertNull(ReportModel.registryId(null));
    }
}
