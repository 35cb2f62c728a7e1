package org.ruralcredit.sme.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.sme.domain.DivisionCodes;
import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.domain.SizeBand;
import org.ruralcredit.sme.repository.NoLoanQueries;

/** Archived firms without bank financing, for lenders to approach. */
@ApplicationScoped
public class NoLoanList {

    /** A page of listed firms and how many match in all. */
    public record Page(List<Enterprise> firms, long total) {}

    private final NoLoanQueries queries;
    private final DivisionCodes divisions;

    public NoLoanList(NoLoanQueries queries, DivisionCodes divisions) {
        this.queries = queries;
        this.divisions = divisions;
    }

    /** Blank filters mean any; {@code size} is a {@link SizeBand} name. */
    @Transactional
    public Page page(String division, String industry, String grade, String size, int page, int pageSize) {
        if (!division.isEmpty() && !divisions.isKnownPrefix(division)) {
            throw ApiException.invalid("division", SmeCodes.NO_LOAN_LIST_DIVISION);
        }
        SizeBand band = size.isEmpty() ? null : SizeBand.valueOf(size);
        NoLoanQueries.Filter filter = new NoLoanQueries.Filter(
                division, industry, grade, band == null ? null : band.min, band == null ? null : band.max);
        return new Page(queries.page(filter, page, pageSize), queries.count(filter));
    }
}
