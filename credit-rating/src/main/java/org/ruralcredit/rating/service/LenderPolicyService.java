package org.ruralcredit.rating.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.creditline.CreditGrade;
import org.ruralcredit.creditline.CreditLineCalculator;
import org.ruralcredit.creditline.CreditLineOffer;
import org.ruralcredit.creditline.DefaultLenderPolicy;
import org.ruralcredit.creditline.HouseholdFinances;
import org.ruralcredit.creditline.LenderPolicy;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.rating.LenderPolicyRegistered;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.rating.domain.HouseholdFactsRecord;
import org.ruralcredit.rating.repository.CurrentRatingRepository;
import org.ruralcredit.rating.repository.HouseholdFactsRepository;
import org.ruralcredit.rating.repository.LenderPolicyRepository;

/**
 * Lenders' own credit-line policies (评分、授信分离: the platform rates, the lender decides), one
 * version per registration, and the offer a policy gives a household from its current rating and
 * facts. The platform's default policy answers as institution {@code default}.
 */
@ApplicationScoped
public class LenderPolicyService {

    public static final String PLATFORM = "default";

    /** A policy as a lender writes it; amounts in yuan, shares and rates as fractions. */
    public record PolicyDocument(
            String policyId,
            String name,
            Map<CreditGrade, BigDecimal> baseLineByGrade,
            BigDecimal assetShare,
            BigDecimal businessIncomeShare,
            BigDecimal lineCap,
            int termMonths,
            BigDecimal baseAnnualRate,
            Map<CreditGrade, BigDecimal> rateDiscountByGrade,
            BigDecimal repaymentShareOfNetIncome,
            BigDecimal roundingUnit,
            BigDecimal targetMargin) {

        LenderPolicy toPolicy(int version) {
            return new LenderPolicy(
                    policyId,
                    version,
                    name,
                    orEmpty(baseLineByGrade),
                    assetShare,
                    businessIncomeShare,
                    lineCap,
                    termMonths,
                    baseAnnualRate,
                    orEmpty(rateDiscountByGrade),
                    repaymentShareOfNetIncome,
                    roundingUnit,
                    targetMargin);
        }

        private static Map<CreditGrade, BigDecimal> orEmpty(Map<CreditGrade, BigDecimal> map) {
            return map == null ? Map.of() : new EnumMap<>(map);
        }
    }

    public record StoredPolicy(
            String institution, int version, PolicyDocument document, String createdBy, Instant createdAt) {}

    /**
     * The offer with what it was computed from: the household's current rating ({@code ratingId}:
     * its FINAL rating while valid, else its newest; {@code ratingStanding} says which).
     */
    public record Offer(
            String institution,
            UUID householdId,
            UUID ratingId,
            String ratingStanding,
            HouseholdFinances finances,
            CreditLineOffer offer) {}

    /**
     * What a policy offers, without how: the line and the rate only. The steps of the arithmetic
     * name the household's assets and incomes, which a marketing list must not carry.
     */
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

    /**
     * One rated household of a village as the village campaign list (整村授信) may show it: the
     * grade, whether it is a credit household, and what each of the institution's policies offers
     * a credit household (none for the others); never its finances.
     */
    public record VillageOffer(
            UUID householdId, String grade, boolean creditHousehold, String ratingStanding, List<OfferLine> offers) {}

    /** A household's facts and its current rating, what an offer is computed from. */
    private record Rated(HouseholdFactsRecord facts, CurrentRatingRepository.Current rating) {}

    private static final CreditLineCalculator CALCULATOR = new CreditLineCalculator();

    private final LenderPolicyRepository policies;
    private final HouseholdFactsRepository householdFacts;
    private final ObjectMapper json;
    private final Clock clock;
    private final CurrentRatingRepository currentRatings;
    private final Outbox outbox;

    public LenderPolicyService(
            LenderPolicyRepository policies,
            HouseholdFactsRepository householdFacts,
            ObjectMapper json,
            Clock clock,
            CurrentRatingRepository currentRatings,
            Outbox outbox) {
        this.outbox = outbox;
        this.policies = policies;
        this.householdFacts = householdFacts;
        this.json = json;
        this.clock = clock;
        this.currentRatings = currentRatings;
    }

    /**
     * Registers the next version of the institution's policy; an invalid policy is refused with every
     * problem. The version is announced in the same transaction (rating.lender-policy.v1), so the
     * gateway sizes the report's offers from the policies it received.
     */
    @Transactional
    public StoredPolicy register(String institution, PolicyDocument document, String username) {
        int version = policies.lastVersion(institution, document.policyId()) + 1;
        try {
            document.toPolicy(version);
        } catch (LenderPolicy.InvalidPolicyException e) {
            throw ApiException.invalid(e.problems().stream()
                    .map(p -> new Problem.FieldError(p.field(), p.code(), p.args(), null))
                    .toList());
        } catch (NullPointerException e) {
            throw ApiException.invalid("policy", RatingCodes.LENDER_POLICY_VALUE_MISSING);
        }
        Instant now = Instant.now(clock);
        try {
            policies.add(institution, document.policyId(), version, json.writeValueAsString(document), username, now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy cannot be written", e);
        }
        LenderPolicyRegistered announced = announcement(institution, version, document, username, now);
        outbox.record(EventCatalog.LENDER_POLICY_REGISTERED, announced.key(), announced);
        return new StoredPolicy(institution, version, document, username, now);
    }

    private static LenderPolicyRegistered announcement(
            String institution, int version, PolicyDocument document, String username, Instant at) {
        return new LenderPolicyRegistered(
                institution,
                document.policyId(),
                version,
                document.name(),
                byName(document.baseLineByGrade()),
                document.assetShare(),
                document.businessIncomeShare(),
                document.lineCap(),
                document.termMonths(),
                document.baseAnnualRate(),
                byName(document.rateDiscountByGrade()),
                document.repaymentShareOfNetIncome(),
                document.roundingUnit(),
                document.targetMargin(),
                username,
                at);
    }

    private static Map<String, BigDecimal> byName(Map<CreditGrade, BigDecimal> byGrade) {
        Map<String, BigDecimal> named = new LinkedHashMap<>();
        if (byGrade != null) {
            byGrade.forEach((grade, value) -> named.put(grade.name(), value));
        }
        return named;
    }

    /** One version of one of the institution's policies. */
    @Transactional
    public StoredPolicy find(String institution, String policyId, int version) {
        return policies.find(institution, policyId, version)
                .map(this::stored)
                .orElseThrow(() -> ApiException.of(RatingCodes.LENDER_POLICY_NOT_FOUND, institution, policyId));
    }

    /** Newest version of each policy, of one institution or (null) of all. */
    @Transactional
    public List<StoredPolicy> latest(String institutionOrNull) {
        return policies.latest(institutionOrNull).stream().map(this::stored).toList();
    }

    private StoredPolicy stored(LenderPolicyRepository.Row r) {
        try {
            return new StoredPolicy(
                    r.institution(),
                    r.version(),
                    json.readValue(r.document(), PolicyDocument.class),
                    r.createdBy(),
                    r.createdAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy cannot be read", e);
        }
    }

    /**
     * The newest version of one named policy of an institution, for its pricing terms (the
     * platform's default policy as institution {@code default}).
     */
    @Transactional
    public Optional<LenderPolicy> named(String institution, String policyId) {
        if (PLATFORM.equals(institution)) {
            return Optional.of(DefaultLenderPolicy.POLICY).filter(p -> p.id().equals(policyId));
        }
        return latest(institution).stream()
                .filter(p -> p.document().policyId().equals(policyId))
                .findFirst()
                .map(p -> p.document().toPolicy(p.version()));
    }

    private LenderPolicy policy(String institution, String policyId) {
        if (PLATFORM.equals(institution)) {
            return DefaultLenderPolicy.POLICY;
        }
        List<StoredPolicy> policies = latest(institution).stream()
                .filter(p -> policyId == null || p.document().policyId().equals(policyId))
                .toList();
        if (policies.isEmpty()) {
            throw policyId == null
                    ? ApiException.of(RatingCodes.LENDER_POLICY_NONE, institution)
                    : ApiException.of(RatingCodes.LENDER_POLICY_NOT_FOUND, institution, policyId);
        }
        if (policies.size() > 1) {
            throw ApiException.invalid("policy", RatingCodes.LENDER_POLICY_SEVERAL, institution);
        }
        return policies.get(0).document().toPolicy(policies.get(0).version());
    }

    /** What the institution's policy offers the household, from its current rating and facts, with the arithmetic. */
    @Transactional
    public Offer offer(String institution, String policyId, UUID householdId) {
        LenderPolicy policy = policy(institution, policyId);
        Rated facts = rated(householdId);
        return offer(institution, policy, facts);
    }

    /**
     * What each of the institution's policies offers the household; the platform's default policy
     * (institution "default") when the institution has registered none. The report and the village
     * campaign list show these: a lender with several products sees the offer of each.
     */
    @Transactional
    public List<Offer> offers(String institution, UUID householdId) {
        Rated facts = rated(householdId);
        List<StoredPolicy> stored = PLATFORM.equals(institution) ? List.of() : latest(institution);
        if (stored.isEmpty()) {
            return List.of(offer(PLATFORM, DefaultLenderPolicy.POLICY, facts));
        }
        return stored.stream()
                .map(p -> offer(institution, p.document().toPolicy(p.version()), facts))
                .toList();
    }

    /**
     * Every rated household of a village with the offers of the institution's policies (the
     * platform's default policy when it has none) for its credit households: one answer for the
     * whole village list instead of a call per household.
     */
    @Transactional
    public List<VillageOffer> villageOffers(String institution, String villageCode) {
        Map<UUID, CurrentRatingRepository.Current> ratings =
                currentRatings.ofVillage(villageCode, LocalDate.now(clock));
        List<StoredPolicy> stored = PLATFORM.equals(institution) ? List.of() : latest(institution);
        String offeredBy = stored.isEmpty() ? PLATFORM : institution;
        List<LenderPolicy> policies = stored.isEmpty()
                ? List.of(DefaultLenderPolicy.POLICY)
                : stored.stream().map(p -> p.document().toPolicy(p.version())).toList();
        List<VillageOffer> answer = new ArrayList<>();
        for (HouseholdFactsRecord facts : currentRatings.factsOfVillage(villageCode)) {
            CurrentRatingRepository.Current rating = ratings.get(facts.householdId);
            if (rating == null) {
                continue;
            }
            Rated rated = new Rated(facts, rating);
            List<OfferLine> lines = rating.creditHousehold()
                    ? policies.stream()
                            .map(p -> OfferLine.of(offer(offeredBy, p, rated)))
                            .toList()
                    : List.of();
            answer.add(new VillageOffer(
                    facts.householdId,
                    rating.grade(),
                    rating.creditHousehold(),
                    rating.standing().name(),
                    lines));
        }
        return answer;
    }

    private Rated rated(UUID householdId) {
        HouseholdFactsRecord facts = householdFacts.find(householdId);
        CurrentRatingRepository.Current rating = facts == null
                ? null
                : currentRatings.of(householdId, LocalDate.now(clock)).orElse(null);
        if (rating == null) {
            throw ApiException.of(RatingCodes.HOUSEHOLD_NOT_RATED, householdId);
        }
        return new Rated(facts, rating);
    }

    private static Offer offer(String institution, LenderPolicy policy, Rated rated) {
        HouseholdFactsRecord facts = rated.facts();
        HouseholdChanged f = facts.facts;
        HouseholdFinances finances = HouseholdFinances.of(
                rated.rating().grade(),
                rated.rating().creditHousehold(),
                f.assets() == null ? 0 : f.assets().total(),
                f.income() == null ? 0 : f.income().businessIncome(),
                f.income() == null ? 0 : f.income().netIncome());
        return new Offer(
                institution,
                facts.householdId,
                rated.rating().ratingId(),
                rated.rating().standing().name(),
                finances,
                CALCULATOR.offer(policy, finances));
    }
}
