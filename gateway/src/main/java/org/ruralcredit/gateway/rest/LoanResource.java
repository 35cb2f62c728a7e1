package org.ruralcredit.gateway.rest;

import java.math.BigDecimal;
import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "reportLoan", summary = "Report a granted loan under the lender's own loan number; repeating it changes nothing")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "201", description = "The loan, reported for the first time",
            headers = @Header(name = "Location", description = "The loan's address", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @APIResponse(responseCode = "200", description = "The loan was already reported with the same terms; nothing changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response report(@PathParam("loanRef") String loanRef, NewLoan body) {
        if (body == null) {
            throw ApiException.invalid("body", CommonCodes.FIELD_REQUIRED);
        }
        Outcome o = loans.report(loanRef, body, caller);
        LoanView view = view(o.loan());
        return o.changed()
                ? Response.created(URI.create("/api/v1/loans/" + encoded(o.loan().loanRef))).entity(view).build()
                : Response.ok(view).build();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("{loanRef}/status")
    @Operation(operationId = "updateLoanStatus", summary = "Report outstanding balance, overdue days and (optionally) the five-tier classification")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "200", description = "The loan with its new status",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public LoanView status(@PathParam("loanRef") String loanRef, StatusUpdate body) {
        if (body == null) {
            throw ApiException.invalid("body", CommonCodes.FIELD_REQUIRED);
        }
        return view(loans.status(loanRef, body, caller).loan());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{loanRef}/settlement")
    @Operation(operationId = "settleLoan", summary = "Report the loan settled (结清); settling twice keeps the first settlement")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "200", description = "The loan, settled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LoanView settle(@PathParam("loanRef") String loanRef, Settlement body) {
        return view(loans.settle(loanRef, body == null ? null : body.settledOn(), caller).loan());
    }

    @GET
    @Path("{loanRef}")
    @Operation(operationId = "getLoan", summary = "One of the lender's own loans")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LoanView get(@PathParam("loanRef") String loanRef) {
        return view(loans.get(loanRef, caller));
    }

    private static String encoded(String loanRef) {
        return java.net.URLEncoder.encode(loanRef, java.nio.charset.StandardCharsets.UTF_8);
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
