package org.ruralcredit.sme.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ruralcredit.sme.domain.AwardRules.Decision;
import org.ruralcredit.sme.domain.AwardRules.Fact;
import org.ruralcredit.sme.domain.AwardRules.Reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwardRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    private static AwardRules.Verdict check(List<Fact> facts, List<Decision> decisions, AwardRules.RuleSet rules) {
        return AwardRules.check(true, facts, decisions, rules, TODAY, 4, 2);
    }

    @Test
    void cleanFirmPasses() {
        AwardRules.Verdict v = check(
                List.of(
                        new Fact(
                                FeedSource.MARKET_REGULATION,
                                LocalDate.of(2026, 6, 30),
                                Map.of(
                                        "registrationStatus",
                                        "ACTIVE",
                                        "abnormalListed",
                                        false,
                                        "annualReportFiled",
                                        true)),
                        new Fact(FeedSource.TAX, LocalDate.of(2026, 3, 31), Map.of("creditGrade", "A", "arrears", 0))),
                List.of(),
                AwardRules.CONTRACT_ABIDING);
        assertTrue(v.passed());
        assertEquals(List.of(), v.reasons());
    }

    @Test
    void disqualifyingFactsInsideTheLookBackFail() {
        AwardRules.Verdict v = check(
                List.of(
                        new Fact(
                                FeedSource.TAX, LocalDate.of(2025, 12, 31), Map.of("creditGrade", "D", "arrears", 500)),
                        new Fact(FeedSource.COURTS, LocalDate.of(2026, 1, 31), Map.of("dishonestDebtor", true)),
                        new Fact(
                                FeedSource.MARKET_REGULATION,
                                LocalDate.of(2025, 6, 30),
                                Map.of(
                                        "registrationStatus",
                                        "ACTIVE",
                                        "abnormalListed",
                                        true,
                                        "annualReportFiled",
                                        false))),
                List.of(),
                AwardRules.CONTRACT_ABIDING);
        assertEquals(List.of(Reason.ABNORMAL_LISTING, Reason.TAX_GRADE_D, Reason.DISHONEST_DEBTOR), v.reasons());
        // arrears disqualify only for 诚信之星
        assertTrue(check(
                        List.of(new Fact(
                                FeedSource.TAX,
                                LocalDate.of(2025, 12, 31),
                                Map.of("creditGrade", "B", "arrears", 500))),
                        List.of(),
                        AwardRules.INTEGRITY_STAR)
                .reasons()
                .contains(Reason.TAX_ARREARS));
        assertTrue(check(
                        List.of(new Fact(
                                FeedSource.TAX,
                                LocalDate.of(2025, 12, 31),
                                Map.of("creditGrade", "B", "arrears", 500))),
                        List.of(),
                        AwardRules.CONTRACT_ABIDING)
                .passed());
    }

    @Test
    void oldFactsOutsideTheLookBackDoNotCount() {
        Fact oldListing = new Fact(
                FeedSource.MARKET_REGULATION,
                LocalDate.of(2024, 6, 30),
                Map.of("registrationStatus", "ACTIVE", "abnormalListed", true, "annualReportFiled", true));
        assertTrue(
                check(List.of(oldListing), List.of(), AwardRules.CONTRACT_ABIDING)
                        .passed(),
                "2 years back");
        assertEquals(
                List.of(Reason.ABNORMAL_LISTING),
                check(List.of(oldListing), List.of(), AwardRules.INTEGRITY_STAR).reasons(),
                "3 years back");
        // a quality violation counts from its own date, not the feed's
        Fact violation = new Fact(
                FeedSource.QUALITY,
                LocalDate.of(2026, 9, 30),
                Map.of("violations", 1, "lastViolationOn", "2023-05-01"));
        assertTrue(
                check(List.of(violation), List.of(), AwardRules.INTEGRITY_STAR).passed());
    }

    @Test
    void coolingOffAfterRevocationAndWithdrawal() {
        AwardRules.RuleSet rules = AwardRules.CONTRACT_ABIDING;
        assertEquals(
                List.of(Reason.COOLING_OFF_REVOKED),
                check(List.of(), List.of(new Decision("CONTRACT_ABIDING", "REVOKED", LocalDate.of(2022, 11, 2))), rules)
                        .reasons());
        assertTrue(
                check(List.of(), List.of(new Decision("CONTRACT_ABIDING", "REVOKED", LocalDate.of(2022, 11, 1))), rules)
                        .passed(),
                "four full years have passed");
        assertEquals(
                List.of(Reason.COOLING_OFF_WITHDRAWN),
                check(
                                List.of(),
                                List.of(new Decision("CONTRACT_ABIDING", "WITHDRAWN", LocalDate.of(2025, 1, 1))),
                                rules)
                        .reasons());
        assertTrue(check(
                        List.of(),
                        List.of(new Decision("CONTRACT_ABIDING", "WITHDRAWN", LocalDate.of(2024, 10, 1))),
                        rules)
                .passed());
        assertTrue(
                check(List.of(), List.of(new Decision("INTEGRITY_STAR", "REVOKED", LocalDate.of(2026, 1, 1))), rules)
                        .passed(),
                "another programme's revocation does not bar this one");
    }

    @Test
    void customRulesDisqualifyOnlyOnTheNamedFacts() {
        AwardRules.RuleSet courtsOnly = new AwardRules.RuleSet("县级示范社", 1, EnumSet.of(Reason.DISHONEST_DEBTOR));
        List<Fact> facts = List.of(
                new Fact(FeedSource.TAX, LocalDate.of(2026, 3, 31), Map.of("creditGrade", "D", "arrears", 0)),
                new Fact(FeedSource.COURTS, LocalDate.of(2025, 6, 30), Map.of("dishonestDebtor", true)));
        assertTrue(check(facts, List.of(), courtsOnly).passed(), "grade D not named, court listing too old");
        assertEquals(
                List.of(Reason.NOT_ARCHIVED),
                AwardRules.check(false, List.of(), List.of(), courtsOnly, TODAY, 4, 2)
                        .reasons());
    }
}
