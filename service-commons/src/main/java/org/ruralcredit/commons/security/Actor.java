package org.ruralcredit.commons.security;

import java.util.Set;

/**
 * The person a service acts for: a plain value taken from the request's token ({@link Caller#actor()}),
 * so services can be tested without a token and work that outlives the request (a bulk import on a
 * worker thread) keeps it. Scopes are derived as {@link Caller} derives them.
 */
public record Actor(String username, Set<String> roles, String division) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public DivisionScope readScope() {
        return DivisionScope.forReading(roles, division);
    }

    public DivisionScope writeScope() {
        return DivisionScope.forWriting(roles, division);
    }

    /** A township official whose township (a 9-digit division claim) contains the division {@code code}. */
    public boolean isTownshipOfficialOf(String code) {
        return hasRole(Role.TOWNSHIP_OFFICIAL)
                && division != null
                && division.length() == 9
                && code != null
                && code.startsWith(division);
    }
}
