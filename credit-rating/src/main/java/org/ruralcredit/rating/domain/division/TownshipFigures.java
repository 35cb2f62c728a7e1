package org.ruralcredit.rating.domain.division;

/** A township's aggregates for 信用乡镇 rating: its villages and its borrowers' loans. */
public record TownshipFigures(
        String divisionCode, int administrativeVillages, int creditVillages, LendingFigures lending)
        implements DivisionFigures {

    public TownshipFigures {
        VillageCounts.check(administrativeVillages, creditVillages);
    }

    @Override
    public DivisionLevel level() {
        return DivisionLevel.TOWNSHIP;
    }

    @Override
    public Measurement measure(Measure measure) {
        return switch (measure) {
            case CREDIT_VILLAGE_SHARE -> VillageCounts.creditVillageShare(administrativeVillages, creditVillages);
            case BORROWERS_WITHOUT_OVERDUE_SHARE -> lending.borrowersWithoutOverdueShare();
            case NPL_RATIO -> lending.nplRatio();
            case NPL_RATIO_GROWTH -> lending.nplRatioGrowth();
            case CREDIT_HOUSEHOLD_SHARE ->
                throw new IllegalArgumentException(measure + " is not measured for a township");
        };
    }
}
