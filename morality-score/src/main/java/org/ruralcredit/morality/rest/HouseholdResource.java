package org.ruralcredit.morality.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.commons.validation.PersonName;
import org.ruralcredit.morality.domain.EntryKind;
import org.ruralcredit.morality.domain.Household;
import org.ruralcredit.morality.rest.Views.EntryView;
import org.ruralcredit.morality.rest.Views.ProfileView;
import org.ruralcredit.morality.rest.Views.StandingView;
import org.ruralcredit.morality.service.CatalogueService;
import org.ruralcredit.morality.service.Directory;
import org.ruralcredit.morality.service.HouseholdService;
import org.ruralcredit.morality.service.LedgerService;
import org.ruralcredit.morality.service.StandingService;

@Path("/api/v1/households/{householdId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Households", description = "A household's moral profile, ledger history and chain verification")
public class HouseholdResource {

    public record HeadOfHousehold(
            @NotBlank @Size(max = 40) @PersonName String headName, boolean rankingOptIn) {}

    public record HeadView(String householdId, String headName, boolean rankingOptIn) {}

    private final Directory directory;
    private final LedgerService ledger;
    private final StandingService standings;
    private final CatalogueService catalogues;
    private final HouseholdService householdService;

    public HouseholdResource(
            Directory directory,
            LedgerService ledger,
            StandingService standings,
            CatalogueService catalogues,
            HouseholdService householdService) {
        this.directory = directory;
        this.ledger = ledger;
        this.standings = standings;
        this.catalogues = catalogues;
        this.householdService = householdService;
    }

    @GET
    @Path("/profile")
    @Operation(
            operationId = "getHouseholdProfile",
            summary =
                    "Balances per standard and total for a year (default this year), eligibility, green card, panel score, recent entries")
    @APIResponse(
            responseCode = "200",
            description = "The household's moral profile for the year",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ProfileView profile(@PathParam("householdId") String householdId, @QueryParam("year") Integer year) {
        StandingService.Profile p = standings.profile(directory.readable(householdId), yearOr(year));
        return new ProfileView(
                p.household().id,
                p.household().villageCode,
                p.status(),
                StandingView.of(p.standing()),
                p.panel() == null ? null : p.panel().trimmedMean(),
                p.panel() == null ? 0 : p.panel().raterCount(),
                views(p.recentEntries()));
    }

    @GET
    @Path("/entries")
    @Operation(
            operationId = "listHouseholdEntries",
            summary = "Ledger history in ledger order, filtered by year of the deed, standard, kind or rule")
    @APIResponse(
            responseCode = "200",
            description = "The household's entries in ledger order",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = EntryView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<EntryView> entries(
            @PathParam("householdId") String householdId,
            @QueryParam("year") Integer year,
            @QueryParam("standard") String standard,
            @QueryParam("kind") String kind,
            @QueryParam("rule") String rule) {
        Household h = directory.readable(householdId);
        EntryKind k = kindOf(kind);
        return views(standings.shown(ledger.entriesOf(h.id))).stream()
                .filter(e -> year == null || e.deedDate().getYear() == year)
                .filter(e -> standard == null || standard.equals(e.standardCode()))
                .filter(e -> k == null || k.name().equals(e.kind()))
                .filter(e -> rule == null || rule.equals(e.ruleCode()))
                .toList();
    }

    @GET
    @Path("/chain-verification")
    @Operation(
            operationId = "verifyHouseholdChain",
            summary = "Recompute the household's hash chain and report the first broken link")
    @APIResponse(
            responseCode = "200",
            description = "Whether the chain holds, and its first broken link if not",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = LedgerService.Verification.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LedgerService.Verification verify(@PathParam("householdId") String householdId) {
        return ledger.verify(directory.readable(householdId).id);
    }

    @PUT
    @Path("/head")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateHouseholdHead",
            summary =
                    "Record the head's name (shown masked in postings) and whether the household opts in to a named ranking")
    @APIResponse(
            responseCode = "200",
            description = "The head's name and opt-in as recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HeadView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public HeadView head(@PathParam("householdId") String householdId, @Valid @NotNull HeadOfHousehold body) {
        Household h = householdService.recordHead(householdId, body.headName(), body.rankingOptIn());
        return new HeadView(h.id, h.headName, h.rankingOptIn);
    }

    private static List<EntryView> views(List<StandingService.ShownEntry> entries) {
        return entries.stream()
                .map(e -> EntryView.of(e.entry(), e.countedPoints(), e.reversed()))
                .toList();
    }

    private int yearOr(Integer year) {
        int y = year == null ? catalogues.today().getYear() : year;
        if (y < 2000 || y > catalogues.today().getYear()) {
            throw ApiException.invalid("year", MoralityCodes.YEAR_OUT_OF_RANGE);
        }
        return y;
    }

    private static EntryKind kindOf(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return EntryKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("kind", MoralityCodes.ENTRY_KIND_UNKNOWN);
        }
    }
}
