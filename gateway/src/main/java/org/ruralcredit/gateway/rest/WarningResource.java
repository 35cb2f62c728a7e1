package org.ruralcredit.gateway.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.domain.EarlyWarning;
import org.ruralcredit.gateway.service.WarningService;

@Path("/api/v1/warnings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Early warnings", description = "预警: worsening news about borrowers of the lender's active loans")
public class WarningResource {

    /** A warning; {@code detail} in the language of Accept-Language, {@code args} the values it names (absent on old warnings). */
    public record WarningView(
            UUID id,
            String kind,
            String detail,
            Map<String, Object> args,
            String loanRef,
            String subject,
            Instant createdAt,
            Instant acknowledgedAt,
            String acknowledgedBy) {}

    private final WarningService warnings;
    private final Caller caller;

    public WarningResource(WarningService warnings, Caller caller) {
        this.warnings = warnings;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "listWarnings",
            summary = "The institution's warnings, newest first; open ones only unless all=true")
    public List<WarningView> list(
            @QueryParam("all") @DefaultValue("false") boolean all,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
            @Context HttpHeaders headers) {
        Language language = Language.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return warnings.list(institution(), !all, page, size).stream()
                .map(w -> view(w, language))
                .toList();
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Operation(
            operationId = "acknowledgeWarning",
            summary = "Acknowledge a warning of the institution; repeating keeps the first acknowledgement")
    @APIResponse(
            responseCode = "200",
            description = "The warning, acknowledged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WarningView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WarningView acknowledge(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return view(
                warnings.acknowledge(institution(), id, caller.username()),
                Language.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    private String institution() {
        String institution = caller.institution();
        if (institution == null || institution.isBlank()) {
            throw ApiException.of(GatewayCodes.NO_INSTITUTION_NAMED);
        }
        return institution;
    }

    private WarningView view(EarlyWarning w, Language language) {
        return new WarningView(
                w.id,
                w.kind.name(),
                WarningService.detail(w, language),
                w.detailArgs,
                w.loanRef,
                warnings.maskedSubjectOf(w.loanId),
                w.createdAt,
                w.acknowledgedAt,
                w.acknowledgedBy);
    }
}
