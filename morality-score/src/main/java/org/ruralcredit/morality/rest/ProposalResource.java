package org.ruralcredit.morality.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.idempotency.Answer;
import org.ruralcredit.commons.idempotency.IdempotencyKey;
import org.ruralcredit.commons.idempotency.IdempotentRequest;
import org.ruralcredit.commons.idempotency.IdempotentRequests;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.morality.domain.Proposal;
import org.ruralcredit.morality.rest.Views.ProposalView;
import org.ruralcredit.morality.rest.Views.ProposedView;
import org.ruralcredit.morality.service.IdempotentProposals;
import org.ruralcredit.morality.service.NewProposal;
import org.ruralcredit.morality.service.ProposalService;

@Path("/api/v1/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Proposals",
        description = "Maker side: a clerk proposes deeds, vetoes and reversals for households of their village")
public class ProposalResource {

    private final ProposalService proposals;
    private final IdempotentProposals once;
    private final IdempotentRequests keyed;
    private final Caller caller;

    public ProposalResource(
            ProposalService proposals, IdempotentProposals once, IdempotentRequests keyed, Caller caller) {
        this.proposals = proposals;
        this.once = once;
        this.keyed = keyed;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createProposal",
            summary = "Propose an entry; the answer says what it would count if approved now, caps applied")
    @APIResponse(
            responseCode = "201",
            description = "The proposal, pending, and what it would count if approved now",
            headers =
                    @Header(
                            name = "Location",
                            description = "The new proposal's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposedView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response propose(
            @HeaderParam(IdempotencyKey.HEADER)
                    @Parameter(
                            name = IdempotencyKey.HEADER,
                            in = ParameterIn.HEADER,
                            description = IdempotencyKey.DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
                    String idempotencyKey,
            @Valid @NotNull NewProposal body) {
        Optional<IdempotentRequest> request =
                keyed.of(idempotencyKey, caller.username(), "createProposal", List.of(), body);
        if (request.isPresent()) {
            return once.propose(
                            request.get(), body, p -> Answer.created("/api/v1/proposals/" + p.proposal().id, view(p)))
                    .toResponse();
        }
        ProposalService.Proposed proposed = proposals.propose(body);
        return Response.created(URI.create("/api/v1/proposals/" + proposed.proposal().id))
                .entity(view(proposed))
                .build();
    }

    private static ProposedView view(ProposalService.Proposed proposed) {
        return new ProposedView(ProposalView.of(proposed.proposal()), proposed.effect());
    }

    @GET
    @Operation(
            operationId = "listProposals",
            summary = "The caller's own proposals, newest first, optionally in one state")
    public List<ProposalView> mine(@QueryParam("state") String state) {
        return proposals.mine(stateOf(state)).stream().map(ProposalView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProposal", summary = "One proposal and its decision")
    @APIResponse(
            responseCode = "200",
            description = "The proposal",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ProposalView one(@PathParam("id") UUID id) {
        return ProposalView.of(proposals.readable(id));
    }

    private static Proposal.State stateOf(String state) {
        if (state == null) {
            return null;
        }
        try {
            return Proposal.State.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("state", MoralityCodes.PROPOSAL_STATE_UNKNOWN);
        }
    }
}
