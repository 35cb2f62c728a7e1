package org.ruralcredit.morality.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.validation.PlainText;
import org.ruralcredit.morality.domain.Standing;
import org.ruralcredit.morality.rest.Views.DecisionView;
import org.ruralcredit.morality.rest.Views.EntryView;
import org.ruralcredit.morality.rest.Views.ProposalView;
import org.ruralcredit.morality.rest.Views.StandingView;
import org.ruralcredit.morality.service.ProposalService;

/** Checker side, on its own path so the realm can grant it to township officials alone. */
@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Reviews",
        description = "Checker side: a township official approves or rejects proposals of their township")
public class ReviewResource {

    public record Rejection(
            @NotBlank @Size(max = 500) @PlainText String reason) {}

    private final ProposalService proposals;

    public ReviewResource(ProposalService proposals) {
        this.proposals = proposals;
    }

    @GET
    @Operation(
            operationId = "listPendingReviews",
            summary = "Proposals of the official's township waiting for a decision (not their own)")
    public List<ProposalView> pending() {
        return proposals.pendingForMe().stream().map(ProposalView::of).toList();
    }

    @POST
    @Path("/{proposalId}/approval")
    @Operation(
            operationId = "approveProposal",
            summary = "Approve: the entry is appended to the household's ledger and morality.points.v1 announced")
    @APIResponse(
            responseCode = "200",
            description = "The approved proposal, its ledger entry, what it counted and the household's standing",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public DecisionView approve(@PathParam("proposalId") UUID proposalId) {
        ProposalService.Decided d = proposals.approve(proposalId);
        Standing s = d.standing();
        return new DecisionView(
                ProposalView.of(d.proposal()),
                EntryView.of(d.entry(), d.effect().countedPoints(), false),
                d.effect(),
                StandingView.of(s));
    }

    @POST
    @Path("/{proposalId}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectProposal", summary = "Reject with a reason; nothing reaches the ledger")
    @APIResponse(
            responseCode = "200",
            description = "The rejected proposal",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ProposalView reject(@PathParam("proposalId") UUID proposalId, @Valid @NotNull Rejection body) {
        return ProposalView.of(proposals.reject(proposalId, body.reason()));
    }
}
