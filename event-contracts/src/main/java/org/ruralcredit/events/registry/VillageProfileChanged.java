package org.ruralcredit.events.registry;

import java.time.LocalDate;

import org.ruralcredit.events.EventFormatException;

/**
 * A village's official figures changed. Village ratings divide by {@code totalHouseholds}
 * (from local statistics), not by the number of households that happen to have files.
 */
public record VillageProfileChanged(
        String villageCode,
        String villageName,
        String townshipCode,
        String countyCode,
        int totalHouseholds,
        int population,
        LocalDate figuresAsOf,
        long revision) {

    public VillageProfileChanged {
        if (villageCode == null || !villageCode.matches("\\d{12}")) {
            throw new EventFormatException("villageCode must be a 12-digit division code");
        }
        if (townshipCode == null || !villageCode.startsWith(townshipCode) || townshipCode.length() != 9) {
            throw new EventFormatException("townshipCode must be the 9-digit prefix of villageCode");
        }
        if (countyCode == null || !villageCode.startsWith(countyCode) || countyCode.length() != 6) {
            throw new EventFormatException("countyCode must be the 6-digit prefix of villageCode");
        }
        if (villageName == null || figuresAsOf == null) {
            throw new EventFormatException("villageName and figuresAsOf are required");
        }
        if (totalHouseholds < 0 || population < 0) {
            throw new EventFormatException("totalHouseholds and population cannot be negative");
        }
    }
}
