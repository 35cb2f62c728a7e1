package org.ruralcredit.rating.domain.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.ruralcredit.events.registry.HouseholdChanged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorecardTest {

    static final ScorecardModel DEFAULT = ScorecardDocuments.readResource("scorecards/household-default-v1.json");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 1);

    /** A trading household of four: strong assets and income, no loan record, moral bank and panel not yet known. */
    static HouseholdChanged strongHousehold(List<HouseholdChanged.PublicOrderFact> publicOrder) {
        return new HouseholdChanged(
                "h-1",
                "330281100202",
                "330281100",
                "330281",
                "ACTIVE",
                null,
                1,
                new HouseholdChanged.Head(45, "M", "SENIOR_HIGH", "HEALTHY", "FULL"),
                4,
                2,
                30,
                new HouseholdChanged.Production("TRADE", new BigDecimal("1"), "店", 12, true, AS_OF, "入户调查"),
                null,
                new HouseholdChanged.Assets(400_000, 50_000, 100_000, 0, 50_000, AS_OF, "入户调查"),
                new HouseholdChanged.IncomeAndExpenses(170_000, 25_000, 5_000, 30_000, 30_000, AS_OF, "入户调查"),
                new HouseholdChanged.Liabilities(50_000, 0, 0, AS_OF, "农商行"),
                new HouseholdChanged.Social(false, false, false, 3, AS_OF, "村委会"),
                publicOrder,
                null,
                null);
    }

    @Test
    void defaultModelIsValid() {
        assertEquals(List.of(), ScorecardModelValidator.validate(DEFAULT));
        assertEquals(100, DEFAULT.maxPoints());
    }

    @Test
    void strongHouseholdScoresByHand() {
        // basic 5+4+3+3=15; production 5+5+5=15; net assets 550,000 → 10, debt/assets 50k/600k=0.083 → 10;
        // net income (200k−60k)/4 = 35,000 → 8, debt/net income 50k/140k = 0.36 → 10;
        // no loan record: overdue 7 (missing), on-time 3 (missing); moral 3 and panel 2 (missing);
        // welfare 3 → 3, no violations → 2. Total 15+15+20+18+10+10 = 88.
        ScoreResult result = Scorecard.score(
                DEFAULT,
                HouseholdInputs.fromRegistry(strongHousehold(List.of()), TODAY).build());

        assertEquals(88, result.totalPoints());
        assertEquals("AAA", result.grade());
        assertTrue(result.creditHousehold());
        assertEquals(
                List.of("overdue-5y", "moral-points", "net-income-per-capita"),
                result.reasons().stream().map(ScoreResult.Reason::indicator).toList());
        assertEquals(
                List.of(3, 3, 2),
                result.reasons().stream().map(ScoreResult.Reason::pointsLost).toList());
        ScoreResult.IndicatorScore moral = result.indicators().stream()
                .filter(i -> i.code().equals("moral-points"))
                .findFirst()
                .get();
        assertTrue(moral.missing());
        assertEquals(AS_OF, result.inputsAsOf().get("assets"));
        assertEquals("household-default", result.modelCode());
    }

    @Test
    void theLoanRecordReplacesTheMissingPoints() {
        LocalDate reported = LocalDate.of(2026, 10, 9);
        ScorecardInputs.Builder clean = HouseholdInputs.fromRegistry(strongHousehold(List.of()), TODAY);
        ScoreResult repaid = Scorecard.score(
                DEFAULT,
                HouseholdInputs.withLoanRecord(clean, new LoanRecord(2, 0, false, reported))
                        .build());
        // overdue 7 → 10 (none overdue), on-time 3 → 5 (share 1.0): 88 + 3 + 2
        assertEquals(93, repaid.totalPoints());
        assertEquals(reported, repaid.inputsAsOf().get("loan-record"));

        ScorecardInputs.Builder late = HouseholdInputs.fromRegistry(strongHousehold(List.of()), TODAY);
        ScoreResult once = Scorecard.score(
                DEFAULT,
                HouseholdInputs.withLoanRecord(late, new LoanRecord(2, 1, false, reported))
                        .build());
        // one loan ever overdue: overdue 6; on-time share 0.5 is below 0.8: 0. 88 − 1 − 3
        assertEquals(84, once.totalPoints());
        // the whole on-time indicator is lost (5), more than the overdue count's 4
        assertEquals("on-time-rate", once.reasons().get(0).indicator());
        assertEquals(5, once.reasons().get(0).pointsLost());
    }

    /**
     * v1's on-time indicator was described as instalments paid on time ÷ instalments due, but the
     * input is the share of loans never overdue. v1 is kept as it rated; v2 says what is computed
     * and differs from v1 in nothing else, so it scores every household the same.
     */
    @Test
    void version2OnlyCorrectsTheOnTimeDescription() {
        ScorecardModel v2 = ScorecardDocuments.readResource("scorecards/household-default-v2.json");
        assertEquals(List.of(), ScorecardModelValidator.validate(v2));
        assertEquals(2, v2.version());
        ScorecardModel.Indicator onTime = v2.groups().stream()
                .flatMap(g -> g.indicators().stream())
                .filter(i -> i.code().equals("on-time-rate"))
                .findFirst()
                .orElseThrow();
        assertEquals(Input.ON_TIME_REPAYMENT_RATE, onTime.input());
        assertTrue(onTime.descriptionEn().startsWith("Loans never overdue ÷ loans"), onTime.descriptionEn());
        assertTrue(onTime.descriptionZh().startsWith("从未逾期的贷款笔数 ÷ 贷款笔数"), onTime.descriptionZh());
        assertEquals(withoutOnTimeDescription(DEFAULT), withoutOnTimeDescription(v2));

        LoanRecord once = new LoanRecord(2, 1, false, LocalDate.of(2026, 10, 9));
        for (ScorecardModel model : List.of(DEFAULT, v2)) {
            ScoreResult result = Scorecard.score(
                    model,
                    HouseholdInputs.withLoanRecord(
                                    HouseholdInputs.fromRegistry(strongHousehold(List.of()), TODAY), once)
                            .build());
            assertEquals(84, result.totalPoints());
        }
    }

    /** The model with version 0 and the on-time indicator's descriptions blanked. */
    private static ScorecardModel withoutOnTimeDescription(ScorecardModel m) {
        List<ScorecardModel.Group> groups = m.groups().stream()
                .map(g -> new ScorecardModel.Group(
                        g.code(),
                        g.nameZh(),
                        g.nameEn(),
                        g.indicators().stream()
                                .map(i -> i.code().equals("on-time-rate")
                                        ? new ScorecardModel.Indicator(
                                                i.code(),
                                                i.nameZh(),
                                                i.nameEn(),
                                                "",
                                                "",
                                                i.input(),
                                                i.maxPoints(),
                                                i.missingPoints(),
                                                i.bins())
                                        : i)
                                .toList()))
                .toList();
        return new ScorecardModel(
                m.code(),
                0,
                m.nameZh(),
                m.nameEn(),
                m.maxPoints(),
                groups,
                m.vetoes(),
                m.gradeBands(),
                m.lowestCreditGrade(),
                m.scaling());
    }

    @Test
    void aLoanRecordCannotCountMoreOverdueLoansThanLoans() {
        assertThrows(IllegalArgumentException.class, () -> new LoanRecord(1, 2, false, TODAY));
        assertThrows(IllegalArgumentException.class, () -> new LoanRecord(0, 0, false, TODAY));
    }

    @Test
    void aVetoOverridesTheScore() {
        HouseholdChanged listed = strongHousehold(List.of(
                new HouseholdChanged.PublicOrderFact("DISHONEST_DEBTOR", LocalDate.of(2024, 1, 5), "余姚市人民法院", true)));
        ScoreResult result = Scorecard.score(
                DEFAULT, HouseholdInputs.fromRegistry(listed, TODAY).build());

        assertEquals(88, result.totalPoints(), "a dishonest-debtor listing is a veto, not a violation count");
        assertFalse(result.creditHousehold());
        assertEquals(Set.of(Veto.DISHONEST_DEBTOR), result.vetoesHit());
    }

    @Test
    void factsFoundFalseOnReviewVetoWithinThreeYearsAndAreNoViolation() {
        HouseholdChanged caught = strongHousehold(List.of(
                new HouseholdChanged.PublicOrderFact("FALSE_INFORMATION", LocalDate.of(2025, 3, 2), "评议小组核实", false)));
        ScoreResult result = Scorecard.score(
                DEFAULT, HouseholdInputs.fromRegistry(caught, TODAY).build());
        assertEquals(Set.of(Veto.FACTS_FOUND_FALSE), result.vetoesHit());
        assertFalse(result.creditHousehold());
        assertEquals(88, result.totalPoints(), "a veto, not a counted violation");

        HouseholdChanged longAgo = strongHousehold(List.of(
                new HouseholdChanged.PublicOrderFact("FALSE_INFORMATION", LocalDate.of(2023, 11, 1), "评议小组核实", false)));
        assertTrue(Scorecard.score(
                        DEFAULT, HouseholdInputs.fromRegistry(longAgo, TODAY).build())
                .creditHousehold());
    }

    @Test
    void aMaliciousDefaultOnTheLoanRecordVetoes() {
        ScorecardInputs.Builder in = HouseholdInputs.fromRegistry(strongHousehold(List.of()), TODAY);
        ScoreResult result = Scorecard.score(
                DEFAULT,
                HouseholdInputs.withLoanRecord(in, new LoanRecord(1, 1, true, LocalDate.of(2026, 9, 1)))
                        .build());
        assertEquals(Set.of(Veto.MALICIOUS_DEFAULT), result.vetoesHit());
        assertFalse(result.creditHousehold());
    }

    @Test
    void aSettledListingAndOldPenaltiesDoNotVeto() {
        HouseholdChanged old = strongHousehold(List.of(
                new HouseholdChanged.PublicOrderFact("DISHONEST_DEBTOR", LocalDate.of(2019, 1, 5), "法院", false),
                new HouseholdChanged.PublicOrderFact(
                        "PUBLIC_SECURITY_PENALTY", LocalDate.of(2025, 6, 1), "派出所", false)));
        ScoreResult result = Scorecard.score(
                DEFAULT, HouseholdInputs.fromRegistry(old, TODAY).build());

        assertTrue(result.creditHousehold());
        // the penalty is within three years: one violation costs one point
        assertEquals(87, result.totalPoints());
    }

    @Test
    void aRecentPublicSecurityPenaltyVetoes() {
        HouseholdChanged recent = strongHousehold(List.of(new HouseholdChanged.PublicOrderFact(
                "PUBLIC_SECURITY_PENALTY", LocalDate.of(2026, 2, 1), "派出所", false)));
        assertEquals(
                Set.of(Veto.SERIOUS_PUBLIC_ORDER),
                Scorecard.score(
                                DEFAULT,
                                HouseholdInputs.fromRegistry(recent, TODAY).build())
                        .vetoesHit());
    }

    @Test
    void gradeBandsAreInclusiveAtTheirLowerEdge() {
        assertEquals("AAA", Scorecard.gradeOf(DEFAULT, 80));
        assertEquals("AA", Scorecard.gradeOf(DEFAULT, 79));
        assertEquals("AA", Scorecard.gradeOf(DEFAULT, 70));
        assertEquals("A", Scorecard.gradeOf(DEFAULT, 60));
        assertEquals(Scorecard.NOT_A_CREDIT_HOUSEHOLD, Scorecard.gradeOf(DEFAULT, 59));
        assertFalse(Scorecard.isCreditGrade(DEFAULT, Scorecard.NOT_A_CREDIT_HOUSEHOLD));
    }

    @Test
    void everythingMissingScoresTheMissingPoints() {
        ScoreResult empty = Scorecard.score(DEFAULT, ScorecardInputs.builder().build());
        int missingTotal = DEFAULT.groups().stream()
                .flatMap(g -> g.indicators().stream())
                .mapToInt(ScorecardModel.Indicator::missingPoints)
                .sum();
        assertEquals(missingTotal, empty.totalPoints());
        // education 1 + business 2 + experience 1 + certificates 2 + debt/assets 3 + overdue 7 + on-time 3
        // + moral 3 + panel 2 + public order 2 = 26
        assertEquals(26, missingTotal);
        assertFalse(empty.creditHousehold());
    }

    @Test
    void scalingGivesDoubleOddsEveryPdoPoints() {
        BigDecimal at60 = ScoreResult.impliedOdds(DEFAULT.scaling(), 60);
        BigDecimal at70 = ScoreResult.impliedOdds(DEFAULT.scaling(), 70);
        assertEquals(20.0, at60.doubleValue(), 0.05);
        assertEquals(2.0, at70.doubleValue() / at60.doubleValue(), 0.01);
    }

    @Test
    void theMoralBankStandingFillsItsIndicatorsAndItsVeto() {
        // moral points 85 → 6 (3 more than missing), panel 92 → 4 (2 more): 88 + 5 = 93
        ScorecardInputs.Builder in = HouseholdInputs.fromRegistry(strongHousehold(List.of()), TODAY);
        HouseholdInputs.withMoralStanding(in, 85, false, new BigDecimal("92.5"), LocalDate.of(2026, 10, 1));
        ScoreResult result = Scorecard.score(DEFAULT, in.build());
        assertEquals(93, result.totalPoints());
        assertEquals(LocalDate.of(2026, 10, 1), result.inputsAsOf().get("moral-bank"));

        ScorecardInputs.Builder vetoed = HouseholdInputs.fromRegistry(strongHousehold(List.of()), TODAY);
        HouseholdInputs.withMoralStanding(vetoed, 85, true, null, LocalDate.of(2026, 10, 1));
        ScoreResult refused = Scorecard.score(DEFAULT, vetoed.build());
        assertEquals(Set.of(Veto.MORAL_VETO), refused.vetoesHit());
        assertFalse(refused.creditHousehold());
    }
}
