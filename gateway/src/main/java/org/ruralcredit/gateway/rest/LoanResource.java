package org.ruralcredit.gateway.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.domain.Loan;
import org.ruralcredit.gateway.service.LoanService;
import org.ruralcredit.gateway.service.LoanService.NewLoan;
import org.ruralcredit.gateway.service.LoanService.Outcome;
import org.ruralcredit.gateway.service.LoanService.StatusUpdate;
import org.ruralcredit.gateway.service.Subjects;

@Path("/api/v1/loans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loans", description = "贷后管理: loans a lender reports, their repayment status and settlement")
public class LoanResource {

    public record Settlement(LocalDate settledOn) {
    }

    /** A loan as shown to its own lender: amounts in yuan, the borrower masked. */
    public record LoanView(UUID id, String loanRef, String institution, String subjectType, String subject,
                           BigDecimal amount, LocalDate startDate, LocalDate maturityDate, String purpose,
                           BigDecimal annualRate, Boolean unsecured, String product,
                           BigDecimal outstanding, int overdueDays, String classification,
                           String classificationName, boolean nonPerforming, boolean maliciousDefault,
                           boolean settled, LocalDate settledOn,
                           int revision, Instant updatedAt) {
    }

    private final LoanService loans;
    private final Subjects subjects;
    private final Caller caller;

    public LoanResource(LoanService loans, Subjects subjects, Caller caller) {
        this.loans = loans;
        this.subjects = subjects;
        this.caller = caller;
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    @Path("{loanRef}")
    @Operation(summary = "Report a granted loan under the lender's own loan number; repeating it changes nothing")
    public Response report(@PathParam("loanRef") String loanRef, NewLoan body) {
        if (body == null) {
            throw ApiException.invalid("body", CommonCodes.FIELD_REQUIRED);
        }
        Outcome o = loans.report(loanRef, body, caller);
        return Response.status(o.changed() ? 201 : 200).entity(view(o.loan())).build();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("{loanRef}/status")
    @Operation(summary = "Report outstanding balance, overdue days and (optionally) the five-tier classification")
    public LoanView status(@PathParam("loanRef") String loanRef, StatusUpdate body) {
        if (body == null) {
            throw ApiException.invalid("body", CommonCodes.FIELD_REQUIRED);
        }
        return view(loans.status(loanRef, body, caller).loan());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{loanRef}/settlement")
    @Operation(summary = "Report the loan settled (结清); settling twice keeps the first settlement")
    public LoanView settle(@PathParam("loanRef") String loanRef, Settlement body) {
        return view(loans.settle(loanRef, body == null ? null : body.settledOn(), caller).loan());
    }

    @GET
    @Path("{loanRef}")
    @Operation(summary = "One of the lender's own loans")
    public LoanView get(@PathParam("loanRef") String loanRef) {
        return view(loans.get(loanRef, caller));
    }

    private LoanView view(Loan l) {
        return new LoanView(l.id, l.loanRef, l.institution, l.subjectType.name(),
                subjects.masked(l.subjectType, l.subjectIdEnc), BigDecimal.valueOf(l.amountFen, 2), l.startDate,
                l.maturityDate, l.purpose, l.annualRate, l.unsecured, l.product,
                BigDecimal.valueOf(l.outstandingFen, 2), l.overdueDays,
                l.classification.name(), l.classification.chinese(), l.classification.nonPerforming(), l.maliciousDefault,
                l.settled,
                l.settledOn, l.revision, l.updatedAt);
    }
}
