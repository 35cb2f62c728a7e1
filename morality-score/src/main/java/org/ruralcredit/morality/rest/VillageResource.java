package org.ruralcredit.morality.rest;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.morality.service.CatalogueService;
import org.ruralcredit.morality.service.Directory;
import org.ruralcredit.morality.service.LedgerService;
import org.ruralcredit.morality.service.VillageQueries;

@Path("/api/v1/villages/{villageCode}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Villages", description = "A village's monthly posting (公示), ranking and ledger verification")
public class VillageResource {

    public record Publication(String villageCode, String month, List<VillageQueries.PostedEntry> entries) {}

    public record Ranking(String villageCode, int year, List<VillageQueries.Ranked> households) {}

    private final Directory directory;
    private final VillageQueries queries;
    private final LedgerService ledger;
    private final CatalogueService catalogues;
    private final Clock clock;

    public VillageResource(
            Directory directory,
            VillageQueries queries,
            LedgerService ledger,
            CatalogueService catalogues,
            Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.queries = queries;
        this.ledger = ledger;
        this.catalogues = catalogues;
    }

    @GET
    @Path("/publication")
    @Operation(
            operationId = "getVillagePublication",
            summary = "Entries approved in a month (default this month), names masked to the family name + 某")
    public Publication publication(@PathParam("villageCode") String villageCode, @QueryParam("month") String month) {
        directory.requireReadableVillage(villageCode);
        YearMonth m;
        try {
            m = month == null ? YearMonth.now(clock) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("month", MoralityCodes.MONTH_FORMAT);
        }
        return new Publication(villageCode, m.toString(), queries.publication(villageCode, m));
    }

    @GET
    @Path("/ranking")
    @Operation(
            operationId = "getVillageRanking",
            summary = "Open households by total points of the year; names only where the household opted in")
    public Ranking ranking(@PathParam("villageCode") String villageCode, @QueryParam("year") Integer year) {
        directory.requireReadableVillage(villageCode);
        int y = year == null ? catalogues.today().getYear() : year;
        if (y < 2000 || y > catalogues.today().getYear()) {
            throw ApiException.invalid("year", MoralityCodes.YEAR_OUT_OF_RANGE);
        }
        return new Ranking(villageCode, y, queries.ranking(villageCode, y));
    }

    @GET
    @Path("/chain-verification")
    @Operation(
            operationId = "verifyVillageChains",
            summary = "Verify every household chain of the village; lists each broken chain with its first broken link")
    public LedgerService.VillageVerification verify(@PathParam("villageCode") String villageCode) {
        directory.requireReadableVillage(villageCode);
        return ledger.verifyVillage(villageCode);
    }
}
