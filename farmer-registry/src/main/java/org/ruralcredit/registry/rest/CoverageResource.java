package org.ruralcredit.registry.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.transaction.Transactional;
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
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.registry.domain.Division;
import org.ruralcredit.registry.domain.VillageProfile;
import org.ruralcredit.registry.repository.DivisionRepository;
import org.ruralcredit.registry.repository.HouseholdRepository;
import org.ruralcredit.registry.repository.VillageProfileRepository;

/**
 * File coverage (建档率): households with an active file over the households the local statistics
 * count. A village without a profile has no coverage figure, and its households are left out of
 * the township's denominator rather than guessed — and so out of its numerator: {@code filed} counts
 * the files of the same villages whose households {@code totalHouseholds} sums, so that the two and
 * the coverage always agree; {@code filedNotCounted} tells how many files that leaves out. When no
 * village of a division has a profile, there is no figure to match, and {@code filed} is every file.
 * A village's own figure has no parts.
 */
@Path("/api/v1/coverage/{division}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "Households with files / total households, per village and township")
public class CoverageResource {

    private static final String TOTAL = "Households of the division's villages that have a profile (local statistics); "
            + "null when none has one";
    private static final String FILED = "Active files in the villages totalHouseholds counts (every active file of the "
            + "division when totalHouseholds is null): coverage is filed / totalHouseholds";
    private static final String NOT_COUNTED = "Active files in villages without a profile, left out of filed and "
            + "coverage because their households are not known (0 when totalHouseholds is null)";

    @Schema(name = "CoverageLine")
    public record Line(String code, String name,
                       @Schema(description = TOTAL) Integer totalHouseholds,
                       @Schema(description = FILED) long filed,
                       @Schema(description = NOT_COUNTED) long filedNotCounted,
                       BigDecimal coverage) {
    }

    public record Coverage(String code, String name,
                           @Schema(description = TOTAL) Integer totalHouseholds,
                           @Schema(description = FILED) long filed,
                           @Schema(description = NOT_COUNTED) long filedNotCounted,
                           BigDecimal coverage, List<Line> parts) {
    }

    private final DivisionRepository divisions;
    private final HouseholdRepository households;
    private final VillageProfileRepository profiles;
    private final Caller caller;

    public CoverageResource(DivisionRepository divisions, HouseholdRepository households,
                            VillageProfileRepository profiles, Caller caller) {
        this.divisions = divisions;
        this.households = households;
        this.profiles = profiles;
        this.caller = caller;
    }

    @GET
    @Transactional
    @Operation(operationId = "getCoverage", summary = "Coverage of a county (per township), a township (per village) or one village",
            description = "A village clerk reads their own village's figure; officials their township's and its villages'.")
    @APIResponse(responseCode = "200", description = "The division's coverage and its parts'",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Coverage.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Coverage coverage(@PathParam("division") @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}",
            message = "{division.coverage-code}") String code) {
        if (!caller.readScope().covers(code) && !(code.length() == 6 && caller.division() != null
                && caller.division().startsWith(code) && caller.readScope().covers(caller.division()))) {
            throw ApiException.of(RegistryCodes.DIVISION_OUTSIDE_SCOPE, code);
        }
        Division division = divisions.findById(code);
        if (division == null) {
            throw ApiException.of(RegistryCodes.DIVISION_NOT_FOUND, code);
        }
        // an official asking for the county sees only their own township within it
        String scopePrefix = caller.readScope().covers(code) ? code : caller.division();
        Map<String, Long> filedByVillage = households.activeCountsByVillage(scopePrefix);
        Map<String, Integer> totalsByVillage = new LinkedHashMap<>();
        for (VillageProfile p : profiles.list("villageCode like ?1", scopePrefix + "%")) {
            totalsByVillage.put(p.villageCode, p.totalHouseholds);
        }
        List<Line> parts = new ArrayList<>();
        for (Division part : divisions.childrenOf(code)) {
            if (!part.code.startsWith(scopePrefix) && !scopePrefix.startsWith(part.code)) {
                continue;
            }
            Figures f = Figures.of(part.code, filedByVillage, totalsByVillage);
            parts.add(new Line(part.code, part.name, f.total(), f.filed(), f.notCounted(), f.coverage()));
        }
        Figures f = Figures.of(scopePrefix, filedByVillage, totalsByVillage);
        return new Coverage(code, division.name, f.total(), f.filed(), f.notCounted(), f.coverage(), parts);
    }

    /**
     * A division's figures over the same villages: the households of those with a profile, their
     * files, and the files of the villages without one, which are counted in {@code filed} only
     * when no village has a profile.
     */
    record Figures(Integer total, long filed, long notCounted) {

        static Figures of(String prefix, Map<String, Long> filedByVillage, Map<String, Integer> totalsByVillage) {
            Integer total = null;
            for (Map.Entry<String, Integer> e : totalsByVillage.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    total = (total == null ? 0 : total) + e.getValue();
                }
            }
            long withProfile = 0;
            long withoutProfile = 0;
            for (Map.Entry<String, Long> e : filedByVillage.entrySet()) {
                if (!e.getKey().startsWith(prefix)) {
                    continue;
                }
                if (totalsByVillage.containsKey(e.getKey())) {
                    withProfile += e.getValue();
                } else {
                    withoutProfile += e.getValue();
                }
            }
            return total == null ? new Figures(null, withoutProfile, 0) : new Figures(total, withProfile, withoutProfile);
        }

        BigDecimal coverage() {
            return ratio(filed, total);
        }
    }

    private static BigDecimal ratio(long filed, Integer total) {
        if (total == null || total == 0) {
            return null;
        }
        return BigDecimal.valueOf(filed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }
}
