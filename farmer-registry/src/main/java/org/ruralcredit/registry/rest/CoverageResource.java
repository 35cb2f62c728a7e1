package org.ruralcredit.registry.rest;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.registry.service.CoverageService;

/** File coverage (建档率) of a division and its parts, as {@link CoverageService} counts it. */
@Path("/api/v1/coverage/{division}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "Households with files / total households, per village and township")
public class CoverageResource {

    private static final String TOTAL =
            "Households of the division's villages that have a profile (local statistics); " + "null when none has one";
    private static final String FILED = "Active files in the villages totalHouseholds counts (every active file of the "
            + "division when totalHouseholds is null): coverage is filed / totalHouseholds";
    private static final String NOT_COUNTED = "Active files in villages without a profile, left out of filed and "
            + "coverage because their households are not known (0 when totalHouseholds is null)";

    @Schema(name = "CoverageLine")
    public record Line(
            String code,
            String name,
            @Schema(description = TOTAL) Integer totalHouseholds,
            @Schema(description = FILED) long filed,
            @Schema(description = NOT_COUNTED) long filedNotCounted,
            BigDecimal coverage) {}

    public record Coverage(
            String code,
            String name,
            @Schema(description = TOTAL) Integer totalHouseholds,
            @Schema(description = FILED) long filed,
            @Schema(description = NOT_COUNTED) long filedNotCounted,
            BigDecimal coverage,
            List<Line> parts) {}

    private final CoverageService service;
    private final Caller caller;

    public CoverageResource(CoverageService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getCoverage",
            summary = "Coverage of a county (per township), a township (per village) or one village",
            description =
                    "A village clerk reads their own village's figure; officials their township's and its villages'.")
    @APIResponse(
            responseCode = "200",
            description = "The division's coverage and its parts'",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Coverage.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Coverage coverage(
            @PathParam("division") @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "{division.coverage-code}")
                    String code) {
        CoverageService.Report report = service.coverage(caller.actor(), code);
        CoverageService.Figures f = report.whole();
        return new Coverage(
                f.code(),
                f.name(),
                f.total(),
                f.filed(),
                f.notCounted(),
                f.coverage(),
                report.parts().stream()
                        .map(p -> new Line(p.code(), p.name(), p.total(), p.filed(), p.notCounted(), p.coverage()))
                        .toList());
    }
}
