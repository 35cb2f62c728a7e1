package org.ruralcredit.rating.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.rating.repository.DivisionFiguresRepository;

@Path("/api/v1/grade-distributions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Grade distributions", description = "Households per current grade, for charts")
public class GradeDistributionResource {

    /**
     * One bar group: a division and its household count per grade (UNRATED: a file never rated), by
     * each household's current rating: its FINAL rating while valid ({@code byFinalRating} of them),
     * else its newest.
     */
    public record Distribution(String division, Map<String, Long> grades, long households, long byFinalRating) {
    }

    private final DivisionFiguresRepository figures;
    private final Caller caller;
    private final org.ruralcredit.rating.service.RatingClock clock;

    public GradeDistributionResource(DivisionFiguresRepository figures, Caller caller,
                                     org.ruralcredit.rating.service.RatingClock clock) {
        this.figures = figures;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(operationId = "listGradeDistributions", summary = "Counts per grade for a division as a whole (by=TOTAL) or per village or township inside it")
    public List<Distribution> distribution(
            @QueryParam("division") @NotNull(message = "{field.required}") @Pattern(regexp = DivisionCodes.PATTERN, message = "{field.division-code}") String division,
            @QueryParam("by") @DefaultValue("TOTAL") @Pattern(regexp = "TOTAL|TOWNSHIP|VILLAGE", message = "{grade-distribution.by}") String by) {
        if (!caller.readScope().covers(division)) {
            throw ApiException.of(RatingCodes.DIVISION_OUTSIDE_SCOPE, division);
        }
        int digits = switch (by) {
            case "VILLAGE" -> 12;
            case "TOWNSHIP" -> 9;
            default -> division.length();
        };
        if (digits < division.length()) {
            throw ApiException.invalid("by", RatingCodes.GRADE_DISTRIBUTION_BY_LEVEL, division);
        }
        Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
        Map<String, Long> byFinal = new LinkedHashMap<>();
        for (Object[] row : figures.gradeCounts(division, digits, clock.today())) {
            groups.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>()).put((String) row[1], ((Number) row[2]).longValue());
            byFinal.merge((String) row[0], ((Number) row[3]).longValue(), Long::sum);
        }
        List<Distribution> result = new ArrayList<>();
        groups.forEach((code, grades) -> result.add(new Distribution(code, grades,
                grades.values().stream().mapToLong(Long::longValue).sum(), byFinal.getOrDefault(code, 0L))));
        return result;
    }
}
