package org.ruralcredit.rating.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventEnvelope;
import org.ruralcredit.rating.Fixtures;
import org.ruralcredit.rating.domain.division.DivisionLevel;
import org.ruralcredit.testing.KafkaSend;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DivisionFiguresRepositoryTest {

    @Inject
    Fixtures fixtures;

    @Inject
    DivisionFiguresRepository figures;

    @Test
    void lendingCountsEachBorrowingHouseholdOnceAndLeavesSettledLoansOut() {
        Map.Entry<String, Set<UUID>> township = fixtures.freshTownship(4);
        List<UUID> households = new ArrayList<>(township.getValue());
        String twoLoans = Fixtures.randomHash(), settled = Fixtures.randomHash(), oneLoan = Fixtures.randomHash();
        KafkaSend.send("test." + EventCatalog.LOAN_CHANGED.topic(), new EventEnvelope[] {
            // two unsettled loans of one household, one of them overdue and non-performing
            Fixtures.loan(
                    twoLoans,
                    households.get(0),
                    1_000_000,
                    40,
                    "SUBSTANDARD",
                    false,
                    1,
                    UUID.randomUUID().toString()),
            Fixtures.loan(
                    twoLoans,
                    households.get(0),
                    2_000_000,
                    0,
                    "NORMAL",
                    false,
                    1,
                    UUID.randomUUID().toString()),
            Fixtures.loan(
                    settled,
                    households.get(1),
                    0,
                    0,
                    "NORMAL",
                    true,
                    1,
                    UUID.randomUUID().toString()),
            Fixtures.loan(
                    oneLoan,
                    households.get(2),
                    500_000,
                    0,
                    "NORMAL",
                    false,
                    1,
                    UUID.randomUUID().toString())
        });
        // households.get(3) borrows nothing
        Fixtures.eventually(
                () -> fixtures.loansOf(twoLoans) == 2
                        && fixtures.loansOf(settled) == 1
                        && fixtures.loansOf(oneLoan) == 1,
                Duration.ofSeconds(30));

        DivisionFiguresRepository.Lending expected = new DivisionFiguresRepository.Lending(2, 1, 3_500_000, 1_000_000);
        String village = township.getKey() + "201";
        assertEquals(
                expected,
                QuarkusTransaction.requiringNew().call(() -> figures.lending(DivisionLevel.VILLAGE, village)));
        assertEquals(
                expected,
                QuarkusTransaction.requiringNew()
                        .call(() -> figures.lending(DivisionLevel.TOWNSHIP, township.getKey())));
    }
}
