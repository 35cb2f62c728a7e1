package org.ruralcredit.commons.security;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person behind the current request, as the access token says. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String username() {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** The caller's platform roles only. */
    public Set<String> platformRoles() {
        return identity.getRoles().stream().filter(Role.ALL::contains).collect(Collectors.toSet());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The official's township or the clerk's village code, if the account has one. */
    public String division() {
        return token.getClaim("division");
    }

    /** The lender's or agency's institution id, if the account has one. */
    public String institution() {
        return token.getClaim("institution");
    }

    /** {@code named} unless the account is marked {@code shared} or {@code service}. */
    public String accountType() {
        String type = token.getClaim("account_type");
        return type == null ? "named" : type;
    }

    public DivisionScope readScope() {
        return DivisionScope.forReading(roles(), division());
    }

    public DivisionScope writeScope() {
        return DivisionScope.forWriting(roles(), division());
    }

    /** The caller as a plain value for the services, which outlives the request. */
    public Actor actor() {
        return new Actor(username(), roles(), division());
    }
}
