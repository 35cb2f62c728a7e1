package org.ruralcredit.registry.service;

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.DivisionScope;
import org.ruralcredit.commons.security.Role;

/**
 * Who does a change and where they may act. Taken from the request's token, and carried along
 * into work that outlives the request (a bulk import runs on a worker thread).
 */
public record Actor(String username, String division, boolean townshipOfficial, DivisionScope readScope) {

    public static Actor of(Caller caller) {
        return new Actor(
                caller.username(), caller.division(), caller.hasRole(Role.TOWNSHIP_OFFICIAL), caller.readScope());
    }

    /**
     * The official of the file's township: the one person who writes it and sees its resident IDs
     * and phone numbers in full. Clerks, administrators and auditors see them masked.
     */
    public boolean ownsFilesOf(String villageCode) {
        return townshipOfficial
                && division != null
                && division.length() == 9
                && villageCode != null
                && villageCode.startsWith(division);
    }
}
