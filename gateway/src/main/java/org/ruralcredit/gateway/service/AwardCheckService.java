package org.ruralcredit.gateway.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.validation.FreeText;
import org.ruralcredit.commons.validation.RequestConstraints;
import org.ruralcredit.gateway.config.AwardConfig;
import org.ruralcredit.gateway.domain.AwardRules;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.repository.AwardCheckRepository;
import org.ruralcredit.gateway.service.HouseholdReportService.Sources;
import org.ruralcredit.gateway.service.sources.MoralityClient.Profile;

/**
 * Household award checks for agencies: each household's facts from the registry, credit-rating and
 * the moral bank, judged by {@link AwardRules}; the agency gets pass/fail and reason categories, and
 * every check is logged with its results.
 */
@ApplicationScoped
public class AwardCheckService {

    /** How many resident IDs a batch may hold is configured, and each is judged by today's date: the service checks them. */
    public record CheckRequest(
            @FreeText(max = 100, plainText = true, strip = true, message = "{text.required-plain}")
            String programme,

            List<String> residentIds) {}

    public record Result(int position, String subject, String outcome, List<String> reasons) {}

    public record CheckResult(
            UUID checkId,
            String programme,
            int minMoralPoints,
            Instant checkedAt,
            int passed,
            int failed,
            int undecided,
            List<Result> results) {}

    private final HouseholdReportService sources;
    private final Subjects subjects;
    private final AwardConfig config;
    private final AwardCheckRepository checks;
    private final RequestConstraints constraints;
    private final Clock clock;

    public AwardCheckService(
            HouseholdReportService sources,
            Subjects subjects,
            AwardConfig config,
            AwardCheckRepository checks,
            RequestConstraints constraints,
            Clock clock) {
        this.constraints = constraints;
        this.sources = sources;
        this.subjects = subjects;
        this.config = config;
        this.checks = checks;
        this.clock = clock;
    }

    public CheckResult check(CheckRequest request, String institution, String username) {
        LocalDate today = LocalDate.now(clock);
        CheckRequest given = request == null ? new CheckRequest(null, null) : request;
        List<FieldError> errors = constraints.problemsOf(given);
        List<String> raw = given.residentIds() == null ? List.of() : given.residentIds();
        if (raw.isEmpty() || raw.size() > config.maxBatch()) {
            errors.add(FieldError.of("residentIds", GatewayCodes.AWARD_CHECK_RESIDENT_IDS, config.maxBatch()));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < raw.size() && raw.size() <= config.maxBatch(); i++) {
            ids.add(subjects.check(SubjectType.HOUSEHOLD, raw.get(i), "residentIds[" + i + "]", today, errors));
        }
        RequestConstraints.refuseIfAny(errors);
        if (institution == null || institution.isBlank()) {
            throw ApiException.of(GatewayCodes.NO_INSTITUTION_NAMED);
        }
        List<Result> results = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String hash = subjects.hash(SubjectType.HOUSEHOLD, ids.get(i));
            AwardRules.Verdict v = AwardRules.check(facts(sources.fetch(ids.get(i), hash)), config.minMoralPoints());
            hashes.add(hash);
            results.add(new Result(
                    i,
                    ResidentId.mask(ids.get(i)),
                    v.outcome().name(),
                    v.reasons().stream().map(Enum::name).toList()));
        }
        return log(given.programme().strip(), institution, username, results, hashes);
    }

    private static AwardRules.Facts facts(Sources s) {
        Section<HouseholdReport.Ratings> rating = HouseholdReportService.ratingSection(s.ratings(), s.household());
        Section<Profile> moral = HouseholdReportService.moralSection(s.profile(), s.household());
        boolean unavailable = (!s.household().ok() && !s.household().notFound()) || rating.missing() || moral.missing();
        var standing = moral.isAvailable() ? moral.data().standing() : null;
        return new AwardRules.Facts(
                s.household().ok(),
                rating.isAvailable() ? rating.data().current().creditHousehold() : null,
                standing == null ? null : standing.vetoed(),
                standing == null ? null : standing.totalPoints(),
                unavailable);
    }

    @Transactional
    CheckResult log(String programme, String institution, String username, List<Result> results, List<String> hashes) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int passed = count(results, "PASS");
        int failed = count(results, "FAIL");
        int undecided = count(results, "UNDECIDED");
        checks.insertCheck(
                id, programme, institution, username, now, config.minMoralPoints(), passed, failed, undecided);
        for (Result r : results) {
            checks.insertResult(id, r.position(), hashes.get(r.position()), r.outcome(), String.join(",", r.reasons()));
        }
        return new CheckResult(id, programme, config.minMoralPoints(), now, passed, failed, undecided, results);
    }

    private static int count(List<Result> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }
}
