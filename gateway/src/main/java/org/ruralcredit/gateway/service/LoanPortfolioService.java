package org.ruralcredit.gateway.service;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.commons.security.Role;
import org.ruralcredit.gateway.domain.PortfolioFigures;
import org.ruralcredit.gateway.repository.LoanPortfolioRepository;
import org.ruralcredit.gateway.repository.LoanPortfolioRepository.Grouping;

/**
 * Post-loan figures per lender, township or village. A loan officer sees their own institution's loans
 * only; credit-admins and auditors every lender's, or one lender's when they name it.
 */
@ApplicationScoped
public class LoanPortfolioService {

    /** The figures and whose loans they cover ({@code institution} null: every lender's). */
    public record Portfolio(String institution, PortfolioFigures total, List<PortfolioFigures> groups) {}

    private final LoanPortfolioRepository portfolio;

    public LoanPortfolioService(LoanPortfolioRepository portfolio) {
        this.portfolio = portfolio;
    }

    /** {@code by}: institution, township or village; {@code division} null: every division. */
    @Transactional
    public Portfolio figures(String by, String institution, String division, Caller caller) {
        String scope = scope(institution, caller);
        List<PortfolioFigures> groups =
                portfolio.figures(Grouping.valueOf(by.toUpperCase(Locale.ROOT)), scope, division);
        return new Portfolio(scope, total(groups), groups);
    }

    private static String scope(String asked, Caller caller) {
        if (!caller.hasRole(Role.LENDER)) {
            return asked;
        }
        String own = caller.institution();
        if (own == null || own.isBlank()) {
            throw ApiException.of(GatewayCodes.NO_INSTITUTION_NAMED);
        }
        if (asked != null && !asked.equals(own)) {
            throw ApiException.of(GatewayCodes.PORTFOLIO_OWN_INSTITUTION_ONLY);
        }
        return own;
    }

    private static PortfolioFigures total(List<PortfolioFigures> groups) {
        return new PortfolioFigures(
                "total",
                groups.stream().mapToLong(PortfolioFigures::loans).sum(),
                groups.stream().mapToLong(PortfolioFigures::active).sum(),
                groups.stream().mapToLong(PortfolioFigures::overdueActive).sum(),
                groups.stream().mapToLong(PortfolioFigures::outstandingFen).sum(),
                groups.stream().mapToLong(PortfolioFigures::nplOutstandingFen).sum(),
                groups.stream().mapToLong(PortfolioFigures::everNplAmountFen).sum(),
                groups.stream().mapToLong(PortfolioFigures::everNplRecoveredFen).sum());
    }
}
