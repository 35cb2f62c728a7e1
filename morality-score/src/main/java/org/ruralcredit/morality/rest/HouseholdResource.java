package org.ruralcredit.morality.rest;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.ruralcredit.morality.config.MoralityConfig;
import org.ruralcredit.morality.domain.EntryKind;
import org.ruralcredit.morality.domain.Household;
import org.ruralcredit.morality.domain.LedgerEntry;
import org.ruralcredit.morality.domain.PanelResult;
import org.ruralcredit.morality.domain.Standing;
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
    private final MoralityConfig config;

    public HouseholdResource(
            Directory directory,
            LedgerService ledger,
            StandingService standings,
            CatalogueService catalogues,
            HouseholdService householdService,
            MoralityConfig config) {
        this.directory = directory;
        this.ledger = ledger;
        this.standings = standings;
        this.catalogues = catalogues;
        this.householdService = householdService;
        this.config = config;
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
        Household h = directory.readable(householdId);
        int y = yearOr(year);
        List<LedgerEntry> entries = ledger.entriesOf(h.id);
        Standing s = standings.standing(h.id, y);
        var panel = standings.panelResult(h.id);
        List<EntryView> recent = views(entries).stream()
                .sorted(Comparator.comparingLong(EntryView::seq).reversed())
                .limit(config.recentEntries())
                .toList();
        return new ProfileView(
                h.id,
                h.villageCode,
                h.status,
                StandingView.of(s),
                panel.map(PanelResult::trimmedMean).orElse(null),
                panel.map(PanelResult::raterCount).orElse(0),
                recent);
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
        return views(ledger.entriesOf(h.id)).stream()
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

    /** Each entry with the points it counts for its year after the rule caps, and whether it was reversed. */
    private List<EntryView> views(List<LedgerEntry> entries) {
        Set<String> reversed = entries.stream()
                .filter(e -> e.reversesEntryId != null)
                .map(e -> e.reversesEntryId.toString())
                .collect(Collectors.toSet());
        Map<Integer, Standing> byYear = new HashMap<>();
        List<CountedHolder> counted = entries.stream()
                .map(e -> new CountedHolder(
                        e,
                        byYear.computeIfAbsent(
                                e.deedDate.getYear(),
                                y -> standings.standing(
                                        y,
                                        entries.stream()
                                                .map(LedgerEntry::counted)
                                                .toList()))))
                .toList();
        return counted.stream()
                .map(c -> EntryView.of(
                        c.entry(),
                        c.entry().kind == EntryKind.DEED
                                ? c.standing()
                                        .countedPoints()
                                        .getOrDefault(c.entry().id.toString(), 0)
                                : null,
                        reversed.contains(c.entry().id.toString())))
                .toList();
    }

    private record CountedHolder(LedgerEntry entry, Standing standing) {}

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
