package org.ruralcredit.rating.rest;

import java.util.List;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.commons.validation.PlainText;
import org.ruralcredit.rating.service.LenderPolicyService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lender policies", description = "评分、授信分离: lenders' own credit-line policies and what they would offer")
public class LenderPolicyResource {

    public record PolicyRequest(
            @NotNull(message = "is required") @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,59}", message = "must be 2-60 lower-case letters, digits or dashes") String policyId,
            @NotBlank(message = "is required") @Size(max = 100) @PlainText String name,
            @NotNull(message = "is required") java.util.Map<org.ruralcredit.rating.domain.lending.CreditGrade, java.math.BigDecimal> baseLineByGrade,
            @NotNull(message = "is required") java.math.BigDecimal assetShare,
            @NotNull(message = "is required") java.math.BigDecimal businessIncomeShare,
            @NotNull(message = "is required") java.math.BigDecimal lineCap,
            @NotNull(message = "is required") Integer termMonths,
            @NotNull(message = "is required") java.math.BigDecimal baseAnnualRate,
            java.util.Map<org.ruralcredit.rating.domain.lending.CreditGrade, java.math.BigDecimal> rateDiscountByGrade,
            @NotNull(message = "is required") java.math.BigDecimal repaymentShareOfNetIncome,
            @NotNull(message = "is required") java.math.BigDecimal roundingUnit,
            java.math.BigDecimal targetMargin) {

        LenderPolicyService.PolicyDocument document() {
            return new LenderPolicyService.PolicyDocument(policyId, name, baseLineByGrade, assetShare, businessIncomeShare,
                    lineCap, termMonths, baseAnnualRate, rateDiscountByGrade, repaymentShareOfNetIncome, roundingUnit,
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
    @Operation(summary = "Register the next version of one of the caller's institution's policies (loan officers)")
    public Response register(@Valid @NotNull(message = "a body is required") PolicyRequest request) {
        String institution = ownInstitution();
        return Response.status(Response.Status.CREATED)
                .entity(policies.register(institution, request.document(), caller.username())).build();
    }

    @GET
    @Path("/lender-policies")
    @Operation(summary = "The newest version of each policy: a lender sees its institution's, credit-admins and auditors all")
    public List<LenderPolicyService.StoredPolicy> list() {
        return policies.latest(caller.hasRole(Role.LENDER) ? ownInstitution() : null);
    }

    @GET
    @Path("/credit-offers")
    @Operation(summary = "What a lender's policy would offer a household, with every step of the arithmetic (institution 'default' = the platform's policy)")
    public LenderPolicyService.Offer offer(
            @QueryParam("household") @NotNull(message = "is required") UUID household,
            @QueryParam("institution") @Pattern(regexp = "[A-Za-z0-9-]{2,64}", message = "must be an institution id") String institution,
            @QueryParam("policy") String policy) {
        return policies.offer(askedInstitution(institution), policy, household);
    }

    @GET
    @Path("/credit-offers/all")
    @Operation(summary = "What each of an institution's policies would offer a household; the platform's policy when it has none")
    public List<LenderPolicyService.Offer> offers(
            @QueryParam("household") @NotNull(message = "is required") UUID household,
            @QueryParam("institution") @Pattern(regexp = "[A-Za-z0-9-]{2,64}", message = "must be an institution id") String institution) {
        return policies.offers(askedInstitution(institution), household);
    }

    /** A loan officer (named account) asks for its own institution's offers; others name the institution. */
    private String askedInstitution(String institution) {
        String asked = institution == null ? ownInstitution() : institution;
        if (caller.hasRole(Role.LENDER) && !LenderPolicyService.PLATFORM.equals(asked) && !asked.equals(ownInstitution())) {
            throw ApiException.forbidden("A loan officer asks for the offers of their own institution only.");
        }
        if (caller.hasRole(Role.LENDER) && !"named".equals(caller.accountType())) {
            throw ApiException.forbidden("Shared and service accounts cannot see a household's offer.");
        }
        return asked;
    }

    private String ownInstitution() {
        String institution = caller.institution();
        if (!caller.hasRole(Role.LENDER) || institution == null || institution.isBlank()) {
            throw ApiException.forbidden("Only a loan officer of an institution registers or reads its own policies; name the institution otherwise.");
        }
        return institution;
    }
}
