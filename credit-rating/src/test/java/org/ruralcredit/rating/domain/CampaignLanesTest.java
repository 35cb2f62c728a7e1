package org.ruralcredit.rating.domain;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ruralcredit.rating.domain.CampaignLanes.Lane;
import org.ruralcredit.rating.domain.CampaignLanes.VillageCount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignLanesTest {

    private static List<VillageCount> villages(String township, int... households) {
        List<VillageCount> out = new ArrayList<>();
        for (int i = 0; i < households.length; i++) {
            out.add(new VillageCount(township + (200 + i), households[i]));
        }
        return out;
    }

    @Test
    void aSmallCampaignIsOneLaneOverTheWholeDivision() {
        assertEquals(
                List.of(new Lane("330281100000", "330281100999", 5)),
                CampaignLanes.split("330281100", villages("330281100", 3, 2), 2000, 8));
        assertEquals(
                List.of(new Lane("330281000000", "330281999999", 0)),
                CampaignLanes.split("330281", List.of(), 2000, 8));
    }

    @Test
    void lanesCutBetweenVillagesAtAboutEqualHouseholdsAndCoverEveryCode() {
        // 4 villages of 400: two lanes of 800 each, the second starting at the third village
        assertEquals(
                List.of(new Lane("330281100000", "330281100201", 800), new Lane("330281100202", "330281100999", 800)),
                CampaignLanes.split("330281100", villages("330281100", 400, 400, 400, 400), 800, 8));
        // capped: 8 villages would give 4 lanes of 400, at most 3 are made
        List<Lane> capped =
                CampaignLanes.split("330281100", villages("330281100", 400, 400, 400, 400, 400, 400, 400, 400), 400, 3);
        assertEquals(3, capped.size());
        assertEquals(3200, capped.stream().mapToLong(Lane::households).sum());
        assertEquals("330281100000", capped.get(0).from());
        assertEquals("330281100999", capped.get(2).through());
        for (int i = 0; i + 1 < capped.size(); i++) {
            long through = Long.parseLong(capped.get(i).through());
            assertEquals(through + 1, Long.parseLong(capped.get(i + 1).from()), "no gap, no overlap");
        }
    }

    @Test
    void aVillageIsNeverSplitEvenWhenItHoldsMostHouseholds() {
        assertEquals(
                List.of(new Lane("330281100000", "330281100200", 5000), new Lane("330281100201", "330281100999", 20)),
                CampaignLanes.split("330281100", villages("330281100", 5000, 10, 10), 1000, 8));
    }

    @Test
    void aCountyOfAThousandVillagesGivesTheLanesAsked() {
        List<VillageCount> county = new ArrayList<>();
        for (int township = 0; township < 40; township++) {
            for (int village = 0; village < 20; village++) {
                county.add(new VillageCount("500000" + (100 + township) + (200 + village), 400));
            }
        }
        List<Lane> lanes = CampaignLanes.split("500000", county, 2000, 8);
        assertEquals(8, lanes.size());
        lanes.forEach(l -> assertEquals(40_000, l.households()));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> CampaignLanes.split("330281", List.of(), 0, 8));
        assertThrows(IllegalArgumentException.class, () -> CampaignLanes.split("330281", List.of(), 10, 0));
        assertThrows(IllegalArgumentException.class, () -> CampaignLanes.firstVillage("3302811"));
    }

    @Test
    void aDivisionsVillagesLieBetweenItsFirstAndLastCode() {
        assertEquals("330281000000", CampaignLanes.firstVillage("330281"));
        assertEquals("330281999999", CampaignLanes.lastVillage("330281"));
        assertEquals("330281100000", CampaignLanes.firstVillage("330281100"));
        assertEquals("330281100999", CampaignLanes.lastVillage("330281100"));
        // a village is its own range
        assertEquals("330281100202", CampaignLanes.firstVillage("330281100202"));
        assertEquals("330281100202", CampaignLanes.lastVillage("330281100202"));
        // twelve digits compare the same as text and as numbers, so the range holds every village below
        assertTrue("330281100202".compareTo(CampaignLanes.firstVillage("330281100")) >= 0);
        assertTrue("330281100202".compareTo(CampaignLanes.lastVillage("330281100")) <= 0);
        assertTrue("330281101001".compareTo(CampaignLanes.lastVillage("330281100")) > 0);
    }
}
