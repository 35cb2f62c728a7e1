package org.ruralcredit.morality.service;

import java.util.List;
import java.util.Set;

import io.quarkus.test.junit.QuarkusMock;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.function.Executable;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.testing.StandInCaller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Stands in for the request's caller and token, as Keycloak's token would describe the person: the
 * services read the caller's name, roles and division and nothing else of it. Installed for the
 * current test only.
 */
final class Callers {

    static final String LINSHAN = "330281100";

    private Callers() {}

    static void clerk(String username, String village) {
        as(username, village, Role.VILLAGE_CLERK);
    }

    static void official(String username, String township) {
        as(username, township, Role.TOWNSHIP_OFFICIAL);
    }

    private static void as(String username, String division, String role) {
        QuarkusMock.installMockForType(StandInCaller.of(username, role, division), Caller.class);
        QuarkusMock.installMockForType(
                new JsonWebToken() {
                    @Override
                    public String getName() {
                        return username;
                    }

                    @Override
                    public Set<String> getClaimNames() {
                        return Set.of();
                    }

                    // the interface's signature; no claim is answered
                    @Override
                    @SuppressWarnings("TypeParameterUnusedInFormals")
                    public <T> T getClaim(String claimName) {
                        return null;
                    }
                },
                JsonWebToken.class);
    }

    static void assertRefused(ProblemCode code, Executable call) {
        assertEquals(
                code.code(), assertThrows(ApiException.class, call).problem().code());
    }

    /** Refused as bad input: one field named, with its code. */
    static void assertInvalid(String field, ProblemCode code, Executable call) {
        Problem problem = assertThrows(ApiException.class, call).problem();
        assertEquals(
                List.of(field + " " + code.code()),
                problem.errors().stream().map(e -> e.field() + " " + e.code()).toList());
    }
}
