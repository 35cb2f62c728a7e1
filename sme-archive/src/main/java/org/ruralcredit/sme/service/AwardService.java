package org.ruralcredit.sme.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ruralcredit.commons.identity.Uscc;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.validation.FreeText;
import org.ruralcredit.commons.validation.RequestConstraints;
import org.ruralcredit.commons.validation.RequiredWithin;
import org.ruralcredit.sme.config.SmeConfig;
import org.ruralcredit.sme.domain.AwardCheck;
import org.ruralcredit.sme.domain.AwardDecision;
import org.ruralcredit.sme.domain.AwardRules;
import org.ruralcredit.sme.domain.FeedSource;
import org.ruralcredit.sme.repository.AwardRepository;
import org.ruralcredit.sme.repository.FeedRepository;

/** Award checks for agencies: pass or fail with reason categories per code, every check logged. */
@ApplicationScoped
public class AwardService {

    public static final String CUSTOM = "CUSTOM";

    /**
     * For {@code CUSTOM}: the programme's own name (cooling-off is per name), look-back and disqualifying facts.
     * The facts are checked by the service, whose refusal lists the facts there are.
     */
    public record CustomRules(
            @FreeText(max = 64, plainText = true, message = "{award-check.rules-name}")
            String name,

            @RequiredWithin(min = 1, max = 10, message = "{award-check.look-back-years}")
            Integer lookBackYears,

            Set<String> disqualifying) {}

    /** The rules count only for {@code CUSTOM}, so they are validated only then; the codes are checked one by one. */
    public record CheckRequest(String programme, @Valid CustomRules rules, List<String> codes) {}

    public record CodeResult(String uscc, boolean passed, List<AwardRules.Reason> reasons) {}

    public record CheckResult(
            UUID checkId,
            String programme,
            AwardRules.RuleSet rules,
            Instant checkedAt,
            int passed,
            int failed,
            List<CodeResult> results) {}

    /** The credit code is checked by the service, whose refusal names the wrong characters. */
    public record DecisionData(
            String uscc,

            @FreeText(max = 64, plainText = true, message = "{award.programme}")
            String programme,

            @NotNull(message = "{award.outcome}")
            @Pattern(regexp = "GRANTED|REVOKED|WITHDRAWN", message = "{award.outcome}")
            String outcome,

            @NotNull(message = "{award.decided-on}") @PastOrPresent(message = "{award.decided-on}")
            LocalDate decidedOn) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwardRepository awards;
    private final FeedRepository feeds;
    private final SmeConfig config;
    private final Caller caller;
    private final RequestConstraints constraints;
    private final Clock clock;

    public AwardService(
            AwardRepository awards,
            FeedRepository feeds,
            SmeConfig config,
            Caller caller,
            RequestConstraints constraints,
            Clock clock) {
        this.clock = clock;
        this.constraints = constraints;
        this.awards = awards;
        this.feeds = feeds;
        this.config = config;
        this.caller = caller;
    }

    @Transactional
    public CheckResult check(CheckRequest request) {
        AwardRules.RuleSet rules = rulesOf(request);
        List<String> codes = codesOf(request.codes());

        Set<String> archived = feeds.archived(codes);
        Map<String, List<AwardRules.Fact>> facts = feeds.factsOf(archived).stream()
                .collect(Collectors.groupingBy(
                        f -> f.uscc,
                        Collectors.mapping(
                                f -> new AwardRules.Fact(FeedSource.valueOf(f.source), f.asOf, f.facts),
                                Collectors.toList())));
        Map<String, List<AwardRules.Decision>> decisions = awards.decisionsOf(archived).stream()
                .collect(Collectors.groupingBy(
                        d -> d.uscc,
                        Collectors.mapping(
                                d -> new AwardRules.Decision(d.programme, d.outcome, d.decidedOn),
                                Collectors.toList())));
        LocalDate today = LocalDate.now(clock);
        List<CodeResult> results = new ArrayList<>();
        for (String code : codes) {
            AwardRules.Verdict v = AwardRules.check(
                    archived.contains(code),
                    facts.getOrDefault(code, List.of()),
                    decisions.getOrDefault(code, List.of()),
                    rules,
                    today,
                    config.awards().revokedCoolingOffYears(),
                    config.awards().withdrawnCoolingOffYears());
            results.add(new CodeResult(code, v.passed(), v.reasons()));
        }

        AwardCheck log = new AwardCheck();
        log.id = UUID.randomUUID();
        log.programme = rules.programme();
        log.rulesJson = write(rules);
        log.institution = caller.institution();
        log.checkedBy = caller.username();
        log.checkedAt = Instant.now(clock);
        log.codeCount = codes.size();
        log.passedCount = (int) results.stream().filter(CodeResult::passed).count();
        log.resultsJson = write(results);
        awards.persist(log);
        return new CheckResult(
                log.id,
                rules.programme(),
                rules,
                log.checkedAt,
                log.passedCount,
                codes.size() - log.passedCount,
                results);
    }

    @Transactional
    public AwardDecision record(DecisionData data) {
        List<Problem.FieldError> errors = constraints.problemsOf(data);
        Uscc code = data.uscc() == null ? null : Uscc.parse(data.uscc()).orElse(null);
        if (code == null) {
            errors.add(IdentityProblems.uscc("uscc", data.uscc())
                    .orElse(Problem.FieldError.of("uscc", CommonCodes.FIELD_INVALID)));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (feeds.archived(List.of(code.value())).isEmpty()) {
            throw ApiException.of(SmeCodes.FIRM_NOT_ARCHIVED, code.value());
        }
        if (awards.decisionExists(code.value(), data.programme(), data.outcome(), data.decidedOn())) {
            throw ApiException.of(SmeCodes.AWARD_DECISION_EXISTS);
        }
        AwardDecision d = new AwardDecision();
        d.id = UUID.randomUUID();
        d.uscc = code.value();
        d.programme = data.programme();
        d.outcome = data.outcome();
        d.decidedOn = data.decidedOn();
        d.institution = caller.institution() == null ? "" : caller.institution();
        d.recordedBy = caller.username();
        d.recordedAt = Instant.now(clock);
        awards.persist(d);
        return d;
    }

    public static List<CodeResult> resultsOf(AwardCheck check) {
        try {
            return JSON.readValue(check.resultsJson, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("logged award results are unreadable", e);
        }
    }

    private AwardRules.RuleSet rulesOf(CheckRequest request) {
        String programme = request.programme();
        if ("CONTRACT_ABIDING".equals(programme)) {
            return AwardRules.CONTRACT_ABIDING;
        }
        if ("INTEGRITY_STAR".equals(programme)) {
            return AwardRules.INTEGRITY_STAR;
        }
        if (!CUSTOM.equals(programme)) {
            throw ApiException.invalid("programme", SmeCodes.AWARD_CHECK_PROGRAMME);
        }
        CustomRules custom = request.rules();
        if (custom == null) {
            throw ApiException.invalid("rules", SmeCodes.AWARD_CHECK_RULES_REQUIRED);
        }
        List<Problem.FieldError> errors = constraints.problemsOf(request);
        // a custom programme may not pass itself off as one of the built-in ones
        if (Set.of("CONTRACT_ABIDING", "INTEGRITY_STAR").contains(custom.name())) {
            errors.add(Problem.FieldError.of("rules.name", SmeCodes.AWARD_CHECK_RULES_NAME, 64));
        }
        Set<AwardRules.Reason> disqualifying = EnumSet.noneOf(AwardRules.Reason.class);
        if (custom.disqualifying() == null || custom.disqualifying().isEmpty()) {
            errors.add(Problem.FieldError.of(
                    "rules.disqualifying",
                    SmeCodes.AWARD_CHECK_DISQUALIFYING_REQUIRED,
                    List.copyOf(AwardRules.DISQUALIFYING_FACTS)));
        } else {
            for (String name : custom.disqualifying()) {
                AwardRules.DISQUALIFYING_FACTS.stream()
                        .filter(r -> r.name().equals(name))
                        .findFirst()
                        .ifPresentOrElse(
                                disqualifying::add,
                                () -> errors.add(Problem.FieldError.of(
                                        "rules.disqualifying",
                                        SmeCodes.AWARD_CHECK_DISQUALIFYING_UNKNOWN,
                                        name,
                                        List.copyOf(AwardRules.DISQUALIFYING_FACTS))));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new AwardRules.RuleSet(custom.name().strip(), custom.lookBackYears(), disqualifying);
    }

    private List<String> codesOf(List<String> raw) {
        int max = config.awards().maxCodes();
        if (raw == null || raw.isEmpty()) {
            throw ApiException.invalid("codes", SmeCodes.AWARD_CHECK_CODES_REQUIRED);
        }
        if (raw.size() > max) {
            throw ApiException.invalid("codes", SmeCodes.AWARD_CHECK_TOO_MANY_CODES, max, raw.size());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i);
            Optional<Uscc> code = text == null ? Optional.empty() : Uscc.parse(text);
            if (code.isPresent()) {
                codes.add(code.get().value());
            } else {
                int index = i;
                errors.add(IdentityProblems.uscc("codes[" + index + "]", text)
                        .orElse(Problem.FieldError.of("codes[" + index + "]", CommonCodes.FIELD_INVALID)));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return List.copyOf(codes);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
