package org.ruralcredit.gateway.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.ruralcredit.creditline.CreditLineCalculator;
import org.ruralcredit.creditline.CreditLineOffer;
import org.ruralcredit.creditline.DefaultLenderPolicy;
import org.ruralcredit.creditline.HouseholdFinances;
import org.ruralcredit.creditline.LenderPolicy;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.gateway.service.sources.RatingClient;

/**
 * What each of the requesting lender's policies offers a household (评分、授信分离: the platform
 * rates, the lender decides), sized here with the platform's one calculator (module credit-line,
 * which credit-rating uses too) from what the read model received: the household's facts, its
 * current rating and the lender's policies as credit-rating announced them. A lender that has
 * registered no policy is shown the platform's default policy (each offer names the institution it
 * was computed for). The shapes are credit-rating's own, so a client sees the same offer either way.
 */
@ApplicationScoped
public class LenderOffers {

    /** The offers are sized on credit-rating's ratings and policies, as before: the section names it. */
    static final String SOURCE = "credit-rating";

    /** The platform's default policy answers as this institution. */
    static final String PLATFORM = "default";

    /**
     * One policy's offer with what it was computed from: the household's current rating
     * ({@code ratingStanding} FINAL, FINAL_EXPIRED or PROVISIONAL) and finances, and the arithmetic.
     */
    public record Offer(
            String institution,
            UUID householdId,
            UUID ratingId,
            String ratingStanding,
            HouseholdFinances finances,
            CreditLineOffer offer) {}

    /** What one policy offers, as a marketing list may show it: the line and the rate, no arithmetic. */
    @Schema(name = "CampaignOfferLine")
    public record OfferLine(
            String institution, String policyId, int policyVersion, BigDecimal creditLine, BigDecimal annualRate) {

        static OfferLine of(Offer offer) {
            return new OfferLine(
                    offer.institution(),
                    offer.offer().policyId(),
                    offer.offer().policyVersion(),
                    offer.offer().creditLine(),
                    offer.offer().annualRate().orElse(null));
        }
    }

    /** The institution's policies to size offers with, and the institution they are offered as. */
    public record Policies(String offeredBy, List<LenderPolicy> policies) {}

    private static final CreditLineCalculator CALCULATOR = new CreditLineCalculator();

    private final ReportModel model;
    private final ObjectMapper json;

    public LenderOffers(ReportModel model, ObjectMapper json) {
        this.model = model;
        this.json = json;
    }

    /**
     * The newest version of each of the institution's policies as announced; the platform's
     * default policy (offered as institution {@code default}) when it has announced none.
     */
    public Policies policiesOf(String institution) {
        List<LenderPolicy> announced = PLATFORM.equals(institution) ? List.of() : model.policies(institution);
        return announced.isEmpty()
                ? new Policies(PLATFORM, List.of(DefaultLenderPolicy.POLICY))
                : new Policies(institution, announced);
    }

    /** What each policy offers the household, from its facts ({@link ReportModel.File#facts}) and current rating. */
    public List<Offer> offers(Policies policies, UUID householdId, JsonNode facts, RatingClient.Rating current) {
        HouseholdFinances finances = finances(facts, current);
        return policies.policies().stream()
                .map(p -> new Offer(
                        policies.offeredBy(),
                        householdId,
                        current.id(),
                        current.status(),
                        finances,
                        CALCULATOR.offer(p, finances)))
                .toList();
    }

    /** The line and the rate of each policy's offer, for a credit household of a village list. */
    public List<OfferLine> lines(Policies policies, UUID householdId, JsonNode facts, RatingClient.Rating current) {
        return offers(policies, householdId, facts, current).stream()
                .map(OfferLine::of)
                .toList();
    }

    /**
     * The finances credit-rating sizes a line on: the grade (below A for a household that is not a
     * credit household), total assets, business income and net income as registry.household.v1's
     * own records add them up (none announced: 0).
     */
    HouseholdFinances finances(JsonNode facts, RatingClient.Rating current) {
        HouseholdChanged.Assets assets = group(facts, "assets", HouseholdChanged.Assets.class);
        HouseholdChanged.IncomeAndExpenses income = group(facts, "income", HouseholdChanged.IncomeAndExpenses.class);
        return HouseholdFinances.of(
                current.grade(),
                current.creditHousehold(),
                assets == null ? 0 : assets.total(),
                income == null ? 0 : income.businessIncome(),
                income == null ? 0 : income.netIncome());
    }

    private <T> T group(JsonNode facts, String name, Class<T> type) {
        JsonNode node = facts == null ? null : facts.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read model facts not readable: " + name, e);
        }
    }
}
