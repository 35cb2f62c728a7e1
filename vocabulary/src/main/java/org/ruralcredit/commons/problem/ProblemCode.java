package org.ruralcredit.commons.problem;

import java.util.List;

/**
 * A stable problem code from the catalogue: what a client may switch on, and the key of its text
 * in both languages. {@link #args()} names, in order, the values its texts mention; the catalogue
 * test holds the texts' placeholders to exactly these names.
 */
public interface ProblemCode {

    /** What a code is, held once by each constant of a code enum. */
    record Spec(String code, int status, String type, List<String> args) {

        public Spec(String code, int status, String type, String... args) {
            this(code, status, type, List.of(args));
        }
    }

    Spec spec();

    /** The stable code, e.g. {@code consent.already-used}. */
    default String code() {
        return spec().code();
    }

    /** The HTTP status a refusal with this code answers (400 for a field's code). */
    default int status() {
        return spec().status();
    }

    /** The slug of the problem's {@code type} URN, kept from before codes existed. */
    default String type() {
        return spec().type();
    }

    /** The names of the values its texts mention, in the order a caller passes them. */
    default List<String> args() {
        return spec().args();
    }
}
