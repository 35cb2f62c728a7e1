package org.ruralcredit.rating.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.outbox.Outbox;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Actor;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.rating.DivisionCriterion;
import org.ruralcredit.events.rating.TownshipRated;
import org.ruralcredit.events.rating.VillageRated;
import org.ruralcredit.rating.domain.DivisionRatingRecord;
import org.ruralcredit.rating.domain.Village;
import org.ruralcredit.rating.domain.division.CountyFigures;
import org.ruralcredit.rating.domain.division.CriterionResult;
import org.ruralcredit.rating.domain.division.DivisionFigures;
import org.ruralcredit.rating.domain.division.DivisionLevel;
import org.ruralcredit.rating.domain.division.DivisionRating;
import org.ruralcredit.rating.domain.division.DivisionRatingEvaluator;
import org.ruralcredit.rating.domain.division.LendingFigures;
import org.ruralcredit.rating.domain.division.RuleSet;
import org.ruralcredit.rating.domain.division.RuleSetCatalog;
import org.ruralcredit.rating.domain.division.TownshipFigures;
import org.ruralcredit.rating.domain.division.VillageFigures;
import org.ruralcredit.rating.repository.DivisionFiguresRepository;
import org.ruralcredit.rating.repository.DivisionRatingRepository;
import org.ruralcredit.rating.repository.VillageRepository;

/**
 * Village, township and county ratings: measured from this service's tables, judged by a chosen
 * rule set, stored PENDING, then approved or rejected once at the next review level (a village by
 * its township's official, a township or county by a credit-admin), never by whoever computed it.
 * Approved village and township results are announced through the outbox.
 */
@ApplicationScoped
public class DivisionRatingService {

    private static final DivisionRatingEvaluator EVALUATOR = new DivisionRatingEvaluator();

    private final DivisionRatingRepository results;
    private final DivisionFiguresRepository figures;
    private final VillageRepository villages;
    private final Outbox outbox;
    private final Clock clock;
    private final Caller caller;

    public DivisionRatingService(
            DivisionRatingRepository results,
            DivisionFiguresRepository figures,
            VillageRepository villages,
            Outbox outbox,
            Clock clock,
            Caller caller) {
        this.results = results;
        this.caller = caller;
        this.figures = figures;
        this.villages = villages;
        this.outbox = outbox;
        this.clock = clock;
    }

    public static DivisionLevel levelOf(String code) {
        return switch (code == null ? 0 : code.length()) {
            case 12 -> DivisionLevel.VILLAGE;
            case 9 -> DivisionLevel.TOWNSHIP;
            case 6 -> DivisionLevel.COUNTY;
            default -> throw ApiException.invalid("division", RatingCodes.DIVISION_CODE_LEVEL);
        };
    }

    /** Measures and judges one division; the result waits for approval. */
    @Transactional
    public DivisionRatingRecord compute(String code, String ruleSetId, Integer ruleSetVersion, Actor actor) {
        DivisionLevel level = levelOf(code);
        requireMayCompute(level, code, actor);
        RuleSet ruleSet = ruleSetId == null
                ? RuleSetCatalog.defaultFor(level)
                : RuleSetCatalog.find(ruleSetId, ruleSetVersion)
                        .orElseThrow(() -> ApiException.invalid(
                                "ruleSet",
                                RatingCodes.RULE_SET_UNKNOWN,
                                ruleSetId + (ruleSetVersion == null ? "" : " v" + ruleSetVersion)));
        if (ruleSet.level() != level) {
            throw ApiException.invalid(
                    "ruleSet",
                    RatingCodes.RULE_SET_WRONG_LEVEL,
                    ruleSet.id(),
                    ruleSet.level().name(),
                    code,
                    level.name());
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        DivisionFigures measured;
        try {
            measured = measure(level, code, shown);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(RatingCodes.DIVISION_INCONSISTENT_FIGURES, code, e.getMessage());
        }
        return store(EVALUATOR.evaluate(ruleSet, measured), shown, actor.username());
    }

    private DivisionFigures measure(DivisionLevel level, String code, Map<String, Object> shown) {
        if (level == DivisionLevel.VILLAGE) {
            Village village = villages.findById(code);
            if (village == null) {
                throw ApiException.of(RatingCodes.VILLAGE_NOT_KNOWN, code);
            }
            DivisionFiguresRepository.CreditHouseholds counted = figures.creditHouseholds(code, LocalDate.now(clock));
            long credit = counted.total();
            shown.put("householdsInProfile", village.totalHouseholds);
            shown.put("profileAsOf", village.figuresAsOf.toString());
            shown.put("creditHouseholds", credit);
            // which rating counted: a household's FINAL rating while valid, else its newest
            shown.put("creditHouseholdsByFinalRating", counted.fromFinal());
            shown.put("creditHouseholdsByNewestRating", credit - counted.fromFinal());
            return new VillageFigures(
                    code, village.totalHouseholds, Math.toIntExact(credit), lending(level, code, shown));
        }
        long villageCount = figures.administrativeVillages(code);
        if (villageCount == 0) {
            throw ApiException.of(RatingCodes.DIVISION_NO_VILLAGE_KNOWN, code);
        }
        long creditVillages = figures.creditVillages(code);
        shown.put("administrativeVillages", villageCount);
        shown.put("creditVillages", creditVillages);
        if (level == DivisionLevel.COUNTY) {
            return new CountyFigures(code, Math.toIntExact(villageCount), Math.toIntExact(creditVillages));
        }
        return new TownshipFigures(
                code, Math.toIntExact(villageCount), Math.toIntExact(creditVillages), lending(level, code, shown));
    }

    private LendingFigures lending(DivisionLevel level, String code, Map<String, Object> shown) {
        DivisionFiguresRepository.Lending lending = figures.lending(level, code);
        int lastYear = LocalDate.now(clock).getYear() - 1;
        Optional<BigDecimal> lastYearRatio = figures.nplRatioOfYear(
                level,
                code,
                LocalDate.of(lastYear, 1, 1).atStartOfDay(ServiceClock.CHINA).toInstant(),
                LocalDate.of(lastYear + 1, 1, 1)
                        .atStartOfDay(ServiceClock.CHINA)
                        .toInstant());
        shown.put("borrowers", lending.borrowers());
        shown.put("borrowersWithOverdue", lending.borrowersWithOverdue());
        shown.put("outstandingFen", lending.balanceFen());
        shown.put("nonPerformingFen", lending.nonPerformingFen());
        shown.put(
                "lastYearNplRatioPercent",
                lastYearRatio.map(BigDecimal::toPlainString).orElse(null));
        return new LendingFigures(
                Math.toIntExact(lending.borrowers()),
                Math.toIntExact(lending.borrowersWithOverdue()),
                lending.portfolio(),
                lastYearRatio);
    }

    private DivisionRatingRecord store(DivisionRating rating, Map<String, Object> shown, String username) {
        DivisionRatingRecord record = new DivisionRatingRecord();
        record.id = UUID.randomUUID();
        record.level = rating.level();
        record.divisionCode = rating.divisionCode();
        record.ruleSetId = rating.ruleSetId();
        record.ruleSetVersion = rating.ruleSetVersion();
        record.outcome = rating.outcome().name();
        record.criteria =
                rating.criteria().stream().map(DivisionRatingService::row).toList();
        record.figures = shown;
        Object balance = shown.get("outstandingFen");
        if (balance instanceof Long total && total > 0) {
            record.nplRatioPercent = BigDecimal.valueOf((Long) shown.get("nonPerformingFen"))
                    .multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(total), MathContext.DECIMAL64)
                    .setScale(6, RoundingMode.HALF_UP);
        }
        record.status = DivisionRatingRecord.Status.PENDING;
        record.computedBy = username;
        record.computedAt = Instant.now(clock);
        results.save(record);
        return record;
    }

    static DivisionCriterion row(CriterionResult r) {
        return new DivisionCriterion(
                r.measure().name(),
                r.measure().chineseLabel() + " / " + r.measure().englishLabel(),
                r.measuredPercent().orElse(null),
                r.comparison().symbol(),
                r.threshold(),
                r.status().name(),
                r.reason().orElse(null));
    }

    /** Approves or rejects a pending result, once, at the next review level. */
    @Transactional
    public DivisionRatingRecord decide(UUID id, boolean approve, String note, Actor actor) {
        DivisionRatingRecord record = results.lockForDecision(id);
        if (record == null) {
            throw ApiException.of(RatingCodes.DIVISION_RATING_NOT_FOUND, id);
        }
        requireMayDecide(record, actor);
        if (record.status != DivisionRatingRecord.Status.PENDING) {
            throw ApiException.of(
                    record.status == DivisionRatingRecord.Status.APPROVED
                            ? RatingCodes.DIVISION_RATING_ALREADY_APPROVED
                            : RatingCodes.DIVISION_RATING_ALREADY_REJECTED,
                    record.decidedBy);
        }
        if (record.computedBy.equals(actor.username())) {
            throw ApiException.of(RatingCodes.DIVISION_RATING_SAME_PERSON);
        }
        record.status = approve ? DivisionRatingRecord.Status.APPROVED : DivisionRatingRecord.Status.REJECTED;
        record.decidedBy = actor.username();
        record.decidedAt = Instant.now(clock);
        record.decisionNote = note;
        if (approve) {
            announce(record);
        }
        return record;
    }

    private void announce(DivisionRatingRecord r) {
        String code = r.divisionCode;
        if (r.level == DivisionLevel.VILLAGE) {
            outbox.record(
                    EventCatalog.VILLAGE_RATED,
                    code,
                    new VillageRated(
                            r.id.toString(),
                            code,
                            code.substring(0, 9),
                            code.substring(0, 6),
                            r.ruleSetId,
                            r.ruleSetVersion,
                            r.outcome,
                            r.criteria,
                            r.computedBy,
                            r.computedAt,
                            r.decidedBy,
                            r.decidedAt));
        } else if (r.level == DivisionLevel.TOWNSHIP) {
            outbox.record(
                    EventCatalog.TOWNSHIP_RATED,
                    code,
                    new TownshipRated(
                            r.id.toString(),
                            code,
                            code.substring(0, 6),
                            r.ruleSetId,
                            r.ruleSetVersion,
                            r.outcome,
                            r.criteria,
                            r.computedBy,
                            r.computedAt,
                            r.decidedBy,
                            r.decidedAt));
        }
    }

    /** Villages: credit-admin or the official of the village's township; townships: also its official; counties: credit-admin. */
    private static void requireMayCompute(DivisionLevel level, String code, Actor actor) {
        if (actor.hasRole(Role.CREDIT_ADMIN)) {
            return;
        }
        if (level == DivisionLevel.COUNTY || !actor.isTownshipOfficialOf(code)) {
            throw ApiException.of(RatingCodes.DIVISION_RATING_MAY_NOT_COMPUTE, code);
        }
    }

    private static void requireMayDecide(DivisionRatingRecord record, Actor actor) {
        boolean allowed = record.level == DivisionLevel.VILLAGE
                ? actor.isTownshipOfficialOf(record.divisionCode)
                : actor.hasRole(Role.CREDIT_ADMIN);
        if (!allowed) {
            throw ApiException.of(
                    record.level == DivisionLevel.VILLAGE
                            ? RatingCodes.DIVISION_RATING_VILLAGE_APPROVER
                            : RatingCodes.DIVISION_RATING_TOWNSHIP_APPROVER);
        }
    }

    /** One result, if the caller may read its division. */
    @Transactional
    public DivisionRatingRecord get(UUID id) {
        DivisionRatingRecord record = results.find(id);
        if (record == null) {
            throw ApiException.of(RatingCodes.DIVISION_RATING_NOT_FOUND, id);
        }
        requireReadable(record.divisionCode);
        return record;
    }

    /** Every rating of a division, newest first, if the caller may read it. */
    @Transactional
    public List<DivisionRatingRecord> history(String code) {
        requireReadable(code);
        return results.history(levelOf(code), code);
    }

    /** The division's latest approved rating, if the caller may read it. */
    @Transactional
    public DivisionRatingRecord current(String code) {
        return history(code).stream()
                .filter(r -> r.status == DivisionRatingRecord.Status.APPROVED)
                .findFirst()
                .orElseThrow(() -> ApiException.of(RatingCodes.DIVISION_RATING_NONE_APPROVED, code));
    }

    private void requireReadable(String code) {
        if (!caller.readScope().covers(code)) {
            throw ApiException.of(RatingCodes.DIVISION_OUTSIDE_SCOPE, code);
        }
    }
}
