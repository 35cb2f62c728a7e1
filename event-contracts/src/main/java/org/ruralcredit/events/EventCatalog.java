package org.ruralcredit.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.events.rating.HouseholdRated;
import org.ruralcredit.events.rating.LenderPolicyRegistered;
import org.ruralcredit.events.rating.TownshipRated;
import org.ruralcredit.events.rating.VillageRated;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.events.registry.VillageProfileChanged;
import org.ruralcredit.events.sme.EnterpriseChanged;

/** Every event type of the platform, in one place, so a consumer cannot accept a type nobody defined. */
public final class EventCatalog {

    public static final EventType<VillageProfileChanged> VILLAGE_PROFILE_CHANGED =
            new EventType<>("registry.village-profile-changed", "registry.village.v1", VillageProfileChanged.class);

    public static final EventType<HouseholdChanged> HOUSEHOLD_CHANGED = new EventType<>(
            "registry.household-changed",
            "registry.household.v1",
            HouseholdChanged.class,
            List.of("identity", "updatedAt"));

    public static final EventType<HouseholdRated> HOUSEHOLD_RATED = new EventType<>(
            "rating.household-rated",
            "rating.household.v1",
            HouseholdRated.class,
            List.of("reasonDetails", "validUntil", "currentRatingId"));

    public static final EventType<VillageRated> VILLAGE_RATED =
            new EventType<>("rating.village-rated", "rating.village.v1", VillageRated.class);

    public static final EventType<TownshipRated> TOWNSHIP_RATED =
            new EventType<>("rating.township-rated", "rating.township.v1", TownshipRated.class);

    /** A lender's policy version, keyed institution/policyId on a compacted topic (the newest of each stays). */
    public static final EventType<LenderPolicyRegistered> LENDER_POLICY_REGISTERED =
            new EventType<>("rating.lender-policy-registered", "rating.lender-policy.v1", LenderPolicyRegistered.class);

    public static final EventType<MoralityPointsChanged> MORALITY_POINTS_CHANGED = new EventType<>(
            "morality.points-changed",
            "morality.points.v1",
            MoralityPointsChanged.class,
            List.of("status", "recentEntries"));

    public static final EventType<EnterpriseChanged> SME_ENTERPRISE_CHANGED =
            new EventType<>("sme.enterprise-changed", "sme.enterprise.v1", EnterpriseChanged.class);

    public static final EventType<LoanChanged> LOAN_CHANGED = new EventType<>(
            "lending.loan-changed", "lending.loan.v1", LoanChanged.class, List.of("householdId", "maliciousDefault"));

    private static final Map<String, EventType<?>> BY_NAME = List.<EventType<?>>of(
                    VILLAGE_PROFILE_CHANGED,
                    HOUSEHOLD_CHANGED,
                    HOUSEHOLD_RATED,
                    VILLAGE_RATED,
                    TOWNSHIP_RATED,
                    LENDER_POLICY_REGISTERED,
                    MORALITY_POINTS_CHANGED,
                    SME_ENTERPRISE_CHANGED,
                    LOAN_CHANGED)
            .stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventCatalog() {}

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<EventType<?>> all() {
        return List.copyOf(BY_NAME.values());
    }
}
