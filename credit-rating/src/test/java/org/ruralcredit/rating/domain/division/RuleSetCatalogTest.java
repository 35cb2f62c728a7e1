package org.ruralcredit.rating.domain.division;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleSetCatalogTest {

    @Test
    void everyLevelHasItsDefault() {
        assertEquals(
                "village-default",
                RuleSetCatalog.defaultFor(DivisionLevel.VILLAGE).id());
        assertEquals(
                "township-default",
                RuleSetCatalog.defaultFor(DivisionLevel.TOWNSHIP).id());
        assertEquals(
                "county-default",
                RuleSetCatalog.defaultFor(DivisionLevel.COUNTY).id());
    }

    @Test
    void aRuleSetIsFoundByIdAndVersion() {
        RuleSet regional = RuleSetCatalog.find("village-regional-50-90-3", 1).orElseThrow();
        assertEquals(new BigDecimal("50"), regional.criteria().get(0).threshold());
        assertEquals(new BigDecimal("3"), regional.criteria().get(2).threshold());
        // without a version: the newest (2, reading 以上 / 以下 as including the number)
        assertEquals(
                RuleSetCatalog.find("village-regional-50-90-3", 2).orElseThrow(),
                RuleSetCatalog.find("village-regional-50-90-3", null).orElseThrow());
        assertTrue(RuleSetCatalog.find("village-regional-50-90-3", 3).isEmpty());
        assertTrue(RuleSetCatalog.find("no-such-set", null).isEmpty());
    }
}
