package org.ruralcredit.console.service;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import org.ruralcredit.commons.security.Role;
import org.ruralcredit.console.config.ConsoleConfig;

/** The person signed in to the console, as Keycloak's ID token names them and their access token's roles. */
@RequestScoped
public class SignedIn {

    private final SecurityIdentity identity;
    private final Divisions divisions;
    private final ConsoleConfig config;
    /** A field: the {@code @IdToken} qualifier does not apply to constructor parameters. */
    @Inject
    @IdToken
    JsonWebToken idToken;

    public SignedIn(SecurityIdentity identity, Divisions divisions, ConsoleConfig config) {
        this.identity = identity;
        this.divisions = divisions;
        this.config = config;
    }

    public ConsoleUser user() {
        Set<String> roles =
                identity.getRoles().stream().filter(Role.ALL::contains).collect(Collectors.toSet());
        String login = idToken.getClaim("preferred_username");
        String division = idToken.getClaim("division");
        String institution = idToken.getClaim("institution");
        return new ConsoleUser(
                login != null ? login : identity.getPrincipal().getName(),
                personName(idToken.getClaim("family_name"), idToken.getClaim("given_name"), login),
                roles,
                division,
                institution,
                division == null ? null : divisions.name(division),
                institution == null ? null : config.institutions().getOrDefault(institution, institution));
    }

    /** 林国强 for a Chinese name (family name first, no space), "Jane Doe" otherwise; the login when neither is known. */
    static String personName(String family, String given, String login) {
        boolean hasFamily = family != null && !family.isBlank();
        boolean hasGiven = given != null && !given.isBlank();
        if (!hasFamily && !hasGiven) {
            return login;
        }
        if (!hasFamily || !hasGiven) {
            return hasGiven ? given : family;
        }
        boolean han = (family + given)
                .codePoints()
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return han ? family + given : given + " " + family;
    }
}
