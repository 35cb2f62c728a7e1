package org.ruralcredit.gateway.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.gateway.service.StatementService;
import org.ruralcredit.gateway.service.StatementService.QueueItem;

@Path("/api/v1/objections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Objections", description = "异议与个人声明: objections answered within 20 days, and personal statements")
public class ObjectionResource {

    private final StatementService statements;
    private final Caller caller;

    public ObjectionResource(StatementService statements, Caller caller) {
        this.statements = statements;
        this.caller = caller;
    }

    @POST
    @Operation(
            operationId = "createObjection",
            summary = "Raise an objection or add a statement (household: its township's official; firm: credit-admin)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "201",
            description = "The objection or statement, recorded",
            headers =
                    @Header(
                            name = "Location",
                            description = "The objection's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = QueueItem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response raise(StatementService.Raise body) {
        QueueItem item = statements.raise(body, caller);
        return Response.created(
                        URI.create("/api/v1/objections/" + item.statement().id()))
                .entity(item)
                .build();
    }

    @GET
    @Path("/queue")
    @Operation(
            operationId = "listObjectionQueue",
            summary = "Open objections of one owning service, oldest first, overdue ones flagged (credit-admin)")
    public List<QueueItem> queue(@QueryParam("service") String service) {
        requireCreditAdmin();
        return statements.queue(service);
    }

    /** The realm lets officials POST here to raise; answering and the queues are credit-admin's. */
    private void requireCreditAdmin() {
        if (!caller.hasRole(Role.CREDIT_ADMIN)) {
            throw ApiException.of(GatewayCodes.OBJECTION_ANSWERED_BY_CREDIT_ADMIN);
        }
    }

    @POST
    @Path("/{id}/answer")
    @Operation(
            operationId = "answerObjection",
            summary = "Answer an objection once: UPHELD or REJECTED with the answer (credit-admin)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "200",
            description = "The objection, answered",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = QueueItem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public QueueItem answer(@PathParam("id") UUID id, StatementService.Answer body) {
        requireCreditAdmin();
        return statements.answer(id, body, caller.username());
    }
}
