package org.ruralcredit.sme.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.sme.domain.DivisionCodes;
import org.ruralcredit.sme.repository.NoLoanQueries;

/** Archived versus financed firms per township and per lender. */
@ApplicationScoped
public class FinancingConversion {

    public record Region(String division, long archived, long financed, BigDecimal conversionPct) {}

    public record Lender(String institution, long firms, long amount) {}

    public record Conversion(
            String division,
            long archived,
            long financed,
            BigDecimal conversionPct,
            List<Region> byTownship,
            List<Lender> byInstitution) {}

    private final NoLoanQueries queries;
    private final DivisionCodes divisions;
    private final Caller caller;

    public FinancingConversion(NoLoanQueries queries, DivisionCodes divisions, Caller caller) {
        this.queries = queries;
        this.divisions = divisions;
        this.caller = caller;
    }

    /**
     * {@code division} empty for everywhere. A lender sees only its own institution's line: competitors' volumes are
     * not shared.
     */
    @Transactional
    public Conversion of(String division) {
        if (!division.isEmpty() && !divisions.isKnownPrefix(division)) {
            throw ApiException.invalid("division", SmeCodes.NO_LOAN_LIST_DIVISION);
        }
        List<Region> regions = queries.byTownship(division).stream()
                .map(r -> new Region(r.division(), r.archived(), r.financed(), pct(r.financed(), r.archived())))
                .toList();
        long archived = regions.stream().mapToLong(Region::archived).sum();
        long financed = regions.stream().mapToLong(Region::financed).sum();
        boolean seesAllLenders = caller.hasRole(Role.CREDIT_ADMIN) || caller.hasRole(Role.AUDITOR);
        List<Lender> lenders = queries.byInstitution(division).stream()
                .filter(l -> seesAllLenders || l.institution().equals(caller.institution()))
                .map(l -> new Lender(l.institution(), l.firms(), l.amount()))
                .toList();
        return new Conversion(division, archived, financed, pct(financed, archived), regions, lenders);
    }

    private static BigDecimal pct(long part, long whole) {
        return whole == 0
                ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
