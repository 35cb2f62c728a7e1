package org.ruralcredit.sme.domain;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * The official statistical division codes (6-digit counties, 9-digit townships, 12-digit
 * villages), held as sorted numbers: about 660,000 codes in a few megabytes.
 */
public final class DivisionCodes {

    private final long[] counties;
    private final long[] townships;
    private final long[] villages;

    public DivisionCodes(LongStream counties, LongStream townships, LongStream villages) {
        this.counties = counties.sorted().toArray();
        this.townships = townships.sorted().toArray();
        this.villages = villages.sorted().toArray();
    }

    /** A township (9 digits) or village (12 digits) on the official list. */
    public boolean isTownshipOrVillage(String code) {
        if (code == null || !code.matches("\\d{9}|\\d{12}")) {
            return false;
        }
        return Arrays.binarySearch(code.length() == 9 ? townships : villages, Long.parseLong(code)) >= 0;
    }

    public boolean isCounty(String code) {
        return code != null && code.matches("\\d{6}") && Arrays.binarySearch(counties, Long.parseLong(code)) >= 0;
    }

    /** Any official code, or a 2- or 4-digit province or city prefix of one; used for filters. */
    public boolean isKnownPrefix(String code) {
        if (code == null || !code.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            return false;
        }
        return switch (code.length()) {
            case 2, 4 -> Arrays.stream(counties).anyMatch(c -> Long.toString(c).startsWith(code));
            case 6 -> isCounty(code);
            default -> isTownshipOrVillage(code);
        };
    }
}
