package org.ruralcredit.rating.domain.division;

/** A county's aggregates for 信用县 rating: its administrative villages and how many are credit villages. */
public record CountyFigures(String divisionCode, int administrativeVillages, int creditVillages)
        implements DivisionFigures {

    public CountyFigures {
        VillageCounts.check(administrativeVillages, creditVillages);
    }

    @Override
    public DivisionLevel level() {
        return DivisionLevel.COUNTY;
    }

    @Override
    public Measurement measure(Measure measure) {
        if (measure != Measure.CREDIT_VILLAGE_SHARE) {
            throw new IllegalArgumentException(measure + " is not measured for a county");
        }
        return VillageCounts.creditVillageShare(administrativeVillages, creditVillages);
    }
}
