package org.ruralcredit.rating.service;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.creditline.LenderPolicy;
import org.ruralcredit.rating.config.RatingConfig;
import org.ruralcredit.rating.domain.pricing.MinimumRate;

/**
 * Pricing terms per lender: the target margin of the minimum rate r = (1 + (n + 1)·m) / n comes
 * from a named lender policy, or is given, or is the platform's ({@code rating.pricing.target-margin}).
 */
@ApplicationScoped
public class PricingService {

    /** Where a margin came from: a policy (institution, id, version) or the caller or the platform. */
    public record Margin(BigDecimal value, String institution, String policy, Integer policyVersion) {}

    /** The answer of the minimum-rate calculation. */
    public record MinimumRateAnswer(
            BigDecimal odds,
            BigDecimal margin,
            BigDecimal minimumRate,
            String institution,
            String policy,
            Integer policyVersion) {}

    private final LenderPolicyService policies;
    private final ScorecardModelService models;
    private final RatingConfig config;

    public PricingService(LenderPolicyService policies, ScorecardModelService models, RatingConfig config) {
        this.policies = policies;
        this.models = models;
        this.config = config;
    }

    /**
     * The margin to price with: a named policy's (a loan officer names their own institution's or the
     * platform's default; others name the institution), else the given one, else the platform's.
     */
    public Margin margin(Caller caller, BigDecimal given, String policyId, String institution) {
        if (policyId == null) {
            return new Margin(given == null ? config.pricing().targetMargin() : given, null, null, null);
        }
        String asked = institution;
        if (caller.hasRole(Role.LENDER)) {
            String own = caller.institution();
            if (asked == null) {
                asked = own;
            }
            if (!LenderPolicyService.PLATFORM.equals(asked) && (own == null || !own.equals(asked))) {
                throw ApiException.of(RatingCodes.POLICY_OF_OTHER_INSTITUTION);
            }
        }
        if (asked == null) {
            throw ApiException.invalid("institution", RatingCodes.PRICING_INSTITUTION_REQUIRED);
        }
        String from = asked;
        LenderPolicy policy = policies.named(from, policyId)
                .orElseThrow(() -> ApiException.of(RatingCodes.POLICY_NOT_FOUND, from, policyId));
        return new Margin(policy.targetMargin(), from, policy.id(), policy.version());
    }

    /** r = (1 + (n + 1)·m) / n at odds n:1 with the margin given or the named policy's. */
    public MinimumRateAnswer minimumRate(
            Caller caller, BigDecimal odds, BigDecimal margin, String policyId, String institution) {
        if ((margin == null) == (policyId == null)) {
            throw ApiException.invalid(margin == null ? "margin" : "policy", RatingCodes.PRICING_MARGIN_OR_POLICY);
        }
        if (odds == null || odds.signum() <= 0) {
            throw ApiException.invalid("odds", RatingCodes.PRICING_ODDS_NOT_POSITIVE);
        }
        if (margin != null && !MinimumRate.marginInBounds(margin)) {
            throw ApiException.invalid(
                    "margin", RatingCodes.PRICING_MARGIN_OUT_OF_RANGE, BigDecimal.ZERO, MinimumRate.MAX_MARGIN);
        }
        Margin m = margin(caller, margin, policyId, institution);
        return new MinimumRateAnswer(
                odds, m.value(), MinimumRate.forOdds(odds, m.value()), m.institution(), m.policy(), m.policyVersion());
    }

    /** The version a pricing report reads: the one asked for, else the model's active version. */
    public int version(String model, Integer version) {
        if (version != null) {
            return version;
        }
        return models.activeVersionOf(model).orElseThrow(() -> ApiException.of(RatingCodes.MODEL_NOT_ACTIVE, model));
    }
}
