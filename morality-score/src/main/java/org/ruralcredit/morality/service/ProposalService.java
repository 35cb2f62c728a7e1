package org.ruralcredit.morality.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.commons.validation.FieldRules;
import org.ruralcredit.events.morality.MoralityPointsChanged;
import org.ruralcredit.morality.domain.Catalogue;
import org.ruralcredit.morality.domain.CountedEntry;
import org.ruralcredit.morality.domain.EntryKind;
import org.ruralcredit.morality.domain.Household;
import org.ruralcredit.morality.domain.LedgerEntry;
import org.ruralcredit.morality.domain.Proposal;
import org.ruralcredit.morality.domain.Standing;
import org.ruralcredit.morality.repository.LedgerRepository;
import org.ruralcredit.morality.repository.ProposalRepository;

/**
 * Maker-checker: a village clerk (or a township official) proposes, another township official of
 * the household's township approves or rejects. Only approval writes to the ledger.
 */
@ApplicationScoped
public class ProposalService {

    public record Proposed(Proposal proposal, CapEffect effect) {}

    public record Decided(Proposal proposal, LedgerEntry entry, CapEffect effect, Standing standing) {}

    private static final String PROPOSED = "proposed";

    /** The field that names what an entry of each kind is about. */
    private static final Map<EntryKind, String> KIND_FIELDS =
            Map.of(EntryKind.DEED, "ruleCode", EntryKind.VETO, "vetoCode", EntryKind.REVERSAL, "reversesEntryId");

    private final ProposalRepository proposals;
    private final LedgerRepository ledger;
    private final LedgerService ledgerService;
    private final StandingService standings;
    private final CatalogueService catalogues;
    private final Directory directory;
    private final Caller caller;
    private final JsonWebToken token;
    private final Clock clock;

    public ProposalService(
            ProposalRepository proposals,
            LedgerRepository ledger,
            LedgerService ledgerService,
            StandingService standings,
            CatalogueService catalogues,
            Directory directory,
            Caller caller,
            JsonWebToken token,
            Clock clock) {
        this.clock = clock;
        this.proposals = proposals;
        this.ledger = ledger;
        this.ledgerService = ledgerService;
        this.standings = standings;
        this.catalogues = catalogues;
        this.directory = directory;
        this.caller = caller;
        this.token = token;
    }

    /**
     * The checks {@link #propose} makes of the body after {@link NewProposal}'s constraints, as data
     * for the field app (service-commons' FieldRules), by field path: which fields each kind needs
     * and forbids, the deed date against today, and evidence for a veto. Those that need the
     * catalogue or the ledger are {@code serverOnly}; a device cannot check them. {@code whenKind}
     * names the kind a check applies to (a body without {@code kind} is a deed).
     */
    public static Map<String, List<FieldRules.Rule>> describedChecks() {
        return Map.of(
                "kind",
                List.of(new FieldRules.Rule("Default", null, Map.of("value", EntryKind.DEED.name()))),
                "deedDate",
                List.of(
                        FieldRules.check(
                                "NotAfterToday",
                                MoralityCodes.DEED_DATE_IN_FUTURE,
                                Map.of("zone", ServiceClock.CHINA.getId())),
                        FieldRules.check(
                                "CatalogueInForce",
                                MoralityCodes.DEED_DATE_BEFORE_CATALOGUE,
                                Map.of("serverOnly", true, "whenKind", List.of("DEED", "VETO")))),
                "ruleCode",
                List.of(
                        kindFields(EntryKind.DEED, MoralityCodes.DEED_FIELDS),
                        FieldRules.check(
                                "InCatalogue",
                                MoralityCodes.DEED_RULE_UNKNOWN,
                                Map.of("serverOnly", true, "whenKind", List.of("DEED")))),
                "vetoCode",
                List.of(
                        kindFields(EntryKind.VETO, MoralityCodes.VETO_FIELDS),
                        FieldRules.check(
                                "InCatalogue",
                                MoralityCodes.VETO_ITEM_UNKNOWN,
                                Map.of("serverOnly", true, "whenKind", List.of("VETO")))),
                "reversesEntryId",
                List.of(
                        kindFields(EntryKind.REVERSAL, MoralityCodes.REVERSAL_FIELDS),
                        FieldRules.check(
                                "ApprovedEntryOfHousehold",
                                MoralityCodes.REVERSAL_ENTRY_UNKNOWN,
                                Map.of("serverOnly", true, "whenKind", List.of("REVERSAL")))),
                "evidenceNote",
                List.of(
                        // whether a rule needs evidence is the catalogue's (its evidenceRequired)
                        FieldRules.check(
                                "EvidenceRequired",
                                MoralityCodes.DEED_EVIDENCE_REQUIRED,
                                Map.of(
                                        "serverOnly",
                                        true,
                                        "whenKind",
                                        List.of("DEED"),
                                        "orField",
                                        "evidenceHash",
                                        "whenRule",
                                        "evidenceRequired")),
                        FieldRules.check(
                                "EvidenceRequired",
                                MoralityCodes.VETO_EVIDENCE_REQUIRED,
                                Map.of("whenKind", List.of("VETO"), "orField", "evidenceHash"))));
    }

    /** The field a kind needs (the one the check is on) and the fields of the other kinds it must leave out. */
    private static FieldRules.Rule kindFields(EntryKind kind, MoralityCodes code) {
        return FieldRules.check(
                "KindFields",
                code,
                Map.of(
                        "whenKind",
                        List.of(kind.name()),
                        "absent",
                        KIND_FIELDS.entrySet().stream()
                                .filter(e -> e.getKey() != kind)
                                .map(Map.Entry::getValue)
                                .sorted()
                                .toList()));
    }

    @Transactional
    public Proposed propose(NewProposal request) {
        boolean clerk = caller.hasRole(Role.VILLAGE_CLERK);
        if (!clerk && !caller.hasRole(Role.TOWNSHIP_OFFICIAL)) {
            throw ApiException.of(MoralityCodes.PROPOSER_ROLE);
        }
        Household household = directory.known(request.householdId());
        if (!caller.writeScope().covers(household.villageCode)) {
            throw ApiException.of(
                    clerk
                            ? MoralityCodes.PROPOSAL_HOUSEHOLD_OUTSIDE_VILLAGE
                            : MoralityCodes.PROPOSAL_HOUSEHOLD_OUTSIDE_TOWNSHIP,
                    household.id);
        }
        if (!household.active()) {
            throw ApiException.of(MoralityCodes.HOUSEHOLD_CLOSED, household.id);
        }
        if (request.deedDate().isAfter(catalogues.today())) {
            throw ApiException.invalid("deedDate", MoralityCodes.DEED_DATE_IN_FUTURE);
        }

        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.householdId = household.id;
        p.villageCode = household.villageCode;
        p.townshipCode = household.townshipCode;
        p.kind = request.kindOrDeed();
        p.deedDate = request.deedDate();
        p.description = request.description().strip();
        p.evidenceNote = request.evidenceNote();
        p.evidenceHash = request.evidenceHash();
        p.proposedBy = caller.username();
        p.proposedByName = personName(token.getClaim("family_name"), token.getClaim("given_name"));
        p.proposedAt = Instant.now(clock);
        p.state = Proposal.State.PENDING;
        switch (p.kind) {
            case DEED -> fillDeed(p, request);
            case VETO -> fillVeto(p, request);
            case REVERSAL -> fillReversal(p, request);
        }
        CapEffect effect = effectOf(p, ruleCapOf(p));
        proposals.persist(p);
        return new Proposed(p, effect);
    }

    private Catalogue catalogueOn(Proposal p) {
        return catalogues
                .inForceOn(p.deedDate)
                .orElseThrow(() -> ApiException.invalid("deedDate", MoralityCodes.DEED_DATE_BEFORE_CATALOGUE));
    }

    private void fillDeed(Proposal p, NewProposal request) {
        if (request.ruleCode() == null || request.vetoCode() != null || request.reversesEntryId() != null) {
            throw ApiException.invalid("ruleCode", MoralityCodes.DEED_FIELDS);
        }
        Catalogue catalogue = catalogueOn(p);
        Catalogue.DeedRule rule = catalogue
                .rule(request.ruleCode())
                .orElseThrow(() -> ApiException.invalid(
                        "ruleCode",
                        MoralityCodes.DEED_RULE_UNKNOWN,
                        request.ruleCode(),
                        catalogue.version(),
                        p.deedDate));
        if (rule.evidenceRequired() && isBlank(request.evidenceNote()) && request.evidenceHash() == null) {
            throw ApiException.invalid("evidenceNote", MoralityCodes.DEED_EVIDENCE_REQUIRED, rule.code());
        }
        p.ruleCode = rule.code();
        p.standardCode = rule.standardCode();
        p.catalogueVersion = catalogue.version();
        p.points = rule.points();
    }

    private void fillVeto(Proposal p, NewProposal request) {
        if (request.vetoCode() == null || request.ruleCode() != null || request.reversesEntryId() != null) {
            throw ApiException.invalid("vetoCode", MoralityCodes.VETO_FIELDS);
        }
        Catalogue catalogue = catalogueOn(p);
        if (catalogue.veto(request.vetoCode()).isEmpty()) {
            throw ApiException.invalid(
                    "vetoCode", MoralityCodes.VETO_ITEM_UNKNOWN, request.vetoCode(), catalogue.version());
        }
        if (isBlank(request.evidenceNote()) && request.evidenceHash() == null) {
            throw ApiException.invalid("evidenceNote", MoralityCodes.VETO_EVIDENCE_REQUIRED);
        }
        p.vetoCode = request.vetoCode();
        p.catalogueVersion = catalogue.version();
        p.points = 0;
    }

    /** A reversal copies what it reverses and negates the points; its deed date is the original's, so it hits the same year. */
    private void fillReversal(Proposal p, NewProposal request) {
        if (request.reversesEntryId() == null || request.ruleCode() != null || request.vetoCode() != null) {
            throw ApiException.invalid("reversesEntryId", MoralityCodes.REVERSAL_FIELDS);
        }
        LedgerEntry original = ledger.findByIdOptional(request.reversesEntryId())
                .filter(e -> e.householdId.equals(p.householdId))
                .orElseThrow(() -> ApiException.invalid(
                        "reversesEntryId",
                        MoralityCodes.REVERSAL_ENTRY_UNKNOWN,
                        request.reversesEntryId(),
                        p.householdId));
        if (original.kind == EntryKind.REVERSAL) {
            throw ApiException.of(MoralityCodes.REVERSAL_OF_REVERSAL);
        }
        if (ledger.isReversed(original.id) || proposals.pendingReversalOf(original.id)) {
            throw ApiException.of(MoralityCodes.ENTRY_REVERSED_OR_PENDING, original.id);
        }
        p.reversesEntryId = original.id;
        p.ruleCode = original.ruleCode;
        p.vetoCode = original.vetoCode;
        p.standardCode = original.standardCode;
        p.catalogueVersion = original.catalogueVersion;
        p.deedDate = original.deedDate;
        p.points = -original.points;
    }

    private Integer ruleCapOf(Proposal p) {
        if (p.kind != EntryKind.DEED) {
            return null;
        }
        return catalogues
                .byVersion(p.catalogueVersion)
                .rule(p.ruleCode)
                .map(Catalogue.DeedRule::yearlyCap)
                .orElse(null);
    }

    /** What the entry would do to its year if approved now, next to what is already approved. */
    private CapEffect effectOf(Proposal p, Integer ruleCap) {
        int year = p.deedDate.getYear();
        List<CountedEntry> entries = new ArrayList<>(
                ledger.chainOf(p.householdId).stream().map(LedgerEntry::counted).toList());
        Standing before = standings.standing(year, entries);
        entries.add(new CountedEntry(
                PROPOSED,
                Long.MAX_VALUE,
                p.kind,
                p.ruleCode,
                p.vetoCode,
                p.standardCode,
                p.points,
                ruleCap,
                p.deedDate,
                Objects.toString(p.reversesEntryId, null)));
        Standing after = standings.standing(year, entries);
        int counted = switch (p.kind) {
            case DEED -> after.countedPoints().getOrDefault(PROPOSED, 0);
            case VETO -> 0;
            case REVERSAL -> -before.countedPoints().getOrDefault(p.reversesEntryId.toString(), 0);
        };
        int change = after.totalPoints() - before.totalPoints();
        String note = null;
        if (p.kind == EntryKind.DEED && counted != p.points) {
            note = "counts " + counted + " of " + p.points + " points: rule " + p.ruleCode + "'s yearly cap of "
                    + ruleCap + " for " + year + " is reached";
        } else if (p.kind == EntryKind.DEED && change != counted) {
            note = "the total changes by " + change + ", not " + counted + ": standard " + p.standardCode
                    + " is held between 0 and its cap";
        }
        return new CapEffect(p.points, counted, before.totalPoints(), after.totalPoints(), note != null, note);
    }

    @Transactional
    public Decided approve(UUID proposalId) {
        Proposal p = forDecision(proposalId);
        ledgerService.lockChain(p.householdId);
        Integer ruleCap = ruleCapOf(p);
        if (p.kind == EntryKind.REVERSAL && ledger.isReversed(p.reversesEntryId)) {
            throw ApiException.of(MoralityCodes.ENTRY_ALREADY_REVERSED, p.reversesEntryId);
        }
        CapEffect effect = effectOf(p, ruleCap);
        LedgerEntry entry = ledgerService.append(p, ruleCap, caller.username());
        p.state = Proposal.State.APPROVED;
        p.decidedBy = caller.username();
        p.decidedAt = Instant.now(clock);
        p.ledgerEntryId = entry.id;
        String cause = switch (p.kind) {
            case DEED -> MoralityPointsChanged.ENTRY_APPROVED;
            case VETO -> MoralityPointsChanged.VETO;
            case REVERSAL -> MoralityPointsChanged.REVERSAL;
        };
        Standing standing =
                standings.announce(directory.known(p.householdId), p.deedDate.getYear(), cause, entry.id.toString());
        return new Decided(p, entry, effect, standing);
    }

    @Transactional
    public Proposal reject(UUID proposalId, String reason) {
        if (isBlank(reason)) {
            throw ApiException.invalid("reason", MoralityCodes.REJECTION_REASON_REQUIRED);
        }
        Proposal p = forDecision(proposalId);
        p.state = Proposal.State.REJECTED;
        p.decidedBy = caller.username();
        p.decidedAt = Instant.now(clock);
        p.decisionReason = reason.strip();
        return p;
    }

    private Proposal forDecision(UUID proposalId) {
        if (!caller.hasRole(Role.TOWNSHIP_OFFICIAL)) {
            throw ApiException.of(MoralityCodes.REVIEW_OFFICIAL_ONLY);
        }
        Proposal p = proposals
                .lockForDecision(proposalId)
                .orElseThrow(() -> ApiException.of(MoralityCodes.PROPOSAL_UNKNOWN, proposalId));
        if (!caller.writeScope().covers(p.villageCode)
                || caller.division() == null
                || caller.division().length() != 9) {
            throw ApiException.of(MoralityCodes.REVIEW_OUTSIDE_TOWNSHIP, proposalId);
        }
        if (p.proposedBy.equals(caller.username())) {
            throw ApiException.of(MoralityCodes.REVIEW_OWN_PROPOSAL);
        }
        if (p.state != Proposal.State.PENDING) {
            throw ApiException.of(
                    p.state == Proposal.State.APPROVED
                            ? MoralityCodes.PROPOSAL_ALREADY_APPROVED
                            : MoralityCodes.PROPOSAL_ALREADY_REJECTED,
                    proposalId);
        }
        return p;
    }

    public Proposal readable(UUID proposalId) {
        Proposal p = proposals
                .findByIdOptional(proposalId)
                .orElseThrow(() -> ApiException.of(MoralityCodes.PROPOSAL_UNKNOWN, proposalId));
        if (!caller.readScope().covers(p.villageCode)) {
            throw ApiException.of(MoralityCodes.PROPOSAL_OUTSIDE_DIVISION, proposalId);
        }
        return p;
    }

    public List<Proposal> mine(Proposal.State state) {
        return proposals.proposedBy(caller.username(), state);
    }

    public List<Proposal> pendingForMe() {
        if (!caller.hasRole(Role.TOWNSHIP_OFFICIAL)
                || caller.division() == null
                || caller.division().length() != 9) {
            throw ApiException.of(MoralityCodes.REVIEW_LIST_OFFICIAL_ONLY);
        }
        // an official's own proposals wait for a colleague, so they are not listed for them
        return proposals.pendingInTownship(caller.division()).stream()
                .filter(p -> !p.proposedBy.equals(caller.username()))
                .toList();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** 林国强 for a Chinese name (family name first, no space), "Jane Doe" otherwise; null when the token names nobody. */
    static String personName(String family, String given) {
        boolean hasFamily = family != null && !family.isBlank();
        boolean hasGiven = given != null && !given.isBlank();
        if (!hasFamily || !hasGiven) {
            return hasGiven ? given.strip() : hasFamily ? family.strip() : null;
        }
        String name = family.strip() + given.strip();
        boolean han = name.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        String shown = han ? name : given.strip() + " " + family.strip();
        return shown.length() > 100 ? shown.substring(0, 100) : shown;
    }
}
