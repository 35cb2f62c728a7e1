package org.ruralcredit.rating.domain.division;

/**
 * A village's aggregates for 信用村 rating. {@code householdsInProfile} is the total of the
 * village profile — every household of the village, not only those with a credit file — so a
 * village cannot pass by filing only its best households.
 */
public record VillageFigures(String divisionCode, int householdsInProfile, int creditHouseholds, LendingFigures lending)
        implements DivisionFigures {

    public VillageFigures {
        if (householdsInProfile < 0 || creditHouseholds < 0 || creditHouseholds > householdsInProfile) {
            throw new IllegalArgumentException("need 0 <= credit households <= households in profile, got "
                    + creditHouseholds + " of " + householdsInProfile + " (is the village profile stale?)");
        }
    }

    @Override
    public DivisionLevel level() {
        return DivisionLevel.VILLAGE;
    }

    @Override
    public Measurement measure(Measure measure) {
        return switch (measure) {
            case CREDIT_HOUSEHOLD_SHARE ->
                householdsInProfile == 0
                        ? new Measurement.NotMeasurable("village profile has no households: 村情档案农户数为0")
                        : new Measurement.Measured(Percentage.of(creditHouseholds, householdsInProfile));
            case BORROWERS_WITHOUT_OVERDUE_SHARE -> lending.borrowersWithoutOverdueShare();
            case NPL_RATIO -> lending.nplRatio();
            case NPL_RATIO_GROWTH -> lending.nplRatioGrowth();
            case CREDIT_VILLAGE_SHARE -> throw new IllegalArgumentException(measure + " is not measured for a village");
        };
    }
}
