package org.ruralcredit.commons.idempotency;

import java.net.URI;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer to a request with a key, first or replayed: the same status, JSON body and Location
 * each time; a replay says so in {@code Idempotent-Replayed: true}.
 */
public record IdempotentReply(int status, String json, String location, boolean replayed) {

    public Response toResponse() {
        Response.ResponseBuilder response =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json);
        if (location != null) {
            response.location(URI.create(location));
        }
        if (replayed) {
            response.header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
