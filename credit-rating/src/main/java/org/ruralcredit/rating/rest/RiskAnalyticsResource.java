package org.ruralcredit.rating.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.rating.domain.monitoring.GradeDefaultRate;
import org.ruralcredit.rating.domain.monitoring.MonitoringFlag;
import org.ruralcredit.rating.domain.monitoring.MonitoringReport;
import org.ruralcredit.rating.domain.monitoring.PopulationStability;
import org.ruralcredit.rating.service.PricingService;
import org.ruralcredit.rating.service.RiskAnalyticsService;
import org.ruralcredit.rating.service.ScorecardModelService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Risk analytics",
        description =
                "Odds per grade band, minimum sustainable rates and model monitoring, from reported loan outcomes")
public class RiskAnalyticsResource {

    public record MonitoringView(
            String model,
            long goods,
            long bads,
            long periodLoans,
            long baselineLoans,
            long unscoredLoans,
            List<GradeDefaultRate> defaultRates,
            Double ks,
            Double auc,
            Double gini,
            double psi,
            List<PopulationStability.BinShift> psiBins,
            List<MonitoringFlag> flags) {
        static MonitoringView of(RiskAnalyticsService.Monitoring m) {
            MonitoringReport r = m.report();
            return new MonitoringView(
                    r.modelVersion(),
                    r.sample().goods(),
                    r.sample().bads(),
                    m.periodLoans(),
                    m.baselineLoans(),
                    m.unscoredLoans(),
                    r.defaultRates(),
                    value(r.ks()),
                    value(r.auc()),
                    value(r.gini()),
                    r.stability().index(),
                    r.stability().bins(),
                    r.flags());
        }

        private static Double value(OptionalDouble d) {
            return d.isPresent() ? d.getAsDouble() : null;
        }
    }

    private final RiskAnalyticsService risk;
    private final PricingService pricing;
    private final Caller caller;

    public RiskAnalyticsResource(RiskAnalyticsService risk, PricingService pricing, Caller caller) {
        this.risk = risk;
        this.pricing = pricing;
        this.caller = caller;
    }

    @GET
    @Path("/pricing/odds")
    @Operation(
            operationId = "getPricingOdds",
            summary =
                    "Good:bad odds per grade band and the minimum sustainable rate r = (1 + (n + 1)·m) / n, with the PDO check")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = RiskAnalyticsService.PricingReport.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RiskAnalyticsService.PricingReport odds(
            @QueryParam("model") @DefaultValue(ScorecardModelService.HOUSEHOLD_MODEL) String model,
            @QueryParam("version") Integer version,
            @QueryParam("from") @NotNull(message = "{period.from-required}") LocalDate from,
            @QueryParam("to") @NotNull(message = "{period.to-required}") LocalDate to,
            @QueryParam("policy") @Size(max = 60, message = "{field.size}") String policy,
            @QueryParam("institution") @Pattern(regexp = "[A-Za-z0-9-]{2,64}", message = "{rating.institution.id}")
                    String institution) {
        requireOrder("to", from, to);
        // without a version: the model's active version; the margin: the named policy's, else the platform's
        BigDecimal margin = pricing.margin(caller, null, policy, institution).value();
        return risk.pricing(model, pricing.version(model, version), from, to, margin);
    }

    @GET
    @Path("/monitoring/report")
    @Operation(
            operationId = "getMonitoringReport",
            summary =
                    "Default rate per grade, KS, AUC and Gini of a period, PSI against a baseline period, sample sizes and flags")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MonitoringView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public MonitoringView monitoring(
            @QueryParam("model") @DefaultValue(ScorecardModelService.HOUSEHOLD_MODEL) String model,
            @QueryParam("version") @DefaultValue("1") int version,
            @QueryParam("from") @NotNull(message = "{field.required}") LocalDate from,
            @QueryParam("to") @NotNull(message = "{field.required}") LocalDate to,
            @QueryParam("baselineFrom") @NotNull(message = "{field.required}") LocalDate baselineFrom,
            @QueryParam("baselineTo") @NotNull(message = "{field.required}") LocalDate baselineTo) {
        requireOrder("to", from, to);
        requireOrder("baselineTo", baselineFrom, baselineTo);
        return MonitoringView.of(risk.monitoring(model, version, from, to, baselineFrom, baselineTo));
    }

    private static void requireOrder(String field, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            throw ApiException.invalid(field, RatingCodes.PERIOD_ORDER);
        }
    }
}
