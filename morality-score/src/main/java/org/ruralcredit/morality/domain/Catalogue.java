package org.ruralcredit.morality.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.MoralityCodes;

/**
 * One version of the moral bank's rule catalogue: the four standards and their caps, the deed
 * rules, the veto items, the yearly base score and the conversion from points to a moral credit
 * line. A version is never changed once stored; an edit is a new version from a later date, and an
 * entry keeps the version it was made under.
 */
public record Catalogue(
        int version,
        LocalDate effectiveFrom,
        int baseScore,
        int eligibilityThreshold,
        int greenCardThreshold,
        List<Standard> standards,
        List<DeedRule> rules,
        List<VetoItem> vetoes,
        List<CreditBand> creditBands) {

    /** The four standards of the Yuyao model, in their official order; only their caps are configurable. */
    public static final List<String> STANDARD_CODES =
            List.of("LAW_AND_CIVILITY", "PUBLIC_SPIRIT", "HONESTY_AND_INDUSTRY", "FAMILY_AND_NEIGHBOURS");

    public static final int TOTAL_POINTS = 100;
    private static final int NAME_ZH_MAX = 60;
    private static final int NAME_EN_MAX = 120;

    public Catalogue {
        standards = standards == null ? List.of() : List.copyOf(standards);
        rules = rules == null ? List.of() : List.copyOf(rules);
        vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
        creditBands = creditBands == null ? List.of() : List.copyOf(creditBands);
    }

    public record Standard(String code, String nameZh, String nameEn, int cap) {}

    /** A deed rule: points added (positive) or deducted (negative); {@code yearlyCap} bounds |points| per household and year, null for none. */
    public record DeedRule(
            String code,
            String standardCode,
            String nameZh,
            String nameEn,
            int points,
            boolean evidenceRequired,
            Integer yearlyCap) {}

    /** 一票否决: a veto makes the household ineligible for the year whatever its points. */
    public record VetoItem(String code, String nameZh, String nameEn) {}

    /** From {@code minPoints} up, a household qualifies for {@code creditLine} yuan of moral credit. */
    public record CreditBand(int minPoints, long creditLine) {}

    /** One thing wrong with a catalogue: the field, its problem code and the values the code's text names. */
    public record Violation(String field, ProblemCode code, List<Object> args) {

        public Violation {
            args = List.copyOf(args);
        }

        public static Violation of(String field, ProblemCode code, Object... args) {
            return new Violation(field, code, List.of(args));
        }

        /** The field error it answers, written in the caller's language when it leaves the service. */
        public Problem.FieldError fieldError() {
            return Problem.FieldError.of(field, code, args.toArray());
        }

        /** Its message in English, for logs and tests. */
        public String english() {
            return ProblemCatalogue.message(code.code(), ProblemCatalogue.args(code, args.toArray()), Language.EN);
        }
    }

    public Optional<DeedRule> rule(String code) {
        return rules.stream().filter(r -> Objects.equals(r.code(), code)).findFirst();
    }

    public Optional<VetoItem> veto(String code) {
        return vetoes.stream().filter(v -> Objects.equals(v.code(), code)).findFirst();
    }

    public Optional<Standard> standard(String code) {
        return standards.stream().filter(s -> Objects.equals(s.code(), code)).findFirst();
    }

    /**
     * The yearly base score split over the standards in proportion to their caps, in whole points
     * (largest remainder, ties to the earlier standard), so the shares always add up to the base.
     */
    public Map<String, Integer> baseShares() {
        Map<String, Integer> shares = new LinkedHashMap<>();
        int given = 0;
        List<int[]> remainders = new ArrayList<>();
        for (int i = 0; i < standards.size(); i++) {
            long scaled = (long) baseScore * standards.get(i).cap();
            int whole = (int) (scaled / TOTAL_POINTS);
            shares.put(standards.get(i).code(), whole);
            given += whole;
            remainders.add(new int[] {i, (int) (scaled % TOTAL_POINTS)});
        }
        remainders.sort((a, b) -> b[1] != a[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
        for (int k = 0; k < baseScore - given && k < remainders.size(); k++) {
            shares.merge(standards.get(remainders.get(k)[0]).code(), 1, Integer::sum);
        }
        return shares;
    }

    /** The moral credit line for a year's total; nothing when vetoed or below every band. */
    public long creditLine(int totalPoints, boolean vetoed) {
        if (vetoed) {
            return 0;
        }
        return creditBands.stream()
                .filter(b -> totalPoints >= b.minPoints())
                .mapToLong(CreditBand::creditLine)
                .max()
                .orElse(0);
    }

    /** Everything wrong with this catalogue, field by field; empty when it may be stored. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        if (effectiveFrom == null) {
            out.add(Violation.of("effectiveFrom", CommonCodes.FIELD_REQUIRED));
        }
        range(out, "baseScore", baseScore, 0, TOTAL_POINTS);
        range(out, "eligibilityThreshold", eligibilityThreshold, 1, TOTAL_POINTS);
        range(out, "greenCardThreshold", greenCardThreshold, 1, TOTAL_POINTS);
        if (greenCardThreshold < eligibilityThreshold) {
            out.add(Violation.of("greenCardThreshold", MoralityCodes.CATALOGUE_GREEN_CARD_BELOW_ELIGIBILITY));
        }
        List<String> codes = standards.stream().map(Standard::code).toList();
        if (!codes.equals(STANDARD_CODES)) {
            out.add(Violation.of("standards", MoralityCodes.CATALOGUE_STANDARDS, STANDARD_CODES));
        }
        for (int i = 0; i < standards.size(); i++) {
            Standard s = standards.get(i);
            range(out, "standards[" + i + "].cap", s.cap(), 1, TOTAL_POINTS);
            names(out, "standards[" + i + "]", s.nameZh(), s.nameEn());
        }
        if (standards.stream().mapToInt(Standard::cap).sum() != TOTAL_POINTS) {
            out.add(Violation.of("standards", MoralityCodes.CATALOGUE_CAPS_TOTAL, TOTAL_POINTS));
        }
        if (rules.isEmpty()) {
            out.add(Violation.of("rules", MoralityCodes.CATALOGUE_RULES_EMPTY));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            DeedRule r = rules.get(i);
            String at = "rules[" + i + "]";
            code(out, at + ".code", r.code(), seen);
            Optional<Standard> standard = standard(String.valueOf(r.standardCode()));
            if (standard.isEmpty()) {
                out.add(Violation.of(at + ".standardCode", MoralityCodes.CATALOGUE_RULE_STANDARD_UNKNOWN));
            } else if (r.points() == 0 || Math.abs(r.points()) > standard.get().cap()) {
                out.add(Violation.of(at + ".points", MoralityCodes.CATALOGUE_RULE_POINTS));
            }
            if (r.yearlyCap() != null && r.yearlyCap() < Math.abs(r.points())) {
                out.add(Violation.of(at + ".yearlyCap", MoralityCodes.CATALOGUE_RULE_CAP_BELOW_POINTS));
            }
            names(out, at, r.nameZh(), r.nameEn());
        }
        if (vetoes.isEmpty()) {
            out.add(Violation.of("vetoes", MoralityCodes.CATALOGUE_VETOES_EMPTY));
        }
        for (int i = 0; i < vetoes.size(); i++) {
            code(out, "vetoes[" + i + "].code", vetoes.get(i).code(), seen);
            names(
                    out,
                    "vetoes[" + i + "]",
                    vetoes.get(i).nameZh(),
                    vetoes.get(i).nameEn());
        }
        for (int i = 0; i < creditBands.size(); i++) {
            CreditBand b = creditBands.get(i);
            if (b.creditLine() < 0) {
                out.add(Violation.of(
                        "creditBands[" + i + "].creditLine", MoralityCodes.CATALOGUE_CREDIT_LINE_NEGATIVE));
            }
            if (i > 0
                    && (b.minPoints() <= creditBands.get(i - 1).minPoints()
                            || b.creditLine() < creditBands.get(i - 1).creditLine())) {
                out.add(Violation.of("creditBands[" + i + "]", MoralityCodes.CATALOGUE_BANDS_NOT_RISING));
            }
            if (b.minPoints() < eligibilityThreshold || b.minPoints() > TOTAL_POINTS) {
                out.add(Violation.of(
                        "creditBands[" + i + "].minPoints", MoralityCodes.CATALOGUE_BAND_POINTS, TOTAL_POINTS));
            }
        }
        return out;
    }

    private static void range(List<Violation> out, String field, int value, int min, int max) {
        if (value < min || value > max) {
            out.add(Violation.of(field, MoralityCodes.CATALOGUE_VALUE_RANGE, min, max));
        }
    }

    private static void code(List<Violation> out, String field, String code, Set<String> seen) {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,19}")) {
            out.add(Violation.of(field, MoralityCodes.CATALOGUE_CODE_FORMAT));
        } else if (!seen.add(code)) {
            out.add(Violation.of(field, MoralityCodes.CATALOGUE_CODE_DUPLICATE));
        }
    }

    private static void names(List<Violation> out, String at, String zh, String en) {
        if (zh == null || zh.isBlank() || zh.length() > NAME_ZH_MAX) {
            out.add(Violation.of(at + ".nameZh", MoralityCodes.CATALOGUE_NAME_REQUIRED, NAME_ZH_MAX));
        }
        if (en == null || en.isBlank() || en.length() > NAME_EN_MAX) {
            out.add(Violation.of(at + ".nameEn", MoralityCodes.CATALOGUE_NAME_REQUIRED, NAME_EN_MAX));
        }
    }
}
