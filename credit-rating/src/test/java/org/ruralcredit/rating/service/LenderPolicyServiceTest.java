package org.ruralcredit.rating.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.creditline.CreditGrade;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.events.rating.LenderPolicyRegistered;
import org.ruralcredit.rating.Fixtures;
import org.ruralcredit.rating.domain.pricing.MinimumRate;
import org.ruralcredit.testing.StandInCaller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lender policies and the prices they set, through the services against PostgreSQL only: versions
 * of a policy, the offer computed from the newest one and the household's current rating, and
 * the pricing margin a named policy gives to its own institution only.
 */
@QuarkusTest
@TestProfile(PostgresOnlyProfile.class)
class LenderPolicyServiceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    LenderPolicyService policies;

    @Inject
    EntityManager em;

    @Inject
    PricingService pricing;

    /** An institution of this run only, so its policies are exactly those the test registers. */
    private static String institution() {
        return "PG-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static LenderPolicyService.PolicyDocument policy(
            String id, BigDecimal aaDiscount, BigDecimal assetShare, int termMonths) {
        return new LenderPolicyService.PolicyDocument(
                id,
                "丰收贷",
                Map.of(
                        CreditGrade.AAA, new BigDecimal("60000"),
                        CreditGrade.AA, new BigDecimal("50000"),
                        CreditGrade.A, new BigDecimal("30000")),
                assetShare,
                new BigDecimal("0.10"),
                new BigDecimal("100000"),
                termMonths,
                new BigDecimal("0.08"),
                Map.of(CreditGrade.AAA, new BigDecimal("0.10"), CreditGrade.AA, aaDiscount),
                new BigDecimal("0.5"),
                new BigDecimal("1000"),
                new BigDecimal("0.03"));
    }

    /** A lender's officer of {@code institution} as the token would describe them. */
    private static Caller lender(String institution) {
        return new StandInCaller("loan-officer", null, institution, Set.of(Role.LENDER));
    }

    @Test
    void theNewestVersionOfAPolicyPricesTheHouseholdsCurrentRating() {
        String bank = institution();
        assertEquals(
                1,
                policies.register(
                                bank,
                                policy("harvest", new BigDecimal("0.05"), new BigDecimal("0.05"), 12),
                                "loan-officer")
                        .version());
        assertEquals(
                2,
                policies.register(
                                bank,
                                policy("harvest", new BigDecimal("0.10"), new BigDecimal("0.05"), 12),
                                "loan-officer")
                        .version());

        // an invalid version is refused with every problem, and nothing is stored
        ApiException refused = assertThrows(
                ApiException.class,
                () -> policies.register(
                        bank, policy("harvest", new BigDecimal("0.05"), new BigDecimal("1.5"), 0), "loan-officer"));
        assertEquals(
                List.of("assetShare", "termMonths"),
                refused.problem().errors().stream()
                        .map(Problem.FieldError::field)
                        .sorted()
                        .toList());
        List<LenderPolicyService.StoredPolicy> stored = policies.latest(bank);
        assertEquals(1, stored.size());
        assertEquals(2, stored.get(0).version());
        assertEquals(
                new BigDecimal("0.05"),
                policies.find(bank, "harvest", 1)
                        .document()
                        .rateDiscountByGrade()
                        .get(CreditGrade.AA));

        // an AA household: 50,000 + 5% × 600,000 + 10% × 170,000 = 97,000, but 50% of a net income of
        // 140,000 a year repays 67,xxx over 12 months: 67,000 at 8% less version 2's 10% discount
        UUID household = fixtures.household(fixtures.freshVillage(10), true, null);
        LenderPolicyService.Offer offer = policies.offer(bank, "harvest", household);
        assertEquals(2, offer.offer().policyVersion());
        assertEquals(CreditGrade.AA, offer.offer().grade());
        assertEquals(0, new BigDecimal("67000").compareTo(offer.offer().creditLine()));
        assertEquals(
                0, new BigDecimal("0.072").compareTo(offer.offer().annualRate().orElseThrow()));
        assertEquals(1, policies.offers(bank, household).size());
        // an institution without a policy is offered the platform's: 80,000 + 60,000 + 51,000 at 5.4%
        List<LenderPolicyService.Offer> fallback = policies.offers(institution(), household);
        assertEquals(LenderPolicyService.PLATFORM, fallback.get(0).institution());
        assertEquals(
                0, new BigDecimal("191000").compareTo(fallback.get(0).offer().creditLine()));
        assertEquals(
                RatingCodes.LENDER_POLICY_NOT_FOUND.code(),
                assertThrows(ApiException.class, () -> policies.offer(bank, "other", household))
                        .problem()
                        .code());
    }

    @Test
    void registeringAPolicyAnnouncesItsVersionThroughTheOutbox() {
        String bank = institution();
        policies.register(bank, policy("harvest", new BigDecimal("0.05"), new BigDecimal("0.05"), 12), "loan-officer");
        policies.register(bank, policy("harvest", new BigDecimal("0.10"), new BigDecimal("0.05"), 12), "loan-officer");

        // keyed institution/policyId (the compacted topic keeps each policy's newest version), in order
        List<?> payloads = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("SELECT payload FROM outbox_event WHERE aggregate_id = ?1 ORDER BY id")
                        .setParameter(1, bank + "/harvest")
                        .getResultList());
        assertEquals(2, payloads.size());
        EventEnvelope<?> newest = EventCodec.decode((String) payloads.get(1));
        assertEquals(EventCatalog.LENDER_POLICY_REGISTERED.name(), newest.type());
        LenderPolicyRegistered announced = newest.dataAs(EventCatalog.LENDER_POLICY_REGISTERED);
        assertEquals(bank, announced.institution());
        assertEquals("harvest", announced.policyId());
        assertEquals(2, announced.version());
        assertEquals("丰收贷", announced.name());
        assertEquals(new BigDecimal("50000"), announced.baseLineByGrade().get("AA"));
        assertEquals(new BigDecimal("0.10"), announced.rateDiscountByGrade().get("AA"));
        assertEquals(12, announced.termMonths());
        assertEquals(new BigDecimal("0.03"), announced.targetMargin());
        assertEquals("loan-officer", announced.registeredBy());

        // a refused policy announces nothing
        assertThrows(
                ApiException.class,
                () -> policies.register(
                        bank, policy("harvest", new BigDecimal("0.05"), new BigDecimal("1.5"), 0), "loan-officer"));
        assertEquals(
                2L,
                QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) em.createNativeQuery(
                                                "SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1")
                                        .setParameter(1, bank + "/harvest")
                                        .getSingleResult())
                                .longValue()));
    }

    @Test
    void aNamedPolicyGivesItsMarginToItsOwnInstitutionOnly() {
        String bank = institution();
        policies.register(bank, policy("harvest", new BigDecimal("0.05"), new BigDecimal("0.05"), 12), "loan-officer");
        BigDecimal odds = new BigDecimal("20");

        PricingService.MinimumRateAnswer own = pricing.minimumRate(lender(bank), odds, null, "harvest", null);
        assertEquals(bank, own.institution());
        assertEquals(1, own.policyVersion());
        assertEquals(0, new BigDecimal("0.03").compareTo(own.margin()));
        assertEquals(MinimumRate.forOdds(odds, new BigDecimal("0.03")), own.minimumRate());
        assertTrue(own.minimumRate().compareTo(MinimumRate.forOdds(odds, new BigDecimal("0.02"))) > 0);

        ApiException other = assertThrows(
                ApiException.class, () -> pricing.minimumRate(lender("OTHER-BANK"), odds, null, "harvest", bank));
        assertEquals(
                RatingCodes.POLICY_OF_OTHER_INSTITUTION.code(), other.problem().code());
        // the platform's default policy any lender may name
        assertEquals(
                LenderPolicyService.PLATFORM,
                pricing.minimumRate(lender("OTHER-BANK"), odds, null, "default", LenderPolicyService.PLATFORM)
                        .institution());
    }
}
