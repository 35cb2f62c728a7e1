package org.ruralcredit.commons.identity;

/** A person's name where it must not be shown whole. */
public final class PersonNames {

    private PersonNames() {}

    /** The family name (first character), the rest starred one for one: 王建国 → 王**. */
    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }
}
