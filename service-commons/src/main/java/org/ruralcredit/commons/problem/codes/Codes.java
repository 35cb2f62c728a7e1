package org.ruralcredit.commons.problem.codes;

import java.util.List;

/** Shared plumbing of the code enums: each constant's arguments as an immutable list. */
final class Codes {

    private Codes() {
    }

    static List<String> args(String... names) {
        return List.of(names);
    }
}
