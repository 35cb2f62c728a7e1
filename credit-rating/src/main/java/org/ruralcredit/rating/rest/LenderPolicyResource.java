package org.ruralcredit.rating.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.commons.validation.PlainText;
import org.ruralcredit.creditline.CreditGrade;
import org.ruralcredit.rating.service.LenderPolicyService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lender policies", description = "评分、授信分离: lenders' own credit-line policies and what they would offer")
public class LenderPolicyResource {

    public record PolicyRequest(
            @NotNull(message = "{field.required}")
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,59}", message = "{lender-policy.id}")
            String policyId,

            @NotBlank(message = "{field.required}") @Size(max = 100) @PlainText
            String name,

            @NotNull(message = "{field.required}") Map<CreditGrade, BigDecimal> baseLineByGrade,

            @NotNull(message = "{field.required}") BigDecimal assetShare,
            @NotNull(message = "{field.required}") BigDecimal businessIncomeShare,
            @NotNull(message = "{field.required}") BigDecimal lineCap,
            @NotNull(message = "{field.required}") Integer termMonths,
            @NotNull(message = "{field.required}") BigDecimal baseAnnualRate,
            Map<CreditGrade, BigDecimal> rateDiscountByGrade,
            @NotNull(message = "{field.required}") BigDecimal repaymentShareOfNetIncome,
            @NotNull(message = "{field.required}") BigDecimal roundingUnit,
            BigDecimal targetMargin) {

        LenderPolicyService.PolicyDocument document() {
            return new LenderPolicyService.PolicyDocument(
                    policyId,
                    name,
                    baseLineByGrade,
                    assetShare,
                    businessIncomeShare,
                    lineCap,
                    termMonths,
                    baseAnnualRate,
                    rateDiscountByGrade,
                    repaymentShareOfNetIncome,
                    roundingUnit,
                    targetMargin);
        }
    }

    private final LenderPolicyService policies;
    private final Caller caller;

    public LenderPolicyResource(LenderPolicyService policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @POST
    @Path("/lender-policies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createLenderPolicy",
            summary = "Register the next version of one of the caller's institution's policies (loan officers)")
    @APIResponse(
            responseCode = "201",
            description = "The policy version, registered",
            headers =
                    @Header(
                            name = "Location",
                            description = "The policy version's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = LenderPolicyService.StoredPolicy.class)))
    public Response register(@Valid @NotNull(message = "{field.body-required}") PolicyRequest request) {
        String institution = ownInstitution();
        LenderPolicyService.StoredPolicy stored = policies.register(institution, request.document(), caller.username());
        return Response.created(URI.create(
                        "/api/v1/lender-policies/" + stored.document().policyId() + "/versions/" + stored.version()))
                .entity(stored)
                .build();
    }

    @GET
    @Path("/lender-policies/{policyId}/versions/{version}")
    @Operation(
            operationId = "getLenderPolicy",
            summary = "One version of one of the caller's institution's policies (loan officers)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = LenderPolicyService.StoredPolicy.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LenderPolicyService.StoredPolicy get(
            @PathParam("policyId") String policyId, @PathParam("version") int version) {
        return policies.find(ownInstitution(), policyId, version);
    }

    @GET
    @Path("/lender-policies")
    @Operation(
            operationId = "listLenderPolicies",
            summary =
                    "The newest version of each policy: a lender sees its institution's, credit-admins and auditors all")
    public List<LenderPolicyService.StoredPolicy> list() {
        return policies.latest(caller.hasRole(Role.LENDER) ? ownInstitution() : null);
    }

    @GET
    @Path("/credit-offers")
    @Operation(
            operationId = "getCreditOffer",
            summary =
                    "What an institution's policy would offer a household, with every step of the arithmetic and the household's finances (the gateway's service account only: lenders read it in a consented credit report; institution 'default' = the platform's policy)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = LenderPolicyService.Offer.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LenderPolicyService.Offer offer(
            @QueryParam("household") UUID household,
            @QueryParam("institution") @Pattern(regexp = "[A-Za-z0-9-]{2,64}", message = "{rating.institution.id}")
                    String institution,
            @QueryParam("policy") String policy) {
        serviceOnly();
        required("household", household);
        required("institution", institution);
        return policies.offer(institution, policy, household);
    }

    @GET
    @Path("/credit-offers/all")
    @Operation(
            operationId = "listCreditOffers",
            summary =
                    "What each of an institution's policies would offer a household, with the household's finances; the platform's policy when it has none (the gateway's service account only)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(type = SchemaType.ARRAY, implementation = LenderPolicyService.Offer.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<LenderPolicyService.Offer> offers(
            @QueryParam("household") UUID household,
            @QueryParam("institution") @Pattern(regexp = "[A-Za-z0-9-]{2,64}", message = "{rating.institution.id}")
                    String institution) {
        serviceOnly();
        required("household", household);
        required("institution", institution);
        return policies.offers(institution, household);
    }

    @GET
    @Path("/credit-offers/villages/{code}")
    @Operation(
            operationId = "listVillageCreditOffers",
            summary =
                    "整村授信: every rated household of a village with its grade, whether it is a credit household and the line and rate each of an institution's policies offers it; no finances (the gateway's service account only)")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = LenderPolicyService.VillageOffer.class)))
    public List<LenderPolicyService.VillageOffer> village(
            @PathParam("code") @Pattern(regexp = "\\d{12}", message = "{rating.village.code}") String code,
            @QueryParam("institution") @Pattern(regexp = "[A-Za-z0-9-]{2,64}", message = "{rating.institution.id}")
                    String institution) {
        serviceOnly();
        required("institution", institution);
        return policies.villageOffers(institution, code);
    }

    /**
     * An offer is computed from a household's assets and incomes: only the gateway's service account
     * reads it, for a lender whose consent and purpose the gateway has checked and registered (the
     * institution is then the lender's, from the lender's token, passed on by the gateway).
     */
    private void serviceOnly() {
        if (!caller.hasRole(Role.INTERNAL_READER)) {
            throw ApiException.of(RatingCodes.OFFER_SERVICE_ONLY);
        }
    }

    /** Checked after {@link #serviceOnly()}: a person is refused whatever they send. */
    private static void required(String field, Object value) {
        if (value == null) {
            throw ApiException.invalid(field, CommonCodes.FIELD_REQUIRED);
        }
    }

    private String ownInstitution() {
        String institution = caller.institution();
        if (!caller.hasRole(Role.LENDER) || institution == null || institution.isBlank()) {
            throw ApiException.of(RatingCodes.LENDER_POLICY_LOAN_OFFICER_ONLY);
        }
        return institution;
    }
}
