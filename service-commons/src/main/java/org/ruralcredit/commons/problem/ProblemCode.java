package org.ruralcredit.commons.problem;

import java.util.List;

/**
 * A stable problem code from the catalogue: what a client may switch on, and the key of its text
 * in both languages. {@link #args()} names, in order, the values its texts mention; the catalogue
 * test holds the texts' placeholders to exactly these names.
 */
public interface ProblemCode {

    /** The stable code, e.g. {@code consent.already-used}. */
    String code();

    /** The HTTP status a refusal with this code answers (400 for a field's code). */
    int status();

    /** The slug of the problem's {@code type} URN, kept from before codes existed. */
    String type();

    /** The names of the values its texts mention, in the order a caller passes them. */
    List<String> args();
}
