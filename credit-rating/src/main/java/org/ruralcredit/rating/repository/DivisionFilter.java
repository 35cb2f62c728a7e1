package org.ruralcredit.rating.repository;

/**
 * The SQL condition "the household's village lies in this division" on household_facts, written so
 * the planner can estimate it: a county or township as {@code left(village_code, 6|9)} with the
 * length as a literal, which matches the expression statistics of migration V8; a village as the
 * column itself. A length passed as a parameter matches no statistics and is guessed at 0.5 %.
 */
public final class DivisionFilter {

    private DivisionFilter() {}

    /** The condition, comparing with the positional parameter {@code ?parameter}. */
    public static String villageIn(String division, int parameter) {
        int length = checkedLength(division);
        return length == 12 ? "village_code = ?" + parameter : "left(village_code, " + length + ") = ?" + parameter;
    }

    private static int checkedLength(String division) {
        int length = division.length();
        if (length != 6 && length != 9 && length != 12) {
            throw new IllegalArgumentException("a division code has 6, 9 or 12 digits");
        }
        return length;
    }
}
