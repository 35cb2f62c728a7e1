package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.commons.validation.FreeText;
import org.ruralcredit.commons.validation.RequestConstraints;
import org.ruralcredit.gateway.domain.AnswerDeadline;
import org.ruralcredit.gateway.domain.Statement;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.repository.StatementRepository;
import org.ruralcredit.gateway.service.HouseholdReport.StatementView;
import org.ruralcredit.gateway.service.sources.RegistryClient;

/**
 * Objections (异议) and personal statements (个人声明). A household's township official raises them
 * for the household; credit-admin records a firm's (firms have no accounts of their own). An objection
 * goes to the queue of the service that owns the fact and must be answered within 20 days; both show
 * on the subject's reports with their state and outcome. An objection about the loans section
 * suspends the adverse loan reports standing on the subject until it is answered (AdverseReportService).
 */
@ApplicationScoped
public class StatementService {

    /**
     * Which service owns the facts of a report section, in the report's order: a refusal of the
     * section lists them in this order, the same on every server.
     */
    public static final SequencedMap<String, String> OWNERS = inOrder(
            "identity", "farmer-registry",
            "household", "farmer-registry",
            "rating", "credit-rating",
            "morality", "morality-score",
            "enterprise", "sme-archive",
            "loans", "gateway",
            "queries", "gateway");

    /** The subject's identifier and the section (whose owners depend on the subject type) are checked by the service. */
    public record Raise(
            @NotNull(message = "{statement.kind-required}") Statement.Kind kind,
            @NotNull(message = "{subject-type.required}") SubjectType subjectType,
            String subjectId,
            String section,

            @FreeText(max = 1000, plainText = true, message = "{text.required-plain}")
            String text) {}

    public record Answer(
            @NotNull(message = "{objection.outcome-required}")
            Statement.Outcome outcome,

            @FreeText(max = 1000, plainText = true, message = "{text.required-plain}")
            String answer) {}

    public record QueueItem(StatementView statement, String subjectType, String subject, String owningService) {}

    private final StatementRepository statements;
    private final Subjects subjects;
    private final HouseholdReportService households;
    private final AdverseReportService adverse;
    private final RequestConstraints constraints;
    private final Clock clock;

    public StatementService(
            StatementRepository statements,
            Subjects subjects,
            HouseholdReportService households,
            AdverseReportService adverse,
            RequestConstraints constraints,
            Clock clock) {
        this.constraints = constraints;
        this.statements = statements;
        this.subjects = subjects;
        this.households = households;
        this.adverse = adverse;
        this.clock = clock;
    }

    public QueueItem raise(Raise r, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        if (r == null) {
            throw ApiException.invalid("body", CommonCodes.FIELD_REQUIRED);
        }
        List<FieldError> errors = constraints.problemsOf(r);
        String id = subjects.check(r.subjectType(), r.subjectId(), "subjectId", today, errors);
        String owner = r.section() == null ? null : OWNERS.get(r.section());
        if (owner == null
                || (r.subjectType() == SubjectType.FIRM
                        && "farmer-registry,credit-rating,morality-score".contains(owner))
                || (r.subjectType() == SubjectType.HOUSEHOLD && owner.equals("sme-archive"))) {
            errors.add(FieldError.of("section", GatewayCodes.STATEMENT_SECTION, List.copyOf(OWNERS.keySet())));
        }
        RequestConstraints.refuseIfAny(errors);
        requireMayRaise(r.subjectType(), id, caller);
        return save(r, id, owner, caller.username(), today);
    }

    /** Households: their township's official (checked against the registry); firms: credit-admin. */
    private void requireMayRaise(SubjectType type, String id, Caller caller) {
        if (type == SubjectType.FIRM) {
            if (!caller.hasRole(Role.CREDIT_ADMIN)) {
                throw ApiException.of(GatewayCodes.STATEMENT_FIRM_BY_CREDIT_ADMIN);
            }
            return;
        }
        if (!caller.hasRole(Role.TOWNSHIP_OFFICIAL) || caller.division() == null) {
            throw ApiException.of(GatewayCodes.STATEMENT_HOUSEHOLD_BY_OFFICIAL);
        }
        requireOwnTownship(id, caller.division());
    }

    /** The household of this head lives in the official's township (registry), else 404 / 503. */
    public void requireOwnTownship(String residentId, String division) {
        if (!inOwnTownship(residentId, division)) {
            throw ApiException.of(GatewayCodes.HOUSEHOLD_NOT_IN_TOWNSHIP);
        }
    }

    /**
     * Whether the registry holds an active household of this head in the official's township (a
     * village code under the official's division); a 503 problem when the registry does not answer,
     * since the township cannot then be checked.
     */
    public boolean inOwnTownship(String residentId, String division) {
        HouseholdReportService.Outcome<RegistryClient.Household> h = households.householdOf(residentId);
        if (!h.ok() && !h.notFound()) {
            throw ApiException.of(GatewayCodes.REGISTRY_UNAVAILABLE);
        }
        return h.ok()
                && division != null
                && h.value().villageCode() != null
                && h.value().villageCode().startsWith(division);
    }

    @Transactional
    QueueItem save(Raise r, String id, String owner, String username, LocalDate today) {
        Statement s = new Statement();
        s.id = UUID.randomUUID();
        s.kind = r.kind();
        s.subjectType = r.subjectType();
        s.subjectIdEnc = subjects.encrypt(id);
        s.subjectHash = subjects.hash(r.subjectType(), id);
        s.section = r.section();
        s.owningService = owner;
        s.text = r.text().strip();
        s.raisedBy = username;
        s.raisedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        s.answerDueOn = r.kind() == Statement.Kind.OBJECTION ? AnswerDeadline.dueOn(today) : null;
        statements.persist(s);
        if (s.kind == Statement.Kind.OBJECTION && "loans".equals(s.section)) {
            // an objection about the subject's loans suspends their adverse reports until it is answered
            statements.flush();
            adverse.objectionRaised(s.subjectType, s.subjectHash, s.id, username);
        }
        return item(s, today);
    }

    /** Open objections of one owning service, oldest first, overdue ones flagged. */
    @Transactional
    public List<QueueItem> queue(String owningService) {
        if (owningService == null || !OWNERS.containsValue(owningService)) {
            throw ApiException.invalid(
                    "service", CommonCodes.FIELD_ONE_OF, List.copyOf(new TreeSet<>(OWNERS.values())));
        }
        LocalDate today = LocalDate.now(clock);
        return statements.openObjectionsTo(owningService).stream()
                .map(s -> item(s, today))
                .toList();
    }

    /** An objection is answered once; a second answer is a conflict. */
    @Transactional
    public QueueItem answer(UUID id, Answer a, String username) {
        // no body is an answer with neither field
        RequestConstraints.refuseIfAny(constraints.problemsOf(a == null ? new Answer(null, null) : a));
        Statement s = statements
                .lockedById(id)
                .filter(found -> found.kind == Statement.Kind.OBJECTION)
                .orElseThrow(() -> ApiException.of(GatewayCodes.OBJECTION_NOT_FOUND, id));
        if (s.answeredAt != null) {
            throw ApiException.of(GatewayCodes.OBJECTION_ALREADY_ANSWERED, s.answeredAt, s.answeredBy);
        }
        s.outcome = a.outcome();
        s.answer = a.answer().strip();
        s.answeredBy = username;
        s.answeredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        adverse.objectionAnswered(s.id, s.outcome, username);
        return item(s, LocalDate.now(clock));
    }

    /** What a report shows of a subject's objections and statements. */
    @Transactional
    public List<StatementView> onReport(SubjectType type, String subjectHash, LocalDate today) {
        return statements.about(type, subjectHash).stream()
                .map(s -> view(s, today))
                .toList();
    }

    private QueueItem item(Statement s, LocalDate today) {
        return new QueueItem(
                view(s, today), s.subjectType.name(), subjects.masked(s.subjectType, s.subjectIdEnc), s.owningService);
    }

    private static StatementView view(Statement s, LocalDate today) {
        boolean objection = s.kind == Statement.Kind.OBJECTION;
        String status = !objection ? "RECORDED" : s.answeredAt == null ? "OPEN" : "ANSWERED";
        boolean overdue = objection && AnswerDeadline.overdue(s.answerDueOn, s.answeredAt != null, today);
        return new StatementView(
                s.id,
                s.kind.name(),
                s.section,
                s.text,
                status,
                s.raisedAt,
                s.answerDueOn,
                overdue,
                s.outcome == null ? null : s.outcome.name() + (s.answer == null ? "" : ": " + s.answer),
                s.answeredAt);
    }

    private static SequencedMap<String, String> inOrder(String... keysAndValues) {
        SequencedMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableSequencedMap(map);
    }
}
