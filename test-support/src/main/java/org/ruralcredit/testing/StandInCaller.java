package org.ruralcredit.testing;

import java.util.Set;
import java.util.stream.Collectors;

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;

/**
 * The request's caller as a token would describe the person, for service tests that run without
 * Keycloak: install it with {@code QuarkusMock.installMockForType(caller, Caller.class)}. Only what
 * the services read of a caller is answered; every other claim is absent.
 */
public class StandInCaller extends Caller {

    private final String username;
    private final String division;
    private final String institution;
    private final Set<String> roles;

    public StandInCaller(String username, String division, String institution, Set<String> roles) {
        super(null, null);
        this.username = username;
        this.division = division;
        this.institution = institution;
        this.roles = Set.copyOf(roles);
    }

    /** A named account of one platform role in a division (a village, township or county code). */
    public static StandInCaller of(String username, String role, String division) {
        return new StandInCaller(username, division, null, Set.of(role));
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public Set<String> roles() {
        return roles;
    }

    @Override
    public Set<String> platformRoles() {
        return roles.stream().filter(Role.ALL::contains).collect(Collectors.toSet());
    }

    @Override
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String division() {
        return division;
    }

    @Override
    public String institution() {
        return institution;
    }

    @Override
    public String accountType() {
        return "named";
    }
}
