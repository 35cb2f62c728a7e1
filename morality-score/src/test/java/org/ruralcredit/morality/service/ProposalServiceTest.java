package org.ruralcredit.morality.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventCodec;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.morality.TestHouseholds;
import org.ruralcredit.morality.domain.EntryKind;
import org.ruralcredit.morality.domain.LedgerEntry;
import org.ruralcredit.morality.domain.Proposal;
import org.ruralcredit.morality.messaging.HouseholdDirectoryConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.morality.TestHouseholds.LINSHAN_VILLAGE;
import static org.ruralcredit.morality.service.Callers.LINSHAN;
import static org.ruralcredit.morality.service.Callers.assertInvalid;
import static org.ruralcredit.morality.service.Callers.assertRefused;

/**
 * Maker-checker and the ledger's hash chain through the services, against PostgreSQL only: who may
 * propose and approve, what approval appends and announces, reversals, the yearly cap, and a
 * tampered row found at its link. Households enter the directory through the registry consumer's
 * own method, as a registry event would put them there.
 */
@QuarkusTest
@TestProfile(PostgresOnlyProfile.class)
class ProposalServiceTest {

    @Inject
    HouseholdDirectoryConsumer directory;

    @Inject
    ProposalService proposals;

    @Inject
    LedgerService ledger;

    @Inject
    StandingService standings;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    private String registered() {
        return TestHouseholds.registeredIn(directory);
    }

    private static NewProposal deed(String household, String rule) {
        return new NewProposal(
                household, null, rule, null, null, LocalDate.now(ServiceClock.CHINA), "参与村道清扫", null, null);
    }

    private static NewProposal reversal(String household, UUID entry) {
        return new NewProposal(
                household,
                EntryKind.REVERSAL,
                null,
                null,
                entry,
                LocalDate.now(ServiceClock.CHINA),
                "登记有误,撤销",
                null,
                null);
    }

    /** Proposed by the village clerk and approved by the township official. */
    private ProposalService.Decided approved(NewProposal request) {
        Callers.clerk("clerk-linshan", LINSHAN_VILLAGE);
        UUID id = proposals.propose(request).proposal().id;
        Callers.official("official-linshan", LINSHAN);
        return proposals.approve(id);
    }

    private List<LedgerEntry> chain(String household) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.entriesOf(household));
    }

    private LedgerService.Verification verified(String household) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.verify(household));
    }

    /** The announcements of the household's standing in the outbox, oldest first. */
    private List<MoralityPointsChanged> announced(String household) {
        @SuppressWarnings("unchecked")
        List<String> payloads = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("SELECT payload FROM outbox_event WHERE aggregate_id = ?1 ORDER BY id")
                        .setParameter(1, household)
                        .getResultList());
        return payloads.stream()
                .map(p -> EventCodec.decode(p).dataAs(EventCatalog.MORALITY_POINTS_CHANGED))
                .toList();
    }

    @Test
    void onlyAnotherOfficialOfTheTownshipApprovesAndOnlyApprovalWritesTheLedger() {
        String household = registered();
        Callers.clerk("clerk-linshan", LINSHAN_VILLAGE);
        ProposalService.Proposed byClerk = proposals.propose(deed(household, "P01"));
        assertEquals(Proposal.State.PENDING, byClerk.proposal().state);
        assertEquals(2, byClerk.effect().nominalPoints());
        assertRefused(MoralityCodes.PROPOSAL_HOUSEHOLD_OUTSIDE_VILLAGE, () -> {
            Callers.clerk("clerk-other", TestHouseholds.OTHER_LINSHAN_VILLAGE);
            proposals.propose(deed(household, "P01"));
        });

        // the checker is never the maker, never a clerk, never an official of another township
        Callers.official("official-linshan", LINSHAN);
        UUID byOfficial = proposals.propose(deed(household, "P04")).proposal().id;
        assertRefused(MoralityCodes.REVIEW_OWN_PROPOSAL, () -> proposals.approve(byOfficial));
        Callers.clerk("clerk-linshan", LINSHAN_VILLAGE);
        assertRefused(MoralityCodes.REVIEW_OFFICIAL_ONLY, () -> proposals.approve(byClerk.proposal().id));
        Callers.official("official-mazhu", "330281101");
        assertRefused(MoralityCodes.REVIEW_OUTSIDE_TOWNSHIP, () -> proposals.approve(byClerk.proposal().id));
        assertEquals(List.of(), chain(household));

        Callers.official("official-linshan", LINSHAN);
        ProposalService.Decided decided = proposals.approve(byClerk.proposal().id);
        assertEquals(Proposal.State.APPROVED, decided.proposal().state);
        assertEquals(1, decided.entry().seq);
        assertEquals(2, decided.entry().points);
        assertEquals("clerk-linshan", decided.entry().proposedBy);
        assertEquals("official-linshan", decided.entry().approvedBy);
        assertEquals(decided.effect().totalAfter(), decided.standing().totalPoints());
        assertEquals(2, decided.effect().totalAfter() - decided.effect().totalBefore());
        assertRefused(MoralityCodes.PROPOSAL_ALREADY_APPROVED, () -> proposals.approve(byClerk.proposal().id));

        // a colleague rejects the official's own proposal: nothing is appended for it
        Callers.official("official-linshan-2", LINSHAN);
        assertInvalid("reason", MoralityCodes.REJECTION_REASON_REQUIRED, () -> proposals.reject(byOfficial, " "));
        assertEquals(Proposal.State.REJECTED, proposals.reject(byOfficial, "证据不足").state);
        assertRefused(MoralityCodes.PROPOSAL_ALREADY_REJECTED, () -> proposals.approve(byOfficial));
        assertEquals(
                List.of(decided.entry().id),
                chain(household).stream().map(e -> e.id).toList());

        // approval announced the standing once, with the entry that changed it
        List<MoralityPointsChanged> events = announced(household);
        assertEquals(1, events.size());
        assertEquals(MoralityPointsChanged.ENTRY_APPROVED, events.get(0).cause());
        assertEquals(decided.entry().id.toString(), events.get(0).entryId());
    }

    @Test
    void theChainLinksEveryEntryAndATamperedRowIsFoundAtItsLink() throws SQLException {
        String household = registered();
        LedgerEntry first = approved(deed(household, "P01")).entry();
        LedgerEntry second = approved(deed(household, "P04")).entry();
        ProposalService.Decided reversed = approved(reversal(household, first.id));
        assertEquals(-2, reversed.entry().points);
        assertEquals(first.id, reversed.entry().reversesEntryId);
        assertEquals(MoralityPointsChanged.REVERSAL, announced(household).get(2).cause());
        Callers.clerk("clerk-linshan", LINSHAN_VILLAGE);
        assertRefused(MoralityCodes.ENTRY_REVERSED_OR_PENDING, () -> proposals.propose(reversal(household, first.id)));
        assertRefused(
                MoralityCodes.REVERSAL_OF_REVERSAL, () -> proposals.propose(reversal(household, reversed.entry().id)));

        List<LedgerEntry> entries = chain(household);
        assertEquals(List.of(1L, 2L, 3L), entries.stream().map(e -> e.seq).toList());
        assertEquals(entries.get(0).entryHash, entries.get(1).prevHash);
        assertEquals(entries.get(1).entryHash, entries.get(2).prevHash);
        LedgerService.Verification intact = verified(household);
        assertTrue(intact.intact());
        assertEquals(3, intact.entries());
        assertNull(intact.firstBreak());

        // what someone with the table owner's rights could still do: switch the append-only trigger off
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only");
            s.executeUpdate("UPDATE ledger_entry SET points = 20 WHERE id = '" + second.id + "'");
            s.execute("ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only");
            c.commit();
        }
        LedgerService.Verification broken = verified(household);
        assertFalse(broken.intact());
        assertEquals(2, broken.firstBreak().seq());
        assertEquals(second.id.toString(), broken.firstBreak().entryId());
        assertEquals("content does not match its hash", broken.firstBreak().reason());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ledger.verifyVillage(LINSHAN_VILLAGE)).broken().stream()
                .anyMatch(v -> v.householdId().equals(household)));
    }

    @Test
    void aDeedPastItsRulesYearlyCapIsShownAsCappedBeforeApprovalAndCountsNothing() {
        String household = registered();
        // P04 (volunteer service): 2 points, at most 8 a year
        for (int i = 0; i < 4; i++) {
            approved(deed(household, "P04"));
        }
        int total = QuarkusTransaction.requiringNew()
                .call(() -> standings.standing(
                        household, LocalDate.now(ServiceClock.CHINA).getYear()))
                .totalPoints();
        Callers.clerk("clerk-linshan", LINSHAN_VILLAGE);
        ProposalService.Proposed fifth = proposals.propose(deed(household, "P04"));
        assertTrue(fifth.effect().capped());
        assertEquals(2, fifth.effect().nominalPoints());
        assertEquals(0, fifth.effect().countedPoints());
        assertEquals(total, fifth.effect().totalAfter());
        Callers.official("official-linshan", LINSHAN);
        ProposalService.Decided decided = proposals.approve(fifth.proposal().id);
        assertEquals(2, decided.entry().points);
        assertEquals(8, decided.entry().ruleYearlyCap);
        assertEquals(total, decided.standing().totalPoints());
    }
}
