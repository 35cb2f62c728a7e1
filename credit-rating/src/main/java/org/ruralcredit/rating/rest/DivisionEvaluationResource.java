package org.ruralcredit.rating.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.rating.domain.division.Measure;
import org.ruralcredit.rating.domain.division.Percentage;
import org.ruralcredit.rating.domain.division.RuleSet;
import org.ruralcredit.rating.domain.division.RuleSetCatalog;
import org.ruralcredit.rating.domain.division.StatedFigures;
import org.ruralcredit.rating.domain.division.WhatIfEvaluation;

/**
 * What-if evaluation: figures a PBoC branch or a township has on paper, judged by named rule sets
 * with the code a real division rating uses. Nothing is stored.
 */
@Path("/api/v1/division-ratings/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Division ratings", description = "信用村、信用乡镇、信用县: criteria tables, computation and approval")
public class DivisionEvaluationResource {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A share as the counts it comes from. */
    public record Counts(
            @NotNull(message = "{field.required}") BigDecimal numerator,
            @NotNull(message = "{field.required}") BigDecimal denominator) {}

    /**
     * Figures stated on paper and the rule sets to judge them by.
     *
     * @param ruleSets rule set ids, the newest version each, or {@code id@version}
     * @param figures measure → value in percent (percentage points for NPL_RATIO_GROWTH), as the rule sets write them
     * @param counts measure → the counts a share comes from, divided by the platform
     */
    public record EvaluationRequest(
            @NotNull(message = "{field.required}") @Size(min = 1, max = 20, message = "{field.size}")
            List<@NotBlank(message = "{field.not-blank}") @Size(max = 80, message = "{field.size}") String> ruleSets,

            @Size(max = 20, message = "{field.size}") Map<String, BigDecimal> figures,

            @Size(max = 20, message = "{field.size}")
            Map<String, @Valid @NotNull(message = "{field.required}") Counts> counts) {}

    public record EvaluationResponse(List<WhatIfEvaluation.Result> results) {}

    @POST
    @Operation(
            operationId = "evaluateDivisionRuleSets",
            summary =
                    "Judge stated figures (percent or counts) by named rule sets, as a division rating would; nothing is stored")
    @APIResponse(
            responseCode = "200",
            description = "One result per rule set, with its criteria table",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EvaluationResponse.class)))
    public EvaluationResponse evaluate(@Valid @NotNull(message = "{field.body-required}") EvaluationRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<RuleSet> ruleSets = new ArrayList<>();
        for (int i = 0; i < request.ruleSets().size(); i++) {
            String name = request.ruleSets().get(i);
            int index = i;
            find(name)
                    .ifPresentOrElse(
                            ruleSets::add,
                            () -> errors.add(Problem.FieldError.of(
                                    "ruleSets[" + index + "]", RatingCodes.RULE_SET_UNKNOWN, name)));
        }
        Map<Measure, Percentage> stated = new EnumMap<>(Measure.class);
        if (request.figures() != null) {
            request.figures().forEach((name, value) -> {
                String field = "figures." + name;
                Measure measure = measure(name, field, errors);
                if (measure == null) {
                    return;
                }
                if (value == null) {
                    errors.add(Problem.FieldError.of(field, CommonCodes.FIELD_REQUIRED));
                    return;
                }
                BigDecimal min = measure == Measure.NPL_RATIO_GROWTH ? HUNDRED.negate() : BigDecimal.ZERO;
                if (value.compareTo(min) < 0 || value.compareTo(HUNDRED) > 0) {
                    errors.add(Problem.FieldError.of(field, RatingCodes.FIGURE_OUT_OF_RANGE, min, HUNDRED));
                    return;
                }
                stated.put(measure, StatedFigures.percent(value));
            });
        }
        if (request.counts() != null) {
            request.counts().forEach((name, counts) -> {
                String field = "counts." + name;
                Measure measure = measure(name, field, errors);
                if (measure == null) {
                    return;
                }
                if (measure == Measure.NPL_RATIO_GROWTH
                        || counts.denominator().signum() <= 0
                        || counts.numerator().signum() < 0
                        || counts.numerator().compareTo(counts.denominator()) > 0) {
                    errors.add(Problem.FieldError.of(field, RatingCodes.COUNTS_INVALID));
                    return;
                }
                if (stated.containsKey(measure)) {
                    errors.add(Problem.FieldError.of(field, RatingCodes.FIGURE_STATED_TWICE, name));
                    return;
                }
                stated.put(measure, StatedFigures.counts(counts.numerator(), counts.denominator()));
            });
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        StatedFigures figures = new StatedFigures(stated);
        return new EvaluationResponse(ruleSets.stream()
                .map(r -> WhatIfEvaluation.evaluate(r, figures))
                .toList());
    }

    private static Optional<RuleSet> find(String name) {
        int at = name.lastIndexOf('@');
        if (at < 0) {
            return RuleSetCatalog.find(name, null);
        }
        try {
            return RuleSetCatalog.find(name.substring(0, at), Integer.valueOf(name.substring(at + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Measure measure(String name, String field, List<Problem.FieldError> errors) {
        try {
            return Measure.valueOf(name);
        } catch (IllegalArgumentException e) {
            errors.add(Problem.FieldError.of(field, RatingCodes.MEASURE_UNKNOWN, name));
            return null;
        }
    }
}
