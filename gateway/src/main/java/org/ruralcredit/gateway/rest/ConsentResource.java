package org.ruralcredit.gateway.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.ratelimit.RateLimited;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.domain.Consent;
import org.ruralcredit.gateway.service.ConsentService;
import org.ruralcredit.gateway.service.ConsentService.NewConsent;
import org.ruralcredit.gateway.service.Subjects;

@Path("/api/v1/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "授权: a subject's written consent to one lender's query for one purpose")
public class ConsentResource {

    /** A consent as shown: the resident ID masked, never the stored ciphertext. */
    public record ConsentView(
            UUID id,
            String subjectType,
            String subject,
            String institution,
            String purpose,
            LocalDate signedOn,
            LocalDate expiresOn,
            String letterSha256,
            String status,
            String recordedBy,
            String onBehalfDivision,
            Instant recordedAt,
            Instant usedAt,
            Instant revokedAt,
            String revokedBy) {}

    /** One page of consents, newest first; {@code total} counts every consent the list covers. */
    public record ConsentPage(List<ConsentView> items, int page, int size, long total) {}

    private final ConsentService consents;
    private final Subjects subjects;
    private final Caller caller;
    private final Clock clock;

    public ConsentResource(ConsentService consents, Subjects subjects, Caller caller, Clock clock) {
        this.consents = consents;
        this.subjects = subjects;
        this.caller = caller;
        this.clock = clock;
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @RateLimited("consents")
    @Operation(
            operationId = "createConsent",
            summary = "Record a consent (lender for its institution; township official for a household)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "201",
            description = "The consent, recorded",
            headers =
                    @Header(
                            name = "Location",
                            description = "The consent's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response record(NewConsent body) {
        if (body == null) {
            throw ApiException.invalid("body", CommonCodes.FIELD_REQUIRED);
        }
        Consent c = consents.record(body, caller);
        return Response.created(URI.create("/api/v1/consents/" + c.id))
                .entity(view(c))
                .build();
    }

    @GET
    @Operation(
            operationId = "listConsents",
            summary = "The consents the caller may read, newest first, a page at a time",
            description = "The rule of the single read: a lender sees its institution's consents, a township official "
                    + "those recorded for households of the official's township. mine=true keeps those the caller "
                    + "recorded; status keeps those in that state today.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ConsentPage list(
            @QueryParam("status")
                    @Parameter(
                            description = "Only consents in this state today",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"ACTIVE", "USED", "REVOKED", "EXPIRED"}))
                    String status,
            @QueryParam("mine") @DefaultValue("false") @Parameter(description = "Only the consents the caller recorded")
                    boolean mine,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        ConsentService.Listing listing = consents.list(caller, status, mine, page, size);
        return new ConsentPage(listing.items().stream().map(this::view).toList(), page, size, listing.total());
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getConsent",
            summary = "One consent of the caller's institution (or recorded by the calling official)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ConsentView get(@PathParam("id") String id) {
        return view(consents.get(uuid(id), caller));
    }

    @POST
    @Path("{id}/revocation")
    @Operation(operationId = "revokeConsent", summary = "Revoke a consent; later queries on it are refused")
    @APIResponse(
            responseCode = "200",
            description = "The consent, revoked (or as it was when already revoked)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ConsentView revoke(@PathParam("id") String id) {
        return view(consents.revoke(uuid(id), caller));
    }

    private ConsentView view(Consent c) {
        return new ConsentView(
                c.id,
                c.subjectType.name(),
                subjects.masked(c.subjectType, c.subjectIdEnc),
                c.institution,
                c.purpose.name(),
                c.signedOn,
                c.expiresOn,
                c.letterSha256,
                c.status(LocalDate.now(clock)),
                c.recordedBy,
                c.onBehalfDivision,
                c.recordedAt,
                c.usedAt,
                c.revokedAt,
                c.revokedBy);
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(GatewayCodes.CONSENT_NOT_FOUND);
        }
    }
}
