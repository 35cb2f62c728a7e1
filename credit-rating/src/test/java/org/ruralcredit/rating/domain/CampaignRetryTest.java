package org.ruralcredit.rating.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignRetryTest {

    @Test
    void thePauseDoublesFromOneSecondAndStopsGrowingAtFiveMinutes() {
        assertEquals(Duration.ZERO, CampaignRetry.pauseAfter(0));
        assertEquals(Duration.ofSeconds(1), CampaignRetry.pauseAfter(1));
        assertEquals(Duration.ofSeconds(2), CampaignRetry.pauseAfter(2));
        assertEquals(Duration.ofSeconds(4), CampaignRetry.pauseAfter(3));
        assertEquals(Duration.ofSeconds(256), CampaignRetry.pauseAfter(9));
        assertEquals(Duration.ofMinutes(5), CampaignRetry.pauseAfter(10));
        assertEquals(Duration.ofMinutes(5), CampaignRetry.pauseAfter(Integer.MAX_VALUE));
    }

    @Test
    void aCampaignIsDueOnceItsPauseHasPassed() {
        Instant failed = Instant.parse("2026-12-02T05:00:00Z");
        assertTrue(CampaignRetry.due(0, null, failed), "never failed");
        assertFalse(CampaignRetry.due(3, failed, failed.plusMillis(3999)));
        assertTrue(CampaignRetry.due(3, failed, failed.plusSeconds(4)));
        assertFalse(CampaignRetry.due(40, failed, failed.plusSeconds(299)));
        assertTrue(CampaignRetry.due(40, failed, failed.plusSeconds(300)));
    }
}
