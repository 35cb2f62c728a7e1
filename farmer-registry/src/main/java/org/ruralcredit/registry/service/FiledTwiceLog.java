package org.ruralcredit.registry.service;

import java.util.UUID;

import org.jboss.logging.Logger;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.security.Actor;

/**
 * The log of attempts to file a person who is already in an active household (a new file, a
 * correction, an import row, or a lookup that finds them outside the caller's division): one line
 * in the category {@value #CATEGORY}, e.g.
 *
 * <pre>
 * filed-twice via=create user=official-mazhu division=330281106 person=330281********1234 household=0193…
 * filed-twice via=import:6f1c… user=official-mazhu division=330281106 person=330281********1234 household=-
 * </pre>
 *
 * The answer to the caller never says where the person is on file; this line does (the household's
 * id; {@code -} for a person claimed earlier in the same import), for whoever audits the registry. The resident ID is only ever written masked, as a masked
 * response shows it.
 */
public final class FiledTwiceLog {

    public static final String CATEGORY = "org.ruralcredit.registry.filed-twice";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private FiledTwiceLog() {}

    /** {@code via}: create, correct, lookup, or import:&lt;job id&gt;; {@code actor} may be null (an internal write). */
    public static void attempt(String via, Actor actor, String residentId, UUID household) {
        LOG.warn(String.format(
                "filed-twice via=%s user=%s division=%s person=%s household=%s",
                via,
                actor == null || actor.username() == null
                        ? "-"
                        : actor.username().replaceAll("\\s", "_"),
                actor == null || actor.division() == null ? "-" : actor.division(),
                ResidentId.mask(residentId),
                household == null ? "-" : household));
    }
}
