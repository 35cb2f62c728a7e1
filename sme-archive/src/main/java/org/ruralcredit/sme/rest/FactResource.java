package org.ruralcredit.sme.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.sme.domain.FeedFact;
import org.ruralcredit.sme.domain.FeedSource;
import org.ruralcredit.sme.service.FeedHistory;

@Path("/api/v1/facts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Firm facts", description = "What each agency reported about a firm, as of which date")
public class FactResource {

    public record FactView(
            LocalDate asOf, String period, Map<String, Object> facts, UUID batchId, Instant recordedAt) {}

    public record SourceHistory(String source, String agency, List<FactView> history) {}

    public record FirmFacts(String uscc, List<SourceHistory> sources) {}

    private final FeedHistory feeds;

    public FactResource(FeedHistory feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("/{uscc}")
    @Operation(
            operationId = "getFirmFacts",
            summary = "A firm's facts per source, newest first (credit-admin, auditor)")
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FirmFacts.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public FirmFacts history(
            @PathParam("uscc") @Pattern(regexp = "[0-9A-HJ-NPQRTUW-Y]{18}", message = "{firm.credit-code-format}")
                    String uscc,
            @QueryParam("source") @DefaultValue("") String source) {
        Map<String, List<FactView>> bySource = new LinkedHashMap<>();
        for (FeedFact f : feeds.factsOf(uscc, source)) {
            bySource.computeIfAbsent(f.source, k -> new ArrayList<>())
                    .add(new FactView(f.asOf, f.period.isEmpty() ? null : f.period, f.facts, f.batchId, f.recordedAt));
        }
        List<SourceHistory> sources = bySource.entrySet().stream()
                .map(e -> {
                    FeedSource s = FeedSource.valueOf(e.getKey());
                    return new SourceHistory(s.slug(), s.agency(), e.getValue());
                })
                .toList();
        return new FirmFacts(uscc, sources);
    }
}
