package org.ruralcredit.gateway.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.security.Caller;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "Who the platform takes the caller to be")
public class MeResource {

    public record MeView(
            String username, List<String> roles, String division, String institution, String accountType) {}

    private final Caller caller;

    public MeResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getMe",
            summary = "The caller's name, roles, division and institution as the token states them")
    public MeView me() {
        return new MeView(
                caller.username(),
                caller.platformRoles().stream().sorted().toList(),
                caller.division(),
                caller.institution(),
                caller.accountType());
    }
}
