package org.ruralcredit.gateway.rest;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.domain.PortfolioFigures;
import org.ruralcredit.gateway.service.LoanPortfolioService;

@Path("/api/v1/loan-portfolio")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loan portfolio", description = "贷后: overdue rate, NPL ratio and recovery per lender, township or village")
public class LoanPortfolioResource {

    /** One group's figures; amounts in yuan, ratios as fractions (null when there is nothing to divide by). */
    public record Group(
            String group,
            long loans,
            long active,
            long overdueActive,
            BigDecimal outstanding,
            BigDecimal nonPerformingOutstanding,
            BigDecimal overdueRate,
            BigDecimal nplRatio,
            BigDecimal recoveryRate) {

        static Group of(PortfolioFigures f) {
            return new Group(
                    f.group(),
                    f.loans(),
                    f.active(),
                    f.overdueActive(),
                    BigDecimal.valueOf(f.outstandingFen(), 2),
                    BigDecimal.valueOf(f.nplOutstandingFen(), 2),
                    f.overdueRate(),
                    f.nplRatio(),
                    f.recoveryRate());
        }
    }

    /** {@code institution} null: every lender's loans (credit-admin, auditor). */
    public record PortfolioView(String by, String institution, String division, Group total, List<Group> groups) {}

    private final LoanPortfolioService portfolio;
    private final Caller caller;

    public LoanPortfolioResource(LoanPortfolioService portfolio, Caller caller) {
        this.portfolio = portfolio;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getLoanPortfolio",
            summary = "Reported loans per lender, township or village: a loan officer sees their institution's, "
                    + "credit-admins and auditors every lender's (or one, with institution=)")
    public PortfolioView portfolio(
            @QueryParam("by")
                    @DefaultValue("township")
                    @Pattern(regexp = "institution|township|village", message = "{portfolio.by}")
                    String by,
            @QueryParam("division") @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "{portfolio.division}")
                    String division,
            @QueryParam("institution") @Pattern(regexp = "[A-Za-z0-9-]{2,64}", message = "{portfolio.institution}")
                    String institution) {
        LoanPortfolioService.Portfolio p = portfolio.figures(by, institution, division, caller);
        return new PortfolioView(
                by,
                p.institution(),
                division,
                Group.of(p.total()),
                p.groups().stream().map(Group::of).toList());
    }
}
