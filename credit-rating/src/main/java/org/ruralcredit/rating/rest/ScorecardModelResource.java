package org.ruralcredit.rating.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.rating.domain.ScorecardModelRecord;
import org.ruralcredit.rating.domain.scorecard.ScorecardModel;
import org.ruralcredit.rating.service.ScorecardModelService;

@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecard models", description = "Versioned scorecard documents: validate, save, activate")
public class ScorecardModelResource {

    public record ModelSummary(
            String code,
            int version,
            String status,
            String createdBy,
            Instant createdAt,
            String activatedBy,
            Instant activatedAt) {
        static ModelSummary of(ScorecardModelRecord r) {
            return new ModelSummary(
                    r.code, r.version, r.status.name(), r.createdBy, r.createdAt, r.activatedBy, r.activatedAt);
        }
    }

    public record ModelView(ModelSummary summary, ScorecardModel document) {}

    private final ScorecardModelService models;
    private final Caller caller;

    public ScorecardModelResource(ScorecardModelService models, Caller caller) {
        this.models = models;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listModels", summary = "Every model version and its status")
    public List<ModelSummary> list() {
        return models.all().stream().map(ModelSummary::of).toList();
    }

    @GET
    @Path("/{code}/{version}")
    @Operation(operationId = "getModel", summary = "One model version, the whole document")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ModelView get(@PathParam("code") String code, @PathParam("version") int version) {
        ScorecardModelRecord record = models.get(code, version);
        return new ModelView(ModelSummary.of(record), ScorecardModelService.parse(record.document));
    }

    /**
     * The body is the model document itself; it is read here rather than bound, so that every
     * problem in it (not only the first) is reported.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createModel",
            summary = "Save a new model version as a draft (credit administrators); every problem is listed")
    @APIResponse(
            responseCode = "201",
            description = "The draft, saved",
            headers =
                    @Header(
                            name = "Location",
                            description = "The model version's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ModelSummary.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    public Response saveDraft(String document) {
        if (document == null || document.isBlank()) {
            throw ApiException.invalid("document", RatingCodes.MODEL_DOCUMENT_REQUIRED);
        }
        ScorecardModelRecord record = models.saveDraft(document, caller.username());
        return Response.created(URI.create("/api/v1/models/" + record.code + "/" + record.version))
                .entity(ModelSummary.of(record))
                .build();
    }

    @POST
    @Path("/{code}/{version}/activate")
    @Operation(
            operationId = "activateModel",
            summary = "Make a version the one new ratings use (credit administrators)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ModelSummary.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ModelSummary activate(@PathParam("code") String code, @PathParam("version") int version) {
        return ModelSummary.of(models.activate(code, version, caller.username()));
    }
}
