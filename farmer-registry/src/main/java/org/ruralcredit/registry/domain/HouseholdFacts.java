package org.ruralcredit.registry.domain;

import java.util.List;

import org.ruralcredit.importfile.HouseholdFile;

/** The fact groups of a file, stored together as one JSON document. */
public record HouseholdFacts(
        HouseholdFile.Production production,
        HouseholdFile.Land land,
        HouseholdFile.Assets assets,
        HouseholdFile.IncomeAndExpenses income,
        HouseholdFile.Liabilities liabilities,
        HouseholdFile.Social social,
        List<HouseholdFile.PublicOrderFact> publicOrder) {

    public static HouseholdFacts of(HouseholdFile file) {
        return new HouseholdFacts(
                file.production(),
                file.land(),
                file.assets(),
                file.income(),
                file.liabilities(),
                file.social(),
                file.publicOrder());
    }
}
