package org.ruralcredit.registry.service;

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.DivisionScope;

/**
 * Who does a change and where they may act. Taken from the request's token, and carried along
 * into work that outlives the request (a bulk import runs on a worker thread).
 */
public record Actor(String username, String division, DivisionScope readScope, DivisionScope writeScope) {

    public static Actor of(Caller caller) {
        return new Actor(caller.username(), caller.division(), caller.readScope(), caller.writeScope());
    }
}
