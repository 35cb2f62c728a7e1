package org.ruralcredit.rating.rest;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.rating.service.GradeDistributionService;

@Path("/api/v1/grade-distributions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Grade distributions", description = "Households per current grade, for charts")
public class GradeDistributionResource {

    /**
     * One bar group: a division and its household count per grade (UNRATED: a file never rated), by
     * each household's current rating: its FINAL rating while valid ({@code byFinalRating} of them),
     * else its newest.
     */
    public record Distribution(String division, Map<String, Long> grades, long households, long byFinalRating) {}

    private final GradeDistributionService distributions;

    public GradeDistributionResource(GradeDistributionService distributions) {
        this.distributions = distributions;
    }

    @GET
    @Operation(
            operationId = "listGradeDistributions",
            summary = "Counts per grade for a division as a whole (by=TOTAL) or per village or township inside it")
    public List<Distribution> distribution(
            @QueryParam("division")
                    @NotNull(message = "{field.required}")
                    @Pattern(regexp = DivisionCodes.PATTERN, message = "{field.division-code}")
                    String division,
            @QueryParam("by")
                    @DefaultValue("TOTAL")
                    @Pattern(regexp = "TOTAL|TOWNSHIP|VILLAGE", message = "{grade-distribution.by}")
                    String by) {
        return distributions.distribution(division, by).stream()
                .map(g -> new Distribution(g.division(), g.grades(), g.households(), g.byFinalRating()))
                .toList();
    }
}
