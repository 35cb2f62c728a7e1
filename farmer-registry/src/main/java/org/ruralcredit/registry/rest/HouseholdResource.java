package org.ruralcredit.registry.rest;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.idempotency.Answer;
import org.ruralcredit.commons.idempotency.IdempotencyKey;
import org.ruralcredit.commons.idempotency.IdempotentRequest;
import org.ruralcredit.commons.idempotency.IdempotentRequests;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.security.Actor;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.validation.PlainText;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.registry.domain.Household;
import org.ruralcredit.registry.service.HouseholdDocuments;
import org.ruralcredit.registry.service.HouseholdService;
import org.ruralcredit.registry.service.IdempotentHouseholdWrites;

@Path("/api/v1/households")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Households", description = "Household credit files (农户信用档案)")
public class HouseholdResource {

    /** The file itself is checked whole by the service (field rules and rules across fields together). */
    public record HouseholdWrite(
            @NotNull(message = "{household.file-required}") HouseholdFile file,
            @Size(max = 500) @PlainText String reason,
            @PositiveOrZero Integer expectedVersion) {}

    public record CloseRequest(
            @NotNull Household.ClosedReason reason,
            @Size(max = 500) @PlainText String note,
            @NotNull @PositiveOrZero Integer expectedVersion) {}

    public record LookupRequest(@NotBlank @Size(max = 18) String residentId) {}

    private final HouseholdService service;
    private final IdempotentHouseholdWrites once;
    private final IdempotentRequests keyed;
    private final HouseholdDocuments documents;
    private final Caller caller;
    private final Clock clock;

    public HouseholdResource(
            HouseholdService service,
            IdempotentHouseholdWrites once,
            IdempotentRequests keyed,
            HouseholdDocuments documents,
            Caller caller,
            Clock clock) {
        this.service = service;
        this.once = once;
        this.keyed = keyed;
        this.documents = documents;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createHousehold",
            summary = "Open a household's credit file (township official of the village's township)")
    @APIResponse(
            responseCode = "201",
            description = "The file is opened at version 1",
            headers =
                    @Header(
                            name = "Location",
                            description = "The new file's address, /api/v1/households/{id}",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = HouseholdViews.HouseholdView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response create(
            @HeaderParam(IdempotencyKey.HEADER)
                    @Parameter(
                            name = IdempotencyKey.HEADER,
                            in = ParameterIn.HEADER,
                            description = IdempotencyKey.DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
                    String idempotencyKey,
            @NotNull(message = "{body.json-required}") @Valid HouseholdWrite write) {
        Actor actor = caller.actor();
        Optional<IdempotentRequest> request =
                keyed.of(idempotencyKey, actor.username(), "createHousehold", List.of(), write);
        if (request.isPresent()) {
            return once.create(
                            request.get(),
                            actor,
                            write.file(),
                            write.reason(),
                            h -> Answer.created(location(h), view(actor, h)))
                    .toResponse();
        }
        HouseholdViews.HouseholdView view = service.create(actor, write.file(), write.reason(), h -> view(actor, h));
        return Response.created(URI.create("/api/v1/households/" + view.id()))
                .entity(view)
                .build();
    }

    private static String location(Household household) {
        return "/api/v1/households/" + household.id;
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getHousehold",
            summary = "One household's file; identifiers masked unless you are its township's official")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = HouseholdViews.HouseholdView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public HouseholdViews.HouseholdView get(@PathParam("id") UUID id) {
        Actor actor = caller.actor();
        return service.get(actor, id, h -> view(actor, h));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "correctHousehold",
            summary = "Correct a file; expectedVersion must be the version you read (stale: 409)")
    @APIResponse(
            responseCode = "200",
            description = "The file as corrected (the same version when nothing changed)",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = HouseholdViews.HouseholdView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response correct(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKey.HEADER)
                    @Parameter(
                            name = IdempotencyKey.HEADER,
                            in = ParameterIn.HEADER,
                            description = IdempotencyKey.DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
                    String idempotencyKey,
            @NotNull(message = "{body.json-required}") @Valid HouseholdWrite write) {
        if (write.expectedVersion() == null) {
            throw ApiException.invalid("expectedVersion", RegistryCodes.HOUSEHOLD_EXPECTED_VERSION_REQUIRED);
        }
        Actor actor = caller.actor();
        Optional<IdempotentRequest> request =
                keyed.of(idempotencyKey, actor.username(), "correctHousehold", List.of(id.toString()), write);
        if (request.isPresent()) {
            return once.correct(
                            request.get(),
                            actor,
                            id,
                            write.expectedVersion(),
                            write.file(),
                            write.reason(),
                            h -> Answer.ok(view(actor, h)))
                    .toResponse();
        }
        return Response.ok(service.correct(
                        actor, id, write.expectedVersion(), write.file(), write.reason(), h -> view(actor, h)))
                .build();
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "closeHousehold",
            summary = "Close a file (moved away, merged, deceased); files are never deleted")
    @APIResponse(
            responseCode = "200",
            description = "The closed file",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = HouseholdViews.HouseholdView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public HouseholdViews.HouseholdView close(
            @PathParam("id") UUID id, @NotNull(message = "{body.json-required}") @Valid CloseRequest request) {
        Actor actor = caller.actor();
        return service.close(
                actor, id, request.expectedVersion(), request.reason(), request.note(), h -> view(actor, h));
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(operationId = "listHouseholdRevisions", summary = "Every accepted change: who, when, why, which fields")
    @APIResponse(
            responseCode = "200",
            description = "The revisions, oldest first",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = HouseholdViews.RevisionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<HouseholdViews.RevisionView> revisions(@PathParam("id") UUID id) {
        return service.revisions(caller.actor(), id, HouseholdViews.RevisionView::of);
    }

    @GET
    @Path("/{id}/revisions/{version}")
    @Operation(
            operationId = "getHouseholdRevision",
            summary = "The file as one revision left it; identifiers masked as the current file is for you")
    @APIResponse(
            responseCode = "200",
            description = "The file as that revision left it",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = HouseholdViews.RevisionFileView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public HouseholdViews.RevisionFileView revision(@PathParam("id") UUID id, @PathParam("version") int version) {
        Actor actor = caller.actor();
        return service.revision(
                actor,
                id,
                version,
                stored -> HouseholdViews.revision(
                        stored.current(),
                        stored.revision(),
                        documents,
                        actor.isTownshipOfficialOf(stored.current().villageCode),
                        LocalDate.now(clock)));
    }

    @GET
    @Operation(
            operationId = "listHouseholds",
            summary = "Files in a village, township or county you may read, a page at a time; optionally searched",
            description = "With q, only the files whose head's or a member's name contains q, or, when q is a full "
                    + "18-character resident ID, the files that person is a member of; total counts the matches. "
                    + "Only files within the division you may read are searched.")
    public HouseholdViews.HouseholdPage list(
            @QueryParam("division")
                    @NotNull(message = "{field.required}")
                    @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "{division.query-code}")
                    String division,
            @QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @QueryParam("q")
                    @Size(max = 50)
                    @PlainText
                    @Parameter(
                            description = "A name or part of one (head or member), or a full 18-character resident ID; "
                                    + "at most 50 characters of plain text")
                    String q) {
        Actor actor = caller.actor();
        HouseholdService.Listing<HouseholdViews.HouseholdSummary> listing =
                service.list(actor, division, !includeClosed, q, page, size, h -> summary(actor, h));
        return new HouseholdViews.HouseholdPage(listing.items(), page, size, listing.total());
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "findHouseholdByHead",
            summary = "Find the active file whose head has this resident ID (sent in the body, not the URL)")
    @APIResponse(
            responseCode = "200",
            description = "The head's active file",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = HouseholdViews.HouseholdSummary.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public HouseholdViews.HouseholdSummary lookup(
            @NotNull(message = "{body.json-required}") @Valid LookupRequest request) {
        ResidentId.Result parsed = ResidentId.parse(request.residentId(), LocalDate.now(clock));
        if (!parsed.valid()) {
            throw ApiException.invalid("residentId", parsed.refusalCode());
        }
        Actor actor = caller.actor();
        return service.lookup(actor, parsed.id().get(), h -> summary(actor, h));
    }

    // resident IDs and phone numbers in full only for the official of the household's township, who
    // writes its file; clerks, administrators and auditors see them masked
    private HouseholdViews.HouseholdView view(Actor actor, Household household) {
        return HouseholdViews.of(
                household, documents, actor.isTownshipOfficialOf(household.villageCode), LocalDate.now(clock));
    }

    private HouseholdViews.HouseholdSummary summary(Actor actor, Household household) {
        return HouseholdViews.summary(household, documents, actor.isTownshipOfficialOf(household.villageCode));
    }
}
