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
 * the township's denominator rather than guessed. A village's own figure has no parts.
 */
@Path("/api/v1/coverage/{division}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "Households with files / total households, per village and township")
public class CoverageResource {

    @Schema(name = "CoverageLine")
    public record Line(String code, String name, Integer totalHouseholds, long filed, BigDecimal coverage) {
    }

    public record Coverage(String code, String name, Integer totalHouseholds, long filed, BigDecimal coverage,
                           List<Line> parts) {
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
            long filed = 0;
            Integer total = null;
            for (Map.Entry<String, Long> e : filedByVillage.entrySet()) {
                if (e.getKey().startsWith(part.code)) {
                    filed += e.getValue();
                }
            }
            for (Map.Entry<String, Integer> e : totalsByVillage.entrySet()) {
                if (e.getKey().startsWith(part.code)) {
                    total = (total == null ? 0 : total) + e.getValue();
                }
            }
            parts.add(new Line(part.code, part.name, total, filed, ratio(filedWithProfile(part.code, filedByVillage, totalsByVillage), total)));
        }
        Integer total = totalsByVillage.isEmpty() ? null : totalsByVillage.values().stream().mapToInt(Integer::intValue).sum();
        long filed = filedByVillage.values().stream().mapToLong(Long::longValue).sum();
        return new Coverage(code, division.name, total, filed,
                ratio(filedWithProfile(scopePrefix, filedByVillage, totalsByVillage), total), parts);
    }

    /** Files in villages that have a profile: the numerator that matches the denominator. */
    private static long filedWithProfile(String prefix, Map<String, Long> filed, Map<String, Integer> totals) {
        return filed.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && totals.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static BigDecimal ratio(long filed, Integer total) {
        if (total == null || total == 0) {
            return null;
        }
        return BigDecimal.valueOf(filed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }
}
