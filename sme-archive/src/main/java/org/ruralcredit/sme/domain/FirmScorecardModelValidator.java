package org.ruralcredit.sme.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything wrong with a firm scorecard document, at once, each problem with its place: unknown
 * or repeated indicators, band points outside the indicator's maximum, maxima that do not add up to
 * 100, numeric bands out of order, overlapping or leaving a gap, values a category does not have,
 * and grades that do not cover 0 to 100.
 */
public final class FirmScorecardModelValidator {

    public static final int TOTAL = 100;

    /** What the scorecard can veto on: conditions that make the grade the veto grade whatever the points. */
    public static final List<String> VETOES = List.of("NOT_ACTIVE_REGISTRATION", "DISHONEST_DEBTOR");

    private static final String CODE = "[a-z0-9][a-z0-9-]{1,59}";

    private FirmScorecardModelValidator() {}

    public static List<String> validate(FirmScorecardModel model) {
        List<String> problems = new ArrayList<>();
        if (model.code() == null || !model.code().matches(CODE)) {
            problems.add("code: lower-case letters, digits and dashes, was " + model.code());
        }
        if (model.version() < 1) {
            problems.add("version: 1 or more, was " + model.version());
        }
        List<FirmScorecardModel.Indicator> indicators = model.indicators() == null ? List.of() : model.indicators();
        if (indicators.isEmpty()) {
            problems.add("indicators: none");
        }
        Set<String> seen = new HashSet<>();
        int sumOfMaxima = 0;
        for (int i = 0; i < indicators.size(); i++) {
            FirmScorecardModel.Indicator indicator = indicators.get(i);
            String at = "indicators[" + i + "]";
            if (indicator == null) {
                problems.add(at + ": empty");
                continue;
            }
            FirmIndicator known = FirmIndicator.named(indicator.name());
            if (known == null) {
                problems.add(at + ".name: unknown indicator " + indicator.name() + ", known are "
                        + Arrays.toString(FirmIndicator.values()));
                continue;
            }
            if (!seen.add(indicator.name())) {
                problems.add(at + ".name: " + indicator.name() + " is listed twice");
            }
            sumOfMaxima += indicator.maxPoints();
            checkIndicator(at, known, indicator, problems);
        }
        if (!indicators.isEmpty() && sumOfMaxima != TOTAL) {
            problems.add("indicators: the maxima add up to " + sumOfMaxima + ", not " + TOTAL);
        }
        checkGrades(model, problems);
        checkVetoes(model, problems);
        return problems;
    }

    private static void checkIndicator(
            String at, FirmIndicator known, FirmScorecardModel.Indicator indicator, List<String> problems) {
        int max = indicator.maxPoints();
        if (max <= 0) {
            problems.add(at + ".maxPoints: more than 0, was " + max);
        }
        checkPoints(at + ".missingPoints", indicator.missingPoints(), max, problems);
        if (known == FirmIndicator.HEADCOUNT_TREND) {
            if (indicator.oneReportPoints() == null) {
                problems.add(at + ".oneReportPoints: required for " + known);
            } else {
                checkPoints(at + ".oneReportPoints", indicator.oneReportPoints(), max, problems);
            }
        } else if (indicator.oneReportPoints() != null) {
            problems.add(at + ".oneReportPoints: only HEADCOUNT_TREND has a one-report case");
        }
        List<FirmScorecardModel.Band> bands = indicator.bands() == null ? List.of() : indicator.bands();
        if (bands.isEmpty()) {
            problems.add(at + ".bands: none");
            return;
        }
        int best = 0;
        for (int b = 0; b < bands.size(); b++) {
            FirmScorecardModel.Band band = bands.get(b);
            if (band == null) {
                problems.add(at + ".bands[" + b + "]: empty");
                return;
            }
            checkPoints(at + ".bands[" + b + "].points", band.points(), max, problems);
            best = Math.max(best, band.points());
            boolean numeric = known.kind() != FirmIndicator.Kind.CATEGORY;
            if (band.numeric() != numeric) {
                problems.add(at + ".bands[" + b + "]: " + known
                        + (numeric ? " takes from/to bands" : " takes values " + known.categories()));
                return;
            }
            if (!numeric && (band.from() != null || band.to() != null)) {
                problems.add(at + ".bands[" + b + "]: values or from/to, not both");
            }
        }
        if (best != max) {
            problems.add(at + ".maxPoints: " + max + ", but the best band gives " + best);
        }
        if (known.kind() == FirmIndicator.Kind.CATEGORY) {
            checkValues(at, known, bands, problems);
        } else {
            checkRanges(at, bands, problems);
        }
    }

    private static void checkPoints(String at, int points, int max, List<String> problems) {
        if (points < 0 || points > max) {
            problems.add(at + ": " + points + " is outside 0 to the indicator's maximum of " + max);
        }
    }

    /** Listed from the lowest up, from the open start to the open end, each band beginning where the one before ends. */
    private static void checkRanges(String at, List<FirmScorecardModel.Band> bands, List<String> problems) {
        for (int b = 0; b < bands.size(); b++) {
            FirmScorecardModel.Band band = bands.get(b);
            String place = at + ".bands[" + b + "]";
            if (band.from() != null && band.to() != null && band.from().compareTo(band.to()) >= 0) {
                problems.add(place + ": from " + band.from() + " is not below to " + band.to());
            }
            if (b == 0 && band.from() != null) {
                problems.add(place + ".from: the first band starts open (null), so every value has a band");
            }
            if (b == bands.size() - 1 && band.to() != null) {
                problems.add(place + ".to: the last band ends open (null), so every value has a band");
            }
            if (b > 0) {
                BigDecimal previousEnd = bands.get(b - 1).to();
                if (previousEnd == null || band.from() == null) {
                    problems.add(place + ": only the first band starts open and only the last ends open");
                } else if (band.from().compareTo(previousEnd) < 0) {
                    problems.add(place + ": starts at " + band.from() + ", before the band before ends (" + previousEnd
                            + "): bands overlap or are out of order");
                } else if (band.from().compareTo(previousEnd) > 0) {
                    problems.add(place + ": starts at " + band.from() + ", leaving a gap after " + previousEnd);
                }
            }
        }
    }

    private static void checkValues(
            String at, FirmIndicator known, List<FirmScorecardModel.Band> bands, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (int b = 0; b < bands.size(); b++) {
            for (String value : bands.get(b).values()) {
                if (!known.categories().contains(value)) {
                    problems.add(at + ".bands[" + b + "]: " + known + " has no value " + value + ", only "
                            + known.categories());
                } else if (!seen.add(value)) {
                    problems.add(at + ".bands[" + b + "]: " + value + " is in two bands");
                }
            }
        }
    }

    /** From the best down, strictly falling, the lowest starting at 0, so every total from 0 to 100 has a grade. */
    private static void checkGrades(FirmScorecardModel model, List<String> problems) {
        List<FirmScorecardModel.Grade> grades = model.grades() == null ? List.of() : model.grades();
        if (grades.isEmpty()) {
            problems.add("grades: none, so no total has a grade");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int g = 0; g < grades.size(); g++) {
            FirmScorecardModel.Grade grade = grades.get(g);
            String at = "grades[" + g + "]";
            if (grade == null || grade.grade() == null || !grade.grade().matches("[A-Z]{1,3}")) {
                problems.add(at + ".grade: one to three capital letters");
                return;
            }
            if (!names.add(grade.grade())) {
                problems.add(at + ".grade: " + grade.grade() + " is listed twice");
            }
            if (grade.minPoints() < 0 || grade.minPoints() > TOTAL) {
                problems.add(at + ".minPoints: " + grade.minPoints() + " is outside 0 to " + TOTAL);
            }
            if (g > 0 && grade.minPoints() >= grades.get(g - 1).minPoints()) {
                problems.add(at + ".minPoints: " + grade.minPoints() + " is not below the grade before ("
                        + grades.get(g - 1).minPoints() + "): grades go from the best down");
            }
        }
        int lowest = grades.get(grades.size() - 1).minPoints();
        if (lowest != 0) {
            problems.add("grades: the lowest grade starts at " + lowest + ", so totals below it have no grade");
        }
    }

    private static void checkVetoes(FirmScorecardModel model, List<String> problems) {
        List<String> vetoes = model.vetoes() == null ? List.of() : model.vetoes();
        Set<String> seen = new HashSet<>();
        for (int v = 0; v < vetoes.size(); v++) {
            if (!VETOES.contains(vetoes.get(v))) {
                problems.add("vetoes[" + v + "]: unknown veto " + vetoes.get(v) + ", known are " + VETOES);
            } else if (!seen.add(vetoes.get(v))) {
                problems.add("vetoes[" + v + "]: " + vetoes.get(v) + " is listed twice");
            }
        }
        if (model.grades() != null
                && model.grades().stream()
                        .noneMatch(
                                g -> g != null && g.grade() != null && g.grade().equals(model.vetoGrade()))) {
            problems.add("vetoGrade: " + model.vetoGrade() + " is not one of the grades");
        }
    }
}
