package org.ruralcredit.rating.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.rating.repository.DivisionFiguresRepository;

/** Households per current grade in a division the caller may read, as a whole or per township or village. */
@ApplicationScoped
public class GradeDistributionService {

    /** A division's households per grade (UNRATED: never rated), and how many were counted from a FINAL rating. */
    public record Group(String division, Map<String, Long> grades, long households, long byFinalRating) {}

    private final DivisionFiguresRepository figures;
    private final Caller caller;
    private final Clock clock;

    public GradeDistributionService(DivisionFiguresRepository figures, Caller caller, Clock clock) {
        this.figures = figures;
        this.caller = caller;
        this.clock = clock;
    }

    /** {@code by}: TOTAL (the division as a whole), TOWNSHIP or VILLAGE (each one inside it). */
    @Transactional
    public List<Group> distribution(String division, String by) {
        if (!caller.readScope().covers(division)) {
            throw ApiException.of(RatingCodes.DIVISION_OUTSIDE_SCOPE, division);
        }
        int digits = switch (by) {
            case "VILLAGE" -> 12;
            case "TOWNSHIP" -> 9;
            default -> division.length();
        };
        if (digits < division.length()) {
            throw ApiException.invalid("by", RatingCodes.GRADE_DISTRIBUTION_BY_LEVEL, division);
        }
        Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
        Map<String, Long> byFinal = new LinkedHashMap<>();
        for (Object[] row : figures.gradeCounts(division, digits, LocalDate.now(clock))) {
            groups.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
            byFinal.merge((String) row[0], ((Number) row[3]).longValue(), Long::sum);
        }
        List<Group> result = new ArrayList<>();
        groups.forEach((code, grades) -> result.add(new Group(
                code,
                grades,
                grades.values().stream().mapToLong(Long::longValue).sum(),
                byFinal.getOrDefault(code, 0L))));
        return result;
    }
}
