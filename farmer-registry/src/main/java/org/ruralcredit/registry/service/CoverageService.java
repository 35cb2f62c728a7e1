package org.ruralcredit.registry.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.security.Actor;
import org.ruralcredit.registry.domain.Division;
import org.ruralcredit.registry.domain.VillageProfile;
import org.ruralcredit.registry.repository.DivisionRepository;
import org.ruralcredit.registry.repository.HouseholdRepository;
import org.ruralcredit.registry.repository.VillageProfileRepository;

/**
 * File coverage (建档率): households with an active file over the households the local statistics
 * count. A village without a profile has no coverage figure, and its households are left out of
 * the township's denominator rather than guessed — and so out of its numerator: {@code filed} counts
 * the files of the same villages whose households {@code total} sums, so that the two and the
 * coverage always agree; {@code notCounted} tells how many files that leaves out. When no village of
 * a division has a profile, there is no figure to match, and {@code filed} is every file. A
 * village's own figure has no parts.
 */
@ApplicationScoped
public class CoverageService {

    /** One division's figures over the same villages. */
    public record Figures(String code, String name, Integer total, long filed, long notCounted, BigDecimal coverage) {}

    /** A division's figures and those of its parts the reader may see. */
    public record Report(Figures whole, List<Figures> parts) {}

    private final DivisionRepository divisions;
    private final HouseholdRepository households;
    private final VillageProfileRepository profiles;

    public CoverageService(
            DivisionRepository divisions, HouseholdRepository households, VillageProfileRepository profiles) {
        this.divisions = divisions;
        this.households = households;
        this.profiles = profiles;
    }

    /** A county's (per township), a township's (per village) or one village's coverage. */
    @Transactional
    public Report coverage(Actor actor, String code) {
        if (!actor.readScope().covers(code)
                && !(code.length() == 6
                        && actor.division() != null
                        && actor.division().startsWith(code)
                        && actor.readScope().covers(actor.division()))) {
            throw ApiException.of(RegistryCodes.DIVISION_OUTSIDE_SCOPE, code);
        }
        Division division = divisions.findById(code);
        if (division == null) {
            throw ApiException.of(RegistryCodes.DIVISION_NOT_FOUND, code);
        }
        // an official asking for the county sees only their own township within it
        String scopePrefix = actor.readScope().covers(code) ? code : actor.division();
        Map<String, Long> filedByVillage = households.activeCountsByVillage(scopePrefix);
        Map<String, Integer> totalsByVillage = new LinkedHashMap<>();
        for (VillageProfile p : profiles.list("villageCode like ?1", scopePrefix + "%")) {
            totalsByVillage.put(p.villageCode, p.totalHouseholds);
        }
        List<Figures> parts = new ArrayList<>();
        for (Division part : divisions.childrenOf(code)) {
            if (!part.code.startsWith(scopePrefix) && !scopePrefix.startsWith(part.code)) {
                continue;
            }
            parts.add(figures(part.code, part.name, part.code, filedByVillage, totalsByVillage));
        }
        return new Report(figures(code, division.name, scopePrefix, filedByVillage, totalsByVillage), parts);
    }

    /**
     * The figures of the villages below {@code prefix}: the households of those with a profile,
     * their files, and the files of the villages without one, which are counted in {@code filed}
     * only when no village has a profile.
     */
    static Figures figures(
            String code,
            String name,
            String prefix,
            Map<String, Long> filedByVillage,
            Map<String, Integer> totalsByVillage) {
        Integer total = null;
        for (Map.Entry<String, Integer> e : totalsByVillage.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                total = (total == null ? 0 : total) + e.getValue();
            }
        }
        long withProfile = 0;
        long withoutProfile = 0;
        for (Map.Entry<String, Long> e : filedByVillage.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            if (totalsByVillage.containsKey(e.getKey())) {
                withProfile += e.getValue();
            } else {
                withoutProfile += e.getValue();
            }
        }
        return total == null
                ? new Figures(code, name, null, withoutProfile, 0, null)
                : new Figures(code, name, total, withProfile, withoutProfile, ratio(withProfile, total));
    }

    private static BigDecimal ratio(long filed, int total) {
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf(filed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }
}
