package org.ruralcredit.rating.domain.division;

/** The credit-village share shared by township and county figures. */
final class VillageCounts {

    private VillageCounts() {}

    static void check(int administrativeVillages, int creditVillages) {
        if (administrativeVillages < 0 || creditVillages < 0 || creditVillages > administrativeVillages) {
            throw new IllegalArgumentException("need 0 <= credit villages <= administrative villages, got "
                    + creditVillages + " of " + administrativeVillages);
        }
    }

    static Measurement creditVillageShare(int administrativeVillages, int creditVillages) {
        if (administrativeVillages == 0) {
            return new Measurement.NotMeasurable("no administrative villages: 无行政村");
        }
        return new Measurement.Measured(Percentage.of(creditVillages, administrativeVillages));
    }
}
