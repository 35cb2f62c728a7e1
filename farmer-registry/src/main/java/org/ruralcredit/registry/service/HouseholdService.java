package org.ruralcredit.registry.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.commons.persistence.TimeOrderedIds;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.security.Actor;
import org.ruralcredit.commons.security.RefusedAccess;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.registry.HouseholdChanged;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.registry.domain.Household;
import org.ruralcredit.registry.domain.HouseholdRevision;
import org.ruralcredit.registry.domain.JsonDiff;
import org.ruralcredit.registry.repository.HouseholdBulkWriter;
import org.ruralcredit.registry.repository.HouseholdRepository;

/**
 * Household credit files: create, correct, close — each change checked whole, revisioned and
 * announced on registry.household.v1 in the same transaction. A request's answer is made by the
 * caller's {@code answer} inside that transaction: a file's members load lazily.
 */
@ApplicationScoped
public class HouseholdService {

    /** What a write did; an import counts these. */
    public enum Effect {
        CREATED,
        CORRECTED,
        UNCHANGED
    }

    public record Written(Household household, Effect effect) {}

    private final HouseholdRepository households;
    private final HouseholdFileChecker checker;
    private final HouseholdDocuments documents;
    private final HouseholdBulkWriter bulk;
    private final Outbox outbox;
    private final RefusedAccess refusals;
    private final Clock clock;

    public HouseholdService(
            HouseholdRepository households,
            HouseholdFileChecker checker,
            HouseholdDocuments documents,
            HouseholdBulkWriter bulk,
            Outbox outbox,
            RefusedAccess refusals,
            Clock clock) {
        this.households = households;
        this.checker = checker;
        this.documents = documents;
        this.bulk = bulk;
        this.outbox = outbox;
        this.refusals = refusals;
        this.clock = clock;
    }

    @Transactional
    public <T> T create(Actor actor, HouseholdFile file, String reason, Function<Household, T> answer) {
        requireWritable(actor, file.villageCode());
        return answer.apply(insert(actor, file, requirePassed("create", actor, file, null), reason));
    }

    private Household insert(Actor actor, HouseholdFile file, HouseholdFileChecker.Outcome outcome, String reason) {
        Household household = newHousehold(actor, file, outcome.ids(), outcome.hashes());
        if (households.activeByHead(household.headIdHash).isPresent()) {
            throw ApiException.of(RegistryCodes.HOUSEHOLD_HEAD_HAS_ACTIVE_FILE);
        }
        households.persist(household);
        record(household, HouseholdRevision.Kind.CREATED, actor, reason, null);
        return household;
    }

    private Household newHousehold(Actor actor, HouseholdFile file, List<ResidentId> ids, List<String> hashes) {
        Household household = new Household();
        household.id = TimeOrderedIds.next();
        household.status = Household.Status.ACTIVE;
        household.version = 1;
        household.createdBy = actor.username();
        household.createdAt = Instant.now(clock);
        documents.apply(household, file, ids, hashes);
        stamp(household, actor);
        return household;
    }

    /**
     * A new file made ready to write without the database: the household with its identifiers
     * sealed, its first revision and its event. An import drafts its files ahead of the write, on
     * another thread, and writes the drafts of the heads that turn out to have no active file.
     */
    public record Draft(Household household, HouseholdRevision revision, HouseholdChanged event) {}

    /** {@code ids}, {@code hashes}: the file's members' resident IDs and their keyed hashes, from the checks. */
    public Draft draft(Actor actor, HouseholdFile file, List<ResidentId> ids, List<String> hashes, String reason) {
        Household household = newHousehold(actor, file, ids, hashes);
        return new Draft(
                household,
                revision(household, HouseholdRevision.Kind.CREATED, actor, reason, null),
                documents.event(household, LocalDate.now(clock)));
    }

    /** A drafted file whose checks the caller completed in this transaction, for a head that has no active file. */
    public record NewFile(Draft draft, HouseholdFileChecker.Outcome outcome) {}

    /**
     * Creates many checked files at once — rows, revisions and events written with one batched
     * statement per table. The checks must have covered the files as one batch (see
     * {@link HouseholdFileChecker#checkAll}); a head or person taken meanwhile by another writer
     * fails the transaction on the database's unique keys, never stores a duplicate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Household> createAllChecked(Actor actor, List<NewFile> files) {
        List<Household> created = new ArrayList<>(files.size());
        List<HouseholdRevision> revisions = new ArrayList<>(files.size());
        List<Outbox.Keyed<HouseholdChanged>> events = new ArrayList<>(files.size());
        for (NewFile file : files) {
            Household household = file.draft().household();
            requireWritable(actor, household.villageCode);
            if (!file.outcome().passed()) {
                throw new IllegalArgumentException("an unchecked or refused file reached the bulk write");
            }
            created.add(household);
            revisions.add(file.draft().revision());
            events.add(new Outbox.Keyed<>(household.id.toString(), file.draft().event()));
        }
        bulk.insert(created, revisions);
        outbox.recordAll(EventCatalog.HOUSEHOLD_CHANGED, events);
        return created;
    }

    @Transactional
    public <T> T correct(
            Actor actor,
            UUID id,
            int expectedVersion,
            HouseholdFile file,
            String reason,
            Function<Household, T> answer) {
        Household household = lockedForWrite(actor, id, expectedVersion);
        requireWritable(actor, file.villageCode());
        return answer.apply(apply(actor, household, file, reason).household());
    }

    /**
     * Writes a file the caller already checked in this same transaction, against {@code existing}
     * (the head's active file, or null): a bulk import checks each household once, not twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written writeChecked(
            Actor actor, Household existing, HouseholdFile file, HouseholdFileChecker.Outcome outcome, String reason) {
        requireWritable(actor, file.villageCode());
        if (!outcome.passed()) {
            throw refused(outcome);
        }
        if (existing == null) {
            return new Written(insert(actor, file, outcome, reason), Effect.CREATED);
        }
        households.lockForWrite(existing);
        requireWritable(actor, existing.villageCode);
        return applyChecked(actor, existing, file, outcome, reason);
    }

    private Written apply(Actor actor, Household household, HouseholdFile file, String reason) {
        return applyChecked(actor, household, file, requirePassed("correct", actor, file, household.id), reason);
    }

    private Written applyChecked(
            Actor actor, Household household, HouseholdFile file, HouseholdFileChecker.Outcome outcome, String reason) {
        JsonNode before = documents.snapshot(household);
        documents.apply(household, file, outcome.ids(), outcome.hashes());
        List<String> changed = JsonDiff.changedPaths(before, documents.snapshot(household));
        if (changed.isEmpty()) {
            // same facts, fresh ciphertexts: keep the stored row as it is
            households.detach(household);
            return new Written(household, Effect.UNCHANGED);
        }
        household.version++;
        stamp(household, actor);
        record(household, HouseholdRevision.Kind.CORRECTED, actor, reason, before);
        return new Written(household, Effect.CORRECTED);
    }

    @Transactional
    public <T> T close(
            Actor actor,
            UUID id,
            int expectedVersion,
            Household.ClosedReason closedReason,
            String note,
            Function<Household, T> answer) {
        Household household = lockedForWrite(actor, id, expectedVersion);
        if (household.status == Household.Status.CLOSED) {
            throw ApiException.of(RegistryCodes.HOUSEHOLD_ALREADY_CLOSED);
        }
        JsonNode before = documents.snapshot(household);
        household.status = Household.Status.CLOSED;
        household.closedReason = closedReason;
        household.closedAt = Instant.now(clock);
        household.version++;
        stamp(household, actor);
        record(household, HouseholdRevision.Kind.CLOSED, actor, note, before);
        return answer.apply(household);
    }

    @Transactional
    public <T> T get(Actor actor, UUID id, Function<Household, T> answer) {
        return answer.apply(readable(actor, id));
    }

    private Household readable(Actor actor, UUID id) {
        Household household = households
                .findByIdOptional(id)
                .orElseThrow(() -> ApiException.of(RegistryCodes.HOUSEHOLD_NOT_FOUND, id));
        if (!actor.readScope().covers(household.villageCode)) {
            throw ApiException.of(RegistryCodes.HOUSEHOLD_OUTSIDE_DIVISION);
        }
        return household;
    }

    /**
     * The active file this person heads, when the caller may read it. A person who is on file
     * otherwise — in a household outside the caller's division, or as a member, not the head — is
     * {@code person.filed-elsewhere} (409), as a new file or an import row naming them would be:
     * the official learns the person cannot be filed again, never where they are on file. Outside
     * the caller's division the attempt is logged as refused and as filed twice. Nobody on file: 404.
     */
    @Transactional
    public <T> T lookup(Actor actor, ResidentId person, Function<Household, T> answer) {
        String hash = documents.hashOfResidentId(person.value());
        Optional<Household> headed = households.activeByHead(hash);
        if (headed.isPresent() && actor.readScope().covers(headed.get().villageCode)) {
            return answer.apply(headed.get());
        }
        Household holder = headed.orElseGet(() -> Optional.ofNullable(
                        households.activeElsewhere(List.of(hash), null).get(hash))
                .map(households::findById)
                .orElse(null));
        if (holder == null) {
            throw ApiException.of(RegistryCodes.HOUSEHOLD_HEAD_NOT_IN_DIVISION);
        }
        if (!actor.readScope().covers(holder.villageCode)) {
            refusals.object(
                    409,
                    "household:" + holder.id,
                    "the person is on file in a household outside the caller's division");
            FiledTwiceLog.attempt("lookup", actor, person.value(), holder.id);
        }
        throw ApiException.of(RegistryCodes.PERSON_FILED_ELSEWHERE);
    }

    /** A page of files, each as the caller's answer, and how many match in all. */
    public record Listing<T>(List<T> items, long total) {}

    /**
     * The files of a division the actor may read, a page at a time, narrowed by {@code search} when
     * it is not blank: a full resident ID that parses finds the files that person is a member of
     * through the ID's keyed hash, the same index a lookup uses (nothing is decrypted); any other
     * text finds the files whose head's or a member's name contains it. {@code total} counts the
     * matches.
     */
    @Transactional
    public <T> Listing<T> list(
            Actor actor,
            String division,
            boolean activeOnly,
            String search,
            int page,
            int size,
            Function<Household, T> answer) {
        String prefix = readablePrefix(actor, division);
        HouseholdRepository.Narrowing narrowing = narrowing(search);
        List<Household> items = households.inDivision(prefix, activeOnly, narrowing, page, size);
        long total = households.countInDivision(prefix, activeOnly, narrowing);
        return new Listing<>(items.stream().map(answer).toList(), total);
    }

    /** The division itself, or the official's own township when they ask for its county (or city, province). */
    private static String readablePrefix(Actor actor, String division) {
        if (actor.readScope().covers(division)) {
            return division;
        }
        if (division.length() < 12
                && actor.division() != null
                && actor.division().startsWith(division)) {
            return actor.division();
        }
        throw ApiException.of(RegistryCodes.DIVISION_OUTSIDE_SCOPE, division);
    }

    private HouseholdRepository.Narrowing narrowing(String search) {
        if (search == null || search.isBlank()) {
            return HouseholdRepository.Narrowing.NONE;
        }
        String text = search.strip();
        if (text.length() == 18) {
            ResidentId.Result parsed = ResidentId.parse(text, LocalDate.now(clock));
            if (parsed.valid()) {
                return HouseholdRepository.Narrowing.byResidentIdHash(
                        documents.hashOfResidentId(parsed.id().get().value()));
            }
        }
        return HouseholdRepository.Narrowing.byName(text);
    }

    @Transactional
    public <T> List<T> revisions(Actor actor, UUID id, Function<HouseholdRevision, T> answer) {
        readable(actor, id);
        return households.revisionsOf(id).stream().map(answer).toList();
    }

    /** One revision of a household the caller may read, with today's file (whose identifiers the view resolves). */
    public record StoredRevision(Household current, HouseholdRevision revision) {}

    @Transactional
    public <T> T revision(Actor actor, UUID id, int version, Function<StoredRevision, T> answer) {
        Household current = readable(actor, id);
        return answer.apply(households
                .revisionOf(id, version)
                .map(r -> new StoredRevision(current, r))
                .orElseThrow(() -> ApiException.of(RegistryCodes.HOUSEHOLD_VERSION_NOT_FOUND, version)));
    }

    private Household lockedForWrite(Actor actor, UUID id, int expectedVersion) {
        Household household = households.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (household == null) {
            throw ApiException.of(RegistryCodes.HOUSEHOLD_NOT_FOUND, id);
        }
        requireWritable(actor, household.villageCode);
        if (household.version != expectedVersion) {
            throw ApiException.of(RegistryCodes.HOUSEHOLD_STALE_VERSION, household.version, expectedVersion);
        }
        return household;
    }

    private HouseholdFileChecker.Outcome requirePassed(String via, Actor actor, HouseholdFile file, UUID own) {
        HouseholdFileChecker.Outcome outcome = checker.check(via, actor, file, own);
        if (!outcome.passed()) {
            throw refused(outcome);
        }
        return outcome;
    }

    /**
     * A file refused by its checks: how many problems, and each field's code (a validation problem).
     * When its only problem is people already on file elsewhere, the answer is the conflict a
     * lookup of such a person gives, {@code person.filed-elsewhere}, with the members it concerns.
     */
    private static ApiException refused(HouseholdFileChecker.Outcome outcome) {
        if (outcome.errors().stream()
                .allMatch(e -> RegistryCodes.PERSON_FILED_ELSEWHERE.code().equals(e.code()))) {
            return new ApiException(Problem.invalid(RegistryCodes.PERSON_FILED_ELSEWHERE, outcome.errors()));
        }
        return new ApiException(Problem.invalid(
                RegistryCodes.HOUSEHOLD_FILE_INVALID,
                outcome.errors(),
                outcome.errors().size()));
    }

    /** A household's file is written by the official of its village's township alone. */
    private void requireWritable(Actor actor, String villageCode) {
        if (villageCode != null && !actor.isTownshipOfficialOf(villageCode)) {
            throw ApiException.of(RegistryCodes.VILLAGE_OUTSIDE_TOWNSHIP, villageCode);
        }
    }

    private void stamp(Household household, Actor actor) {
        household.updatedBy = actor.username();
        // the column keeps microseconds: the answer, the revision and the event carry the stored instant
        household.updatedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private void record(Household household, HouseholdRevision.Kind kind, Actor actor, String reason, JsonNode before) {
        households.flush();
        households.replaceActivePersons(
                household.id,
                household.status == Household.Status.ACTIVE
                        ? household.members.stream().map(m -> m.residentIdHash).toList()
                        : List.of());
        households.append(revision(household, kind, actor, reason, before));
        outbox.record(
                EventCatalog.HOUSEHOLD_CHANGED,
                household.id.toString(),
                documents.event(household, LocalDate.now(clock)));
    }

    private HouseholdRevision revision(
            Household household, HouseholdRevision.Kind kind, Actor actor, String reason, JsonNode before) {
        JsonNode after = documents.snapshot(household);
        HouseholdRevision revision = new HouseholdRevision();
        revision.householdId = household.id;
        revision.version = household.version;
        revision.kind = kind;
        revision.changedBy = actor.username();
        revision.changedAt = household.updatedAt;
        revision.reason = reason;
        revision.changedFields = before == null ? List.of() : JsonDiff.changedPaths(before, after);
        revision.snapshot = after.toString();
        return revision;
    }
}
