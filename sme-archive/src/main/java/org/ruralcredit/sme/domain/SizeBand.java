package org.ruralcredit.sme.domain;

/** Headcount bands (simplified from the 2011 SME classification, which varies by industry). */
public enum SizeBand {
    MICRO(0, 9),
    SMALL(10, 99),
    MEDIUM(100, 299);

    /** Inclusive bounds. */
    public final int min;

    public final int max;

    SizeBand(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /** The band of a headcount, LARGE above the bands, null when unknown. */
    public static String of(Integer employees) {
        if (employees == null) {
            return null;
        }
        for (SizeBand b : values()) {
            if (employees >= b.min && employees <= b.max) {
                return b.name();
            }
        }
        return "LARGE";
    }
}
