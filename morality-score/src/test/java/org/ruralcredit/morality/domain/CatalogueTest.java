package org.ruralcredit.morality.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.codes.MoralityCodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueTest {

    private final Catalogue v1 = DefaultCatalogue.v1();

    @Test
    void defaultCatalogueIsValidWithSixteenRulesThreeVetoesAndCapsOf100() {
        assertEquals(List.of(), v1.violations());
        assertEquals(16, v1.rules().size());
        assertEquals(3, v1.vetoes().size());
        assertEquals(36, v1.standard("LAW_AND_CIVILITY").orElseThrow().cap());
    }

    @Test
    void baseScoreIsSplitByCapsInWholePointsAddingUpToTheBase() {
        Map<String, Integer> shares = v1.baseShares();
        assertEquals(
                Map.of(
                        "LAW_AND_CIVILITY",
                        22,
                        "PUBLIC_SPIRIT",
                        13,
                        "HONESTY_AND_INDUSTRY",
                        13,
                        "FAMILY_AND_NEIGHBOURS",
                        12),
                shares);
        assertEquals(60, shares.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void creditLineFollowsTheHighestBandReachedAndNothingWhenVetoed() {
        assertEquals(0, v1.creditLine(79, false));
        assertEquals(30_000, v1.creditLine(80, false));
        assertEquals(50_000, v1.creditLine(94, false));
        assertEquals(100_000, v1.creditLine(100, false));
        assertEquals(0, v1.creditLine(100, true));
    }

    @Test
    void capsNotAddingUpTo100AreRefused() {
        List<Catalogue.Standard> standards = new ArrayList<>(v1.standards());
        standards.set(1, new Catalogue.Standard("PUBLIC_SPIRIT", "热心公益·支持发展", "Public-spirited", 30));
        Catalogue bad =
                new Catalogue(2, v1.effectiveFrom(), 60, 80, 95, standards, v1.rules(), v1.vetoes(), v1.creditBands());

        assertTrue(
                bad.violations().contains(Catalogue.Violation.of("standards", MoralityCodes.CATALOGUE_CAPS_TOTAL, 100)),
                bad.violations().toString());
        assertTrue(
                bad.violations().stream().anyMatch(v -> v.english().equals("caps must add up to 100")),
                bad.violations().toString());
    }

    @Test
    void duplicateCodesUnknownStandardsAndFallingBandsAreEachNamed() {
        List<Catalogue.DeedRule> rules = new ArrayList<>(v1.rules());
        rules.add(new Catalogue.DeedRule("L01", "LAW_AND_CIVILITY", "重复", "Duplicate", 2, false, null));
        rules.add(new Catalogue.DeedRule("X01", "SPORTS", "体育", "Sports", 2, false, null));
        Catalogue bad = new Catalogue(
                2,
                v1.effectiveFrom(),
                60,
                80,
                95,
                v1.standards(),
                rules,
                v1.vetoes(),
                List.of(new Catalogue.CreditBand(90, 50_000), new Catalogue.CreditBand(85, 30_000)));

        List<String> fields =
                bad.violations().stream().map(Catalogue.Violation::field).toList();
        assertTrue(fields.contains("rules[16].code"), fields.toString());
        assertTrue(fields.contains("rules[17].standardCode"), fields.toString());
        assertTrue(fields.contains("creditBands[1]"), fields.toString());
    }
}
