package org.ruralcredit.sme.service;

import org.ruralcredit.commons.identity.Uscc;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.validation.TextRules;
import org.ruralcredit.commons.security.Caller;
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

    /** For {@code CUSTOM}: the programme's own name (cooling-off is per name), look-back and disqualifying facts. */
    public record CustomRules(String name, Integer lookBackYears, Set<String> disqualifying) {
    }

    public record CheckRequest(String programme, CustomRules rules, List<String> codes) {
    }

    public record CodeResult(String uscc, boolean passed, List<AwardRules.Reason> reasons) {
    }

    public record CheckResult(UUID checkId, String programme, AwardRules.RuleSet rules, Instant checkedAt,
                              int passed, int failed, List<CodeResult> results) {
    }

    public record DecisionData(String uscc, String programme, String outcome, LocalDate decidedOn) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwardRepository awards;
    private final FeedRepository feeds;
    private final SmeConfig config;
    private final Caller caller;

    public AwardService(AwardRepository awards, FeedRepository feeds, SmeConfig config, Caller caller) {
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
        Map<String, List<AwardRules.Fact>> facts = feeds.factsOf(archived).stream().collect(Collectors.groupingBy(
                f -> f.uscc, Collectors.mapping(f -> new AwardRules.Fact(FeedSource.valueOf(f.source), f.asOf, f.facts),
                        Collectors.toList())));
        Map<String, List<AwardRules.Decision>> decisions = awards.decisionsOf(archived).stream().collect(
                Collectors.groupingBy(d -> d.uscc, Collectors.mapping(
                        d -> new AwardRules.Decision(d.programme, d.outcome, d.decidedOn), Collectors.toList())));
        LocalDate today = LocalDate.now(FeedService.CHINA);
        List<CodeResult> results = new ArrayList<>();
        for (String code : codes) {
            AwardRules.Verdict v = AwardRules.check(archived.contains(code), facts.getOrDefault(code, List.of()),
                    decisions.getOrDefault(code, List.of()), rules, today, config.awards().revokedCoolingOffYears(),
                    config.awards().withdrawnCoolingOffYears());
            results.add(new CodeResult(code, v.passed(), v.reasons()));
        }

        AwardCheck log = new AwardCheck();
        log.id = UUID.randomUUID();
        log.programme = rules.programme();
        log.rulesJson = write(rules);
        log.institution = caller.institution();
        log.checkedBy = caller.username();
        log.checkedAt = Instant.now();
        log.codeCount = codes.size();
        log.passedCount = (int) results.stream().filter(CodeResult::passed).count();
        log.resultsJson = write(results);
        awards.persist(log);
        return new CheckResult(log.id, rules.programme(), rules, log.checkedAt, log.passedCount,
                codes.size() - log.passedCount, results);
    }

    @Transactional
    public AwardDecision record(DecisionData data) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Uscc code = data.uscc() == null ? null : Uscc.parse(data.uscc()).orElse(null);
        if (code == null) {
            errors.add(new Problem.FieldError("uscc", Uscc.problemWith(data.uscc()).orElse("invalid")));
        }
        if (data.programme() == null || data.programme().isBlank() || data.programme().length() > 64
                || !TextRules.isPlainText(data.programme())) {
            errors.add(new Problem.FieldError("programme", "is required, plain text of at most 64 characters"));
        }
        if (!Set.of("GRANTED", "REVOKED", "WITHDRAWN").contains(String.valueOf(data.outcome()))) {
            errors.add(new Problem.FieldError("outcome", "must be GRANTED, REVOKED or WITHDRAWN"));
        }
        if (data.decidedOn() == null || data.decidedOn().isAfter(LocalDate.now(FeedService.CHINA))) {
            errors.add(new Problem.FieldError("decidedOn", "is required and cannot be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(Problem.validation("The award decision has " + errors.size() + " invalid field(s).",
                    errors));
        }
        if (feeds.archived(List.of(code.value())).isEmpty()) {
            throw ApiException.notFound("No firm with credit code " + code + " is archived.");
        }
        if (awards.decisionExists(code.value(), data.programme(), data.outcome(), data.decidedOn())) {
            throw ApiException.conflict("decision-exists", "This decision is already recorded.");
        }
        AwardDecision d = new AwardDecision();
        d.id = UUID.randomUUID();
        d.uscc = code.value();
        d.programme = data.programme();
        d.outcome = data.outcome();
        d.decidedOn = data.decidedOn();
        d.institution = caller.institution() == null ? "" : caller.institution();
        d.recordedBy = caller.username();
        d.recordedAt = Instant.now();
        awards.persist(d);
        return d;
    }

    public static List<CodeResult> resultsOf(AwardCheck check) {
        try {
            return JSON.readValue(check.resultsJson, new TypeReference<>() {
            });
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
            throw ApiException.invalid("programme", "must be CONTRACT_ABIDING (守合同重信用), INTEGRITY_STAR (诚信之星) or CUSTOM");
        }
        CustomRules custom = request.rules();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (custom == null) {
            throw ApiException.invalid("rules", "a CUSTOM check needs rules: name, lookBackYears, disqualifying");
        }
        if (custom.name() == null || custom.name().isBlank() || custom.name().length() > 64
                || !TextRules.isPlainText(custom.name()) || Set.of("CONTRACT_ABIDING", "INTEGRITY_STAR").contains(custom.name())) {
            errors.add(new Problem.FieldError("rules.name", "is required, plain text of at most 64 characters, not a built-in programme"));
        }
        if (custom.lookBackYears() == null || custom.lookBackYears() < 1 || custom.lookBackYears() > 10) {
            errors.add(new Problem.FieldError("rules.lookBackYears", "must be 1 to 10"));
        }
        Set<AwardRules.Reason> disqualifying = EnumSet.noneOf(AwardRules.Reason.class);
        if (custom.disqualifying() == null || custom.disqualifying().isEmpty()) {
            errors.add(new Problem.FieldError("rules.disqualifying", "name at least one of " + AwardRules.DISQUALIFYING_FACTS));
        } else {
            for (String name : custom.disqualifying()) {
                AwardRules.DISQUALIFYING_FACTS.stream().filter(r -> r.name().equals(name)).findFirst()
                        .ifPresentOrElse(disqualifying::add, () -> errors.add(new Problem.FieldError(
                                "rules.disqualifying", "'" + name + "' is not one of " + AwardRules.DISQUALIFYING_FACTS)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(Problem.validation("The custom rule set is invalid.", errors));
        }
        return new AwardRules.RuleSet(custom.name().strip(), custom.lookBackYears(), disqualifying);
    }

    private List<String> codesOf(List<String> raw) {
        int max = config.awards().maxCodes();
        if (raw == null || raw.isEmpty()) {
            throw ApiException.invalid("codes", "list at least one unified social credit code");
        }
        if (raw.size() > max) {
            throw ApiException.invalid("codes", "at most " + max + " codes per check, not " + raw.size()
                    + "; split the batch");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i);
            var code = text == null ? java.util.Optional.<Uscc>empty() : Uscc.parse(text);
            if (code.isPresent()) {
                codes.add(code.get().value());
            } else {
                int index = i;
                errors.add(new Problem.FieldError("codes[" + index + "]", Uscc.problemWith(text == null ? null
                        : text.strip().toUpperCase(java.util.Locale.ROOT)).orElse("invalid")));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(Problem.validation(errors.size() + " code(s) in the batch are not valid credit codes;"
                    + " nothing was checked.", errors));
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
