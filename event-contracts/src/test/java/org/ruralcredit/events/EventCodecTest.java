package org.ruralcredit.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ruralcredit.events.lending.LoanChanged;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.events.rating.LenderPolicyRegistered;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.events.registry.VillageProfileChanged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    private static final VillageProfileChanged LINSHAN_VILLAGE = new VillageProfileChanged(
            "330281100202", "临山村委会", "330281100", "330281", 812, 2430, LocalDate.of(2026, 6, 30), 3);

    @Test
    void roundTripKeepsEveryField() {
        EventEnvelope<VillageProfileChanged> sent = EventEnvelope.of(
                EventCatalog.VILLAGE_PROFILE_CHANGED, "330281100202", "farmer-registry", LINSHAN_VILLAGE);

        EventEnvelope<?> received = EventCodec.decode(EventCodec.encode(sent));

        assertEquals(sent, received);
        assertEquals(LINSHAN_VILLAGE, received.dataAs(EventCatalog.VILLAGE_PROFILE_CHANGED));
    }

    @Test
    void datesAreWrittenAsIsoText() {
        String json = EventCodec.encode(EventEnvelope.of(
                EventCatalog.VILLAGE_PROFILE_CHANGED, "330281100202", "farmer-registry", LINSHAN_VILLAGE));

        assertTrue(json.contains("\"figuresAsOf\":\"2026-06-30\""), json);
        assertTrue(json.matches(".*\"occurredAt\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\".*"), json);
    }

    @Test
    void unknownTypeIsRejectedByName() {
        String json = """
                {"eventId":"8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10","type":"registry.household-teleported",
                 "occurredAt":"2026-11-01T02:00:00Z","aggregateId":"x","producer":"p","data":{}}""";

        EventFormatException e = assertThrows(EventFormatException.class, () -> EventCodec.decode(json));
        assertEquals("unknown event type 'registry.household-teleported'", e.getMessage());
    }

    @Test
    void unknownTypeCannotBeWrittenEither() {
        EventType<String> stray = new EventType<>("stray.thing", "stray.v1", String.class);
        EventEnvelope<String> envelope = EventEnvelope.of(stray, "a", "p", "data");

        assertThrows(EventFormatException.class, () -> EventCodec.encode(envelope));
    }

    @Test
    void missingEnvelopeFieldIsRejected() {
        String json = """
                {"eventId":"8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10","type":"registry.village-profile-changed",
                 "occurredAt":"2026-11-01T02:00:00Z","producer":"farmer-registry",
                 "data":{"villageCode":"330281100202","villageName":"临山村委会","townshipCode":"330281100",
                 "countyCode":"330281","totalHouseholds":812,"population":2430,"figuresAsOf":"2026-06-30","revision":1}}""";

        EventFormatException e = assertThrows(EventFormatException.class, () -> EventCodec.decode(json));
        assertEquals("event field 'aggregateId' is missing", e.getMessage());
    }

    @Test
    void missingDataFieldIsRejected() {
        String json = """
                {"eventId":"8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10","type":"registry.village-profile-changed",
                 "occurredAt":"2026-11-01T02:00:00Z","aggregateId":"330281100202","producer":"farmer-registry",
                 "data":{"villageCode":"330281100202","villageName":"临山村委会","townshipCode":"330281100",
                 "countyCode":"330281","population":2430,"figuresAsOf":"2026-06-30","revision":1}}""";

        EventFormatException e = assertThrows(EventFormatException.class, () -> EventCodec.decode(json));
        assertTrue(e.getMessage().contains("totalHouseholds"), e.getMessage());
    }

    @Test
    void invalidDataIsRejected() {
        String json = """
                {"eventId":"8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10","type":"registry.village-profile-changed",
                 "occurredAt":"2026-11-01T02:00:00Z","aggregateId":"330281100202","producer":"farmer-registry",
                 "data":{"villageCode":"330281100202","villageName":"临山村委会","townshipCode":"330281106",
                 "countyCode":"330281","totalHouseholds":812,"population":2430,"figuresAsOf":"2026-06-30","revision":1}}""";

        EventFormatException e = assertThrows(EventFormatException.class, () -> EventCodec.decode(json));
        assertTrue(e.getMessage().contains("townshipCode"), e.getMessage());
    }

    @Test
    void unknownFieldsAreToleratedForForwardCompatibility() {
        String json = """
                {"eventId":"8d6c1f5e-2b1a-4f7e-9a57-0c7b7b1f7a10","type":"registry.village-profile-changed",
                 "occurredAt":"2026-11-01T02:00:00Z","aggregateId":"330281100202","producer":"farmer-registry",
                 "traceparent":"00-abc","data":{"villageCode":"330281100202","villageName":"临山村委会",
                 "townshipCode":"330281100","countyCode":"330281","totalHouseholds":812,"population":2430,
                 "figuresAsOf":"2026-06-30","revision":1,"committeePhoneAdded":true}}""";

        VillageProfileChanged data = EventCodec.decode(json).dataAs(EventCatalog.VILLAGE_PROFILE_CHANGED);
        assertEquals(812, data.totalHouseholds());
    }

    @Test
    void malformedJsonIsRejected() {
        assertThrows(EventFormatException.class, () -> EventCodec.decode("{\"eventId\": "));
        assertThrows(EventFormatException.class, () -> EventCodec.decode("[1,2]"));
    }

    @Test
    void householdFactsRoundTripWithoutPersonalIdentifiers() {
        HouseholdChanged facts = new HouseholdChanged(
                "0b8f8a9e-3f7c-4f1e-9d55-2f0f3c1d2a11",
                "330281100202",
                "330281100",
                "330281",
                HouseholdChanged.ACTIVE,
                null,
                2,
                new HouseholdChanged.Head(46, "M", "JUNIOR_HIGH", "HEALTHY", "FULL"),
                4,
                2,
                30,
                new HouseholdChanged.Production(
                        "PLANTING", new BigDecimal("25.5"), "亩", 18, true, LocalDate.of(2026, 5, 1), "入户调查"),
                null,
                new HouseholdChanged.Assets(300_000, 40_000, 60_000, 0, 50_000, LocalDate.of(2026, 5, 1), "入户调查"),
                new HouseholdChanged.IncomeAndExpenses(
                        120_000, 30_000, 2_000, 40_000, 36_000, LocalDate.of(2026, 5, 1), "入户调查"),
                new HouseholdChanged.Liabilities(50_000, 0, 0, LocalDate.of(2026, 5, 1), "农商行"),
                new HouseholdChanged.Social(false, false, false, 3, LocalDate.of(2026, 5, 1), "村委会"),
                List.of(new HouseholdChanged.PublicOrderFact(
                        "VILLAGE_RULE_VIOLATION", LocalDate.of(2025, 3, 2), "村委会", false)),
                null,
                null);
        EventEnvelope<HouseholdChanged> sent =
                EventEnvelope.of(EventCatalog.HOUSEHOLD_CHANGED, facts.householdId(), "farmer-registry", facts);

        String json = EventCodec.encode(sent);
        HouseholdChanged back = EventCodec.decode(json).dataAs(EventCatalog.HOUSEHOLD_CHANGED);

        assertEquals(facts, back);
        assertEquals(450_000, back.assets().total());
        assertEquals(76_000, back.income().netIncome());
        assertTrue(!json.contains("residentId") && !json.contains("name") && !json.contains("phone"), json);
    }

    @Test
    void moralityPointsRoundTripWithBalancesVetoAndPanelScore() {
        MoralityPointsChanged points = new MoralityPointsChanged(
                "0b8f8a9e-3f7c-4f1e-9d55-2f0f3c1d2a11",
                "330281100202",
                "330281100",
                2026,
                MoralityPointsChanged.ENTRY_APPROVED,
                "5b0c6e0a-8a43-4d3e-9a43-2b9fd1d3c001",
                1,
                List.of(
                        new MoralityPointsChanged.StandardBalance("LAW_AND_CIVILITY", 30, 36),
                        new MoralityPointsChanged.StandardBalance("PUBLIC_SPIRIT", 22, 22)),
                52,
                true,
                List.of("V02"),
                false,
                false,
                0,
                new BigDecimal("86.67"),
                6,
                null,
                null);
        EventEnvelope<MoralityPointsChanged> sent =
                EventEnvelope.of(EventCatalog.MORALITY_POINTS_CHANGED, points.householdId(), "morality-score", points);

        EventEnvelope<?> received = EventCodec.decode(EventCodec.encode(sent));

        assertEquals(sent, received);
        assertEquals("morality.points.v1", EventCatalog.MORALITY_POINTS_CHANGED.topic());
        assertEquals(
                List.of("V02"),
                received.dataAs(EventCatalog.MORALITY_POINTS_CHANGED).vetoCodes());
    }

    @Test
    void moralityPointsWithUnknownCauseAreRejected() {
        assertThrows(
                EventFormatException.class,
                () -> new MoralityPointsChanged(
                        "h",
                        "330281100202",
                        "330281100",
                        2026,
                        "GOSSIP",
                        null,
                        1,
                        List.of(),
                        0,
                        false,
                        List.of(),
                        false,
                        false,
                        0,
                        null,
                        0,
                        null,
                        null));
    }

    @Test
    void loanChangesRoundTripWithTheSubjectOnlyAsKeyedHash() {
        LoanChanged loan = new LoanChanged(
                "5b0c6e0a-8a43-4d3e-9a43-2b9fd1d3c001",
                "YYRCB",
                "YY-2026-0001",
                LoanChanged.STATUS,
                "HOUSEHOLD",
                "ab".repeat(32),
                "0b8f8a9e-3f7c-4f1e-9d55-2f0f3c1d2a11",
                5_000_000L,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2027, 3, 1),
                "种植",
                3_000_000L,
                120,
                "SUBSTANDARD",
                true,
                true,
                false,
                null,
                2);
        EventEnvelope<LoanChanged> sent = EventEnvelope.of(EventCatalog.LOAN_CHANGED, loan.loanId(), "gateway", loan);

        EventEnvelope<?> received = EventCodec.decode(EventCodec.encode(sent));

        assertEquals(sent, received);
        assertEquals("lending.loan.v1", EventCatalog.LOAN_CHANGED.topic());
        assertEquals(
                EventCatalog.LOAN_CHANGED,
                EventCatalog.byName("lending.loan-changed").orElseThrow());
    }

    @Test
    void aLoanEventWrittenBeforeTheHouseholdFieldReadsAsUnlinkedButOtherFieldsStayRequired() {
        String before = """
                {"eventId":"0f6bc2f4-1b7e-4d4e-8d0c-6f3a1e2b9c01","type":"lending.loan-changed",
                 "occurredAt":"2026-10-01T02:00:00Z","aggregateId":"l-1","producer":"gateway",
                 "data":{"loanId":"l-1","institution":"YYRCB","loanRef":"YY-1","cause":"STATUS","subjectType":"HOUSEHOLD",
                   "subjectHash":"%s","amountFen":5000000,"startDate":"2026-03-01","maturityDate":"2027-03-01",
                   "purpose":"种植","outstandingFen":3000000,"overdueDays":0,"classification":"NORMAL",
                   "nonPerforming":false,"settled":false,"settledOn":null,"revision":2}}""".formatted("ab".repeat(32));
        LoanChanged loan = EventCodec.decode(before).dataAs(EventCatalog.LOAN_CHANGED);
        assertEquals(null, loan.householdId());
        assertEquals(null, loan.maliciousDefault());
        assertEquals(3_000_000L, loan.outstandingFen());

        assertThrows(
                EventFormatException.class,
                () -> EventCodec.decode(before.replace("\"revision\":2", "\"x\":2")),
                "a field that was always there is still required");
    }

    @Test
    void loanChangesWithAPlainIdentifierOrUnknownClassAreRejected() {
        assertThrows(
                EventFormatException.class,
                () -> new LoanChanged(
                        "l",
                        "YYRCB",
                        "r",
                        "STATUS",
                        "HOUSEHOLD",
                        "11010519491231002X",
                        null,
                        1,
                        null,
                        null,
                        null,
                        0,
                        0,
                        "NORMAL",
                        false,
                        false,
                        false,
                        null,
                        1));
        assertThrows(
                EventFormatException.class,
                () -> new LoanChanged(
                        "l",
                        "YYRCB",
                        "r",
                        "STATUS",
                        "HOUSEHOLD",
                        "ab".repeat(32),
                        null,
                        1,
                        null,
                        null,
                        null,
                        0,
                        0,
                        "BAD",
                        false,
                        false,
                        false,
                        null,
                        1));
        assertThrows(
                EventFormatException.class,
                () -> new LoanChanged(
                        "l",
                        "YYRCB",
                        "r",
                        "STATUS",
                        "FIRM",
                        "ab".repeat(32),
                        "0b8f8a9e-3f7c-4f1e-9d55-2f0f3c1d2a11",
                        1,
                        null,
                        null,
                        null,
                        0,
                        0,
                        "NORMAL",
                        false,
                        false,
                        false,
                        null,
                        1),
                "a firm's loan names no household");
    }

    @Test
    void aLenderPolicyTravelsWithItsDecimalsExactlyAsWritten() {
        LenderPolicyRegistered policy = new LenderPolicyRegistered(
                "YYRCB",
                "harvest",
                2,
                "丰收贷",
                Map.of("AAA", new BigDecimal("60000"), "AA", new BigDecimal("50000.00")),
                new BigDecimal("0.05"),
                new BigDecimal("0.10"),
                new BigDecimal("100000"),
                12,
                new BigDecimal("0.0800"),
                Map.of("AA", new BigDecimal("0.10")),
                new BigDecimal("0.5"),
                new BigDecimal("1000"),
                null,
                "loan-officer",
                Instant.parse("2026-10-01T02:00:00Z"));
        EventEnvelope<LenderPolicyRegistered> sent =
                EventEnvelope.of(EventCatalog.LENDER_POLICY_REGISTERED, policy.key(), "credit-rating", policy);

        LenderPolicyRegistered received =
                EventCodec.decode(EventCodec.encode(sent)).dataAs(EventCatalog.LENDER_POLICY_REGISTERED);

        // equals on BigDecimal compares the scale too: nothing was rounded through a double
        assertEquals(policy, received);
        assertEquals("YYRCB/harvest", received.key());
        assertEquals("rating.lender-policy.v1", EventCatalog.LENDER_POLICY_REGISTERED.topic());
        assertThrows(
                EventFormatException.class,
                () -> new LenderPolicyRegistered(
                        "YYRCB",
                        "harvest",
                        0,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Instant.now()));
    }
}
