package org.ruralcredit.registry.domain;

/** Levels of the statistical division code, each with its code length. */
public enum DivisionLevel {
    PROVINCE(2),
    CITY(4),
    COUNTY(6),
    TOWNSHIP(9),
    VILLAGE(12);

    private final int digits;

    DivisionLevel(int digits) {
        this.digits = digits;
    }

    public int digits() {
        return digits;
    }

    public static DivisionLevel ofCode(String code) {
        for (DivisionLevel level : values()) {
            if (level.digits == code.length()) {
                return level;
            }
        }
        throw new IllegalArgumentException("a division code has 2, 4, 6, 9 or 12 digits");
    }

    /** The code of the enclosing division, or null for a province. */
    @SuppressWarnings("EnumOrdinal") // the levels are declared from province down, so the one before is the parent
    public static String parentOf(String code) {
        DivisionLevel level = ofCode(code);
        return level == PROVINCE ? null : code.substring(0, values()[level.ordinal() - 1].digits);
    }
}
