package org.ruralcredit.rating.domain.scorecard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.validation.TextRules;

/**
 * Everything wrong with a model document, all at once, each with the place it is wrong at:
 * overlapping or gapped bins, points outside an indicator's maximum, maxima that do not add up
 * to the model's, a bin kind that does not fit the input, grade bands out of order, codes that are
 * no codes and names or descriptions that are not plain text (they are shown to officials and
 * households with every rating's reasons).
 */
public final class ScorecardModelValidator {

    /** One problem: where it is, its code and the values its text names; written in the caller's language at the edge. */
    public record Problem(String field, ProblemCode code, List<Object> args) {

        Problem(String field, ProblemCode code, Object... args) {
            this(field, code, Arrays.asList(args));
        }

        public FieldError toFieldError() {
            return FieldError.of(field, code, args.toArray());
        }

        /** The problem in English, as logs and tests read it. */
        public String message() {
            return ProblemCatalogue.message(code.code(), ProblemCatalogue.args(code, args.toArray()), Language.EN);
        }
    }

    /** A model's code names it in URLs: lower-case letters, digits and dashes. */
    private static final String MODEL_CODE = "[a-z0-9][a-z0-9-]{1,59}";
    /** Group and indicator codes: letters, digits, dashes and underscores. */
    private static final String PART_CODE = "[A-Za-z0-9][A-Za-z0-9_-]{0,59}";
    /** The arithmetic descriptions are written with besides plain text (see household-default-v1). */
    private static final String NOTATION = "[;÷×–−≤≥]";

    private ScorecardModelValidator() {}

    public static List<Problem> validate(ScorecardModel model) {
        List<Problem> problems = new ArrayList<>();
        if (model.code() == null || model.code().isBlank()) {
            problems.add(new Problem("code", CommonCodes.FIELD_REQUIRED));
        } else if (!model.code().matches(MODEL_CODE)) {
            problems.add(new Problem("code", RatingCodes.MODEL_CODE));
        }
        checkName("nameZh", model.nameZh(), problems);
        checkName("nameEn", model.nameEn(), problems);
        if (model.version() < 1) {
            problems.add(new Problem("version", RatingCodes.DOCUMENT_VERSION_MIN));
        }
        if (model.groups() == null || model.groups().isEmpty()) {
            problems.add(new Problem("groups", RatingCodes.MODEL_GROUPS_EMPTY));
            return problems;
        }
        int sumOfMaxima = 0;
        Set<String> codes = new HashSet<>();
        for (int g = 0; g < model.groups().size(); g++) {
            ScorecardModel.Group group = model.groups().get(g);
            if (group == null) {
                problems.add(new Problem("groups[" + g + "]", CommonCodes.FIELD_REQUIRED));
                continue;
            }
            checkCode("groups[" + g + "].code", group.code(), problems);
            checkName("groups[" + g + "].nameZh", group.nameZh(), problems);
            checkName("groups[" + g + "].nameEn", group.nameEn(), problems);
            if (group.indicators() == null || group.indicators().isEmpty()) {
                problems.add(new Problem("groups[" + g + "].indicators", RatingCodes.MODEL_INDICATORS_EMPTY));
                continue;
            }
            for (int i = 0; i < group.indicators().size(); i++) {
                ScorecardModel.Indicator indicator = group.indicators().get(i);
                String at = "groups[" + g + "].indicators[" + i + "]";
                if (indicator == null) {
                    problems.add(new Problem(at, CommonCodes.FIELD_REQUIRED));
                    continue;
                }
                checkCode(at + ".code", indicator.code(), problems);
                checkName(at + ".nameZh", indicator.nameZh(), problems);
                checkName(at + ".nameEn", indicator.nameEn(), problems);
                checkDescription(at + ".descriptionZh", indicator.descriptionZh(), problems);
                checkDescription(at + ".descriptionEn", indicator.descriptionEn(), problems);
                if (!codes.add(String.valueOf(indicator.code()))) {
                    problems.add(new Problem(at + ".code", RatingCodes.MODEL_INDICATOR_CODE_TWICE, indicator.code()));
                }
                sumOfMaxima += indicator.maxPoints();
                checkIndicator(at, indicator, problems);
            }
        }
        if (sumOfMaxima != model.maxPoints()) {
            problems.add(new Problem("maxPoints", RatingCodes.MODEL_MAX_POINTS_SUM, model.maxPoints(), sumOfMaxima));
        }
        checkGradeBands(model, problems);
        if (model.scaling() == null
                || model.scaling().pdo() == null
                || model.scaling().offset() == null
                || model.scaling().pdo().signum() <= 0) {
            problems.add(new Problem("scaling", RatingCodes.MODEL_SCALING));
        }
        if (model.vetoes() == null) {
            problems.add(new Problem("vetoes", RatingCodes.MODEL_VETOES_REQUIRED));
        } else if (model.vetoes().stream().anyMatch(Objects::isNull)) {
            problems.add(new Problem("vetoes", RatingCodes.MODEL_VETO_UNKNOWN));
        }
        return problems;
    }

    private static void checkIndicator(String at, ScorecardModel.Indicator indicator, List<Problem> problems) {
        if (indicator.input() == null) {
            problems.add(new Problem(at + ".input", RatingCodes.MODEL_INPUT_UNKNOWN));
            return;
        }
        if (indicator.maxPoints() <= 0) {
            problems.add(new Problem(at + ".maxPoints", RatingCodes.MODEL_POSITIVE));
        }
        if (indicator.missingPoints() < 0 || indicator.missingPoints() > indicator.maxPoints()) {
            problems.add(new Problem(at + ".missingPoints", RatingCodes.MODEL_MISSING_POINTS));
        }
        List<ScorecardModel.Bin> bins = indicator.bins() == null ? List.of() : indicator.bins();
        if (bins.isEmpty()) {
            problems.add(new Problem(at + ".bins", RatingCodes.MODEL_BINS_EMPTY));
            return;
        }
        int best = 0;
        for (int b = 0; b < bins.size(); b++) {
            ScorecardModel.Bin bin = bins.get(b);
            if (bin == null) {
                problems.add(new Problem(at + ".bins[" + b + "]", CommonCodes.FIELD_REQUIRED));
                return;
            }
            if (bin.points() < 0 || bin.points() > indicator.maxPoints()) {
                problems.add(new Problem(
                        at + ".bins[" + b + "].points", RatingCodes.MODEL_POINTS_RANGE, indicator.maxPoints()));
            }
            best = Math.max(best, bin.points());
            if (bin.numeric() != indicator.input().numeric()) {
                problems.add(new Problem(
                        at + ".bins[" + b + "]",
                        indicator.input().numeric() ? RatingCodes.MODEL_BIN_NUMERIC : RatingCodes.MODEL_BIN_VALUES,
                        indicator.input().toString()));
            }
            if (bin.numeric()
                    && bin.from() != null
                    && bin.to() != null
                    && bin.from().compareTo(bin.to()) >= 0) {
                problems.add(new Problem(at + ".bins[" + b + "]", RatingCodes.MODEL_BIN_ORDER));
            }
        }
        if (best != indicator.maxPoints()) {
            problems.add(new Problem(at + ".maxPoints", RatingCodes.MODEL_BEST_BIN, indicator.maxPoints(), best));
        }
        if (indicator.input().numeric() && bins.stream().allMatch(ScorecardModel.Bin::numeric)) {
            checkNumericCoverage(at, bins, problems);
        } else if (!indicator.input().numeric()) {
            Set<String> seen = new HashSet<>();
            for (int b = 0; b < bins.size(); b++) {
                for (String value : bins.get(b).values() == null
                        ? List.<String>of()
                        : bins.get(b).values()) {
                    if (!seen.add(value)) {
                        problems.add(new Problem(at + ".bins[" + b + "]", RatingCodes.MODEL_VALUE_TWICE, value));
                    }
                }
            }
        }
    }

    /** Sorted by lower edge, each bin must start exactly where the previous one ends. */
    private static void checkNumericCoverage(String at, List<ScorecardModel.Bin> bins, List<Problem> problems) {
        List<ScorecardModel.Bin> sorted = bins.stream()
                .sorted(Comparator.comparing(
                        ScorecardModel.Bin::from, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        for (int b = 1; b < sorted.size(); b++) {
            BigDecimal previousEnd = sorted.get(b - 1).to();
            BigDecimal start = sorted.get(b).from();
            if (previousEnd == null || start == null || previousEnd.compareTo(start) > 0) {
                problems.add(new Problem(at + ".bins", RatingCodes.MODEL_BINS_OVERLAP, start == null ? "−∞" : start));
            } else if (previousEnd.compareTo(start) < 0) {
                problems.add(new Problem(at + ".bins", RatingCodes.MODEL_BINS_GAP, previousEnd, start));
            }
        }
    }

    private static void checkGradeBands(ScorecardModel model, List<Problem> problems) {
        List<ScorecardModel.GradeBand> bands = model.gradeBands() == null ? List.of() : model.gradeBands();
        if (bands.isEmpty()) {
            problems.add(new Problem("gradeBands", RatingCodes.MODEL_GRADE_BANDS_EMPTY));
            return;
        }
        for (int b = 0; b < bands.size(); b++) {
            if (bands.get(b) == null
                    || bands.get(b).grade() == null
                    || !bands.get(b).grade().matches("[A-Z_]{1,20}")) {
                problems.add(new Problem("gradeBands[" + b + "].grade", RatingCodes.MODEL_GRADE_REQUIRED));
                return;
            }
            BigDecimal min = bands.get(b).minScore();
            if (min == null || min.signum() < 0 || min.compareTo(BigDecimal.valueOf(model.maxPoints())) > 0) {
                problems.add(new Problem(
                        "gradeBands[" + b + "].minScore", RatingCodes.MODEL_POINTS_RANGE, model.maxPoints()));
            } else if (b > 0
                    && bands.get(b - 1).minScore() != null
                    && min.compareTo(bands.get(b - 1).minScore()) >= 0) {
                problems.add(new Problem("gradeBands[" + b + "]", RatingCodes.MODEL_BAND_ORDER));
            }
        }
        if (model.lowestCreditGrade() == null
                || bands.stream().noneMatch(b -> model.lowestCreditGrade().equals(b.grade()))) {
            problems.add(new Problem("lowestCreditGrade", RatingCodes.MODEL_LOWEST_GRADE));
        }
    }

    private static void checkCode(String field, String code, List<Problem> problems) {
        if (code == null || !code.matches(PART_CODE)) {
            problems.add(new Problem(field, RatingCodes.MODEL_PART_CODE));
        }
    }

    private static void checkName(String field, String name, List<Problem> problems) {
        if (name != null && (name.length() > 200 || !TextRules.isPlainText(name))) {
            problems.add(new Problem(field, RatingCodes.MODEL_NAME));
        }
    }

    private static void checkDescription(String field, String text, List<Problem> problems) {
        if (text != null && (text.length() > 2000 || !TextRules.isPlainText(text.replaceAll(NOTATION, "")))) {
            problems.add(new Problem(field, RatingCodes.MODEL_DESCRIPTION));
        }
    }
}
