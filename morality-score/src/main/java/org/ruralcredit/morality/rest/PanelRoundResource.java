package org.ruralcredit.morality.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import org.ruralcredit.commons.validation.PersonName;
import org.ruralcredit.commons.validation.PlainText;
import org.ruralcredit.morality.domain.PanelRater;
import org.ruralcredit.morality.domain.PanelRound;
import org.ruralcredit.morality.rest.Views.RoundPage;
import org.ruralcredit.morality.rest.Views.RoundSummary;
import org.ruralcredit.morality.rest.Views.RoundView;
import org.ruralcredit.morality.service.PanelService;

@Path("/api/v1/panel-rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Panel rounds",
        description = "背靠背打分: sealed integrity scores by at least five named raters, trimmed mean at close")
public class PanelRoundResource {

    public record NewRound(
            @NotNull @Pattern(regexp = "\\d{12}", message = "{village.code-format}")
            String villageCode,

            @NotBlank @Size(max = 200) @PlainText String title) {}

    /** {@code role}: 村委委员 village committee member, 驻村干部 resident official, 乡贤 respected elder, … */
    public record NewRater(
            @NotBlank @Size(max = 40) @PersonName String name,
            @NotBlank @Size(max = 40) @PlainText String role) {}

    public record NewScore(
            @NotNull UUID raterId,
            @NotBlank @Size(max = 64) String householdId,
            @NotNull @Min(0) @Max(100) Integer score) {}

    public record ScoreReceipt(UUID roundId, UUID raterId, String householdId, long scoresInForHousehold) {}

    public record RaterCreated(UUID id, String name, String role) {}

    private final PanelService panels;

    public PanelRoundResource(PanelService panels) {
        this.panels = panels;
    }

    @POST
    @Operation(operationId = "openPanelRound", summary = "Open a round for a village of the official's township")
    @APIResponse(
            responseCode = "201",
            description = "The round, open, without raters yet",
            headers =
                    @Header(
                            name = "Location",
                            description = "The new round's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response open(@Valid @NotNull NewRound body) {
        var round = panels.open(body.villageCode(), body.title());
        return Response.created(roundUri(round.id))
                .entity(RoundView.of(panels.view(round.id)))
                .build();
    }

    @GET
    @Operation(
            operationId = "listPanelRounds",
            summary =
                    "Rounds of the villages the caller may read, newest first, a page at a time; counts only, never a score")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundPage.class)))
    public RoundPage list(
            @QueryParam("status")
                    @Parameter(
                            description = "Only rounds in this state",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"OPEN", "CLOSED"}))
                    PanelRound.State status,
            @QueryParam("village")
                    @Pattern(regexp = "\\d{12}", message = "{village.code-format}")
                    @Parameter(description = "Only rounds of this village (12 digits)")
                    String village,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        PanelService.Listing listing = panels.list(status, village, page, size);
        return new RoundPage(listing.items().stream().map(RoundSummary::of).toList(), page, size, listing.total());
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getPanelRound",
            summary = "The round: raters and how many scores are in; results only once closed")
    @APIResponse(
            responseCode = "200",
            description = "The round",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RoundView view(@PathParam("id") UUID id) {
        return RoundView.of(panels.view(id));
    }

    @POST
    @Path("/{id}/raters")
    @Operation(operationId = "addPanelRater", summary = "Name a rater of the round")
    @APIResponse(
            responseCode = "201",
            description = "The rater, named on the round",
            headers =
                    @Header(
                            name = "Location",
                            description =
                                    "The round's address: a rater has no address of its own and is listed on its round",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RaterCreated.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response addRater(@PathParam("id") UUID id, @Valid @NotNull NewRater body) {
        PanelRater rater = panels.addRater(id, body.name(), body.role());
        return Response.created(roundUri(id))
                .entity(new RaterCreated(rater.id, rater.name, rater.role))
                .build();
    }

    @POST
    @Path("/{id}/scores")
    @Operation(
            operationId = "recordPanelScore",
            summary = "Enter one rater's sealed score for one household; the answer never shows scores")
    @APIResponse(
            responseCode = "201",
            description = "The score is recorded and sealed; the receipt tells how many scores the household has",
            headers =
                    @Header(
                            name = "Location",
                            description =
                                    "The round's address: a sealed score has no address of its own; the round counts it",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScoreReceipt.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response score(@PathParam("id") UUID id, @Valid @NotNull NewScore body) {
        long count = panels.score(id, body.raterId(), body.householdId(), body.score());
        return Response.created(roundUri(id))
                .entity(new ScoreReceipt(id, body.raterId(), body.householdId(), count))
                .build();
    }

    @POST
    @Path("/{id}/closing")
    @Operation(
            operationId = "closePanelRound",
            summary = "Close the round: at least five raters, every score in; publishes the trimmed means")
    @APIResponse(
            responseCode = "200",
            description = "The closed round with each household's trimmed mean",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public RoundView close(@PathParam("id") UUID id) {
        return RoundView.of(panels.close(id));
    }

    private static URI roundUri(UUID id) {
        return URI.create("/api/v1/panel-rounds/" + id);
    }
}
