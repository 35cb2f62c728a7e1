package org.ruralcredit.gateway.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.gateway.service.sources.SmeClient;

/**
 * Calls to sme-archive that the gateway passes through: sme-archive's answer (status and body) goes
 * back as it is; when sme-archive does not answer the caller gets a 503 problem, not an error page.
 */
@ApplicationScoped
public class FirmPassThrough {

    private final SmeClient sme;

    public FirmPassThrough(@RestClient SmeClient sme) {
        this.sme = sme;
    }

    public SmeClient client() {
        return sme;
    }

    public Response pass(Supplier<Response> call) {
        try (Response r = answer(call)) {
            String body = r.hasEntity() ? r.readEntity(String.class) : null;
            String type = r.getMediaType() == null
                    ? MediaType.APPLICATION_JSON
                    : r.getMediaType().toString();
            Response.ResponseBuilder answer =
                    Response.status(r.getStatus()).type(type).entity(body);
            if (r.getLocation() != null) {
                answer.location(r.getLocation());
            }
            return answer.build();
        } catch (ProcessingException e) {
            throw ApiException.of(GatewayCodes.FIRM_ARCHIVE_UNAVAILABLE);
        }
    }

    /** sme-archive's answer whatever its status (the client reports 4xx and 5xx as exceptions). */
    public static Response answer(Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }
}
