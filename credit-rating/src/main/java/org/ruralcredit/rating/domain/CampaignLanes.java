package org.ruralcredit.rating.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How a campaign's division is cut into lanes: contiguous ranges of village codes of about equal
 * households, each walked by its own cursor, so that several workers (threads of one instance or
 * replicas) rate one campaign side by side and each lane still resumes where it stopped. Villages
 * are never split, and the lanes together cover every code of the division, so a household filed
 * in a new village during the campaign still falls in one lane.
 */
public final class CampaignLanes {

    /** Village codes have twelve digits. */
    private static final int CODE_LENGTH = 12;

    /** The households of one village of the division, as counted when the campaign starts. */
    public record VillageCount(String villageCode, long households) {}

    /** Village codes {@code from} to {@code through}, both included, and the households counted in them. */
    public record Lane(String from, String through, long households) {}

    private CampaignLanes() {}

    /**
     * The lanes for a division whose villages are {@code villages} (ascending codes): as many as the
     * households give {@code minPerLane} each, at most {@code maxLanes}, at least one.
     */
    public static List<Lane> split(String division, List<VillageCount> villages, int minPerLane, int maxLanes) {
        if (minPerLane < 1 || maxLanes < 1) {
            throw new IllegalArgumentException("a lane holds at least one household and a campaign has a lane");
        }
        String first = firstVillage(division);
        String last = lastVillage(division);
        long total = villages.stream().mapToLong(VillageCount::households).sum();
        // each lane closes at its share of what is left, so one large village does not leave tiny lanes
        long left = total;
        long lanesLeft = lanesFor(total, minPerLane, maxLanes);
        List<Lane> lanes = new ArrayList<>();
        String from = first;
        long inLane = 0;
        for (int i = 0; i < villages.size(); i++) {
            inLane += villages.get(i).households();
            if (lanesLeft > 1 && inLane * lanesLeft >= left && i + 1 < villages.size()) {
                String next = villages.get(i + 1).villageCode();
                lanes.add(new Lane(from, predecessor(next), inLane));
                from = next;
                left -= inLane;
                inLane = 0;
                lanesLeft = Math.min(lanesLeft - 1, lanesFor(left, minPerLane, maxLanes));
            }
        }
        lanes.add(new Lane(from, last, inLane));
        return List.copyOf(lanes);
    }

    private static long lanesFor(long households, int minPerLane, int maxLanes) {
        return Math.min(maxLanes, Math.max(1, households / minPerLane));
    }

    /** The lowest village code in the division: its code padded with zeros to 12 digits. */
    public static String firstVillage(String division) {
        return pad(division, '0');
    }

    /**
     * The highest village code in the division: its code padded with nines to 12 digits. Twelve digits
     * compare the same as text and as numbers, so every village below lies between the two.
     */
    public static String lastVillage(String division) {
        return pad(division, '9');
    }

    private static String pad(String division, char digit) {
        int length = division.length();
        if (length != 6 && length != 9 && length != CODE_LENGTH) {
            throw new IllegalArgumentException("a division code has 6, 9 or 12 digits");
        }
        return division + String.valueOf(digit).repeat(CODE_LENGTH - length);
    }

    /** The code just below {@code code}, so that a lane ends where the next begins. */
    private static String predecessor(String code) {
        long below = Long.parseLong(code) - 1;
        return String.format("%0" + CODE_LENGTH + "d", below);
    }
}
