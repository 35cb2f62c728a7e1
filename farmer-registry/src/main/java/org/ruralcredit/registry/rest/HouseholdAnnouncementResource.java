package org.ruralcredit.registry.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.registry.domain.AnnouncementRun;
import org.ruralcredit.registry.service.HouseholdAnnouncements;

/**
 * Announcing the files again (重新发布档案): credit-management officers start a run after an upgrade
 * whose event carries what older ones lack, or after the broker's topic was lost; auditors follow it.
 */
@Path("/api/v1/household-announcements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Household announcements", description = "Announcing every file again (重新发布档案)")
public class HouseholdAnnouncementResource {

    /** The run's states as the API names them. */
    public enum RunStatus {
        RUNNING,
        DONE
    }

    /** {@code division}: a province, city, county, township or village code (2 to 12 digits). */
    public record StartRequest(
            @NotNull @Pattern(regexp = DivisionResource.CODE, message = "{division.code-format}")
            String division) {}

    public record RunView(
            UUID id,

            @Schema(description = "The division whose files are announced")
            String division,

            RunStatus status,

            @Schema(description = "Files of the division, open and closed, when the run started")
            long filesTotal,

            long filesAnnounced,
            String startedBy,
            Instant startedAt,
            Instant finishedAt) {
        static RunView of(AnnouncementRun run) {
            return new RunView(
                    run.id,
                    run.division,
                    RunStatus.valueOf(run.status.name()),
                    run.filesTotal,
                    run.filesAnnounced,
                    run.startedBy,
                    run.startedAt,
                    run.finishedAt);
        }
    }

    private final HouseholdAnnouncements announcements;
    private final Caller caller;

    public HouseholdAnnouncementResource(HouseholdAnnouncements announcements, Caller caller) {
        this.announcements = announcements;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "startHouseholdAnnouncement",
            summary = "Announce every file of a division again at its current version; runs in the background (202)")
    @APIResponse(
            responseCode = "202",
            description = "The run has started; follow its progress at Location",
            headers =
                    @Header(
                            name = "Location",
                            description = "The run's address, /api/v1/household-announcements/{id}",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response start(@NotNull(message = "{body.json-required}") @Valid StartRequest request) {
        AnnouncementRun run = announcements.start(caller.actor(), request.division());
        return Response.accepted(RunView.of(run))
                .location(URI.create("/api/v1/household-announcements/" + run.id))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getHouseholdAnnouncement", summary = "A run's progress: files announced of total")
    @APIResponse(
            responseCode = "200",
            description = "The run's progress",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RunView get(@PathParam("id") UUID id) {
        return RunView.of(announcements.run(id));
    }
}
