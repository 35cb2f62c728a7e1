package org.ruralcredit.gateway.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.ratelimit.RateLimited;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.domain.Loan;
import org.ruralcredit.gateway.domain.LoanAdverseReport;
import org.ruralcredit.gateway.service.AdverseReportService;
import org.ruralcredit.gateway.service.LoanService;
import org.ruralcredit.gateway.service.LoanService.NewLoan;
import org.ruralcredit.gateway.service.LoanService.Outcome;
import org.ruralcredit.gateway.service.LoanService.StatusUpdate;
import org.ruralcredit.gateway.service.Subjects;

@Path("/api/v1/loans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Loans", description = "贷后管理: loans a lender reports, their repayment status and settlement")
public class LoanResource {

    /** A loan as shown to its own lender: amounts in yuan, the borrower masked. */
    public record LoanView(
            UUID id,
            String loanRef,
            String institution,
            String subjectType,
            String subject,
            BigDecimal amount,
            LocalDate startDate,
            LocalDate maturityDate,
            String purpose,
            BigDecimal annualRate,
            Boolean unsecured,
            String product,
            BigDecimal outstanding,
            int overdueDays,
            String classification,
            String classificationName,
            boolean nonPerforming,
            boolean maliciousDefault,
            boolean settled,
            LocalDate settledOn,
            int revision,
            Instant updatedAt,

            @Schema(
                    description =
                            "The loan's newest adverse report, if any; classification, overdue days and maliciousDefault above are the published state, which carries an adverse report only while it is EFFECTIVE")
            AdverseReportView adverseReport) {}

    /**
     * Adverse information (malicious default, class DOUBTFUL or LOSS) a lender proposed for a loan:
     * PENDING until a second named officer approved it and the borrower's notice is recorded, then
     * EFFECTIVE; SUSPENDED while an objection about the borrower's loans is open; WITHDRAWN when
     * rejected, upheld by an objection or lapsed with the loan's settlement.
     */
    public record AdverseReportView(
            UUID id,
            String loanRef,
            String status,
            String classification,
            String classificationName,
            boolean maliciousDefault,
            int overdueDays,
            BigDecimal outstanding,
            String proposedBy,
            Instant proposedAt,
            String decision,
            String decidedBy,
            Instant decidedAt,
            LocalDate noticedOn,
            String noticeChannel,
            String noticeRecordedBy,
            UUID objectionId,
            Instant withdrawnAt,
            String withdrawnReason) {}

    private final LoanService loans;
    private final AdverseReportService adverse;
    private final Subjects subjects;
    private final Caller caller;

    public LoanResource(LoanService loans, AdverseReportService adverse, Subjects subjects, Caller caller) {
        this.loans = loans;
        this.adverse = adverse;
        this.subjects = subjects;
        this.caller = caller;
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    @Path("{loanRef}")
    @RateLimited("loan-reports")
    @Operation(
            operationId = "reportLoan",
            summary = "Report a granted loan under the lender's own loan number; repeating it changes nothing")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "201",
            description = "The loan, reported for the first time",
            headers =
                    @Header(
                            name = "Location",
                            description = "The loan's address",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @APIResponse(
            responseCode = "200",
            description = "The loan was already reported with the same terms; nothing changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response report(@PathParam("loanRef") String loanRef, NewLoan body) {
        if (body == null) {
            throw ApiException.invalid("body", CommonCodes.FIELD_REQUIRED);
        }
        Outcome o = loans.report(loanRef, body, caller);
        LoanView view = view(o);
        return o.changed()
                ? Response.created(URI.create("/api/v1/loans/" + encoded(o.loan().loanRef)))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("{loanRef}/status")
    @RateLimited("loan-reports")
    @Operation(
            operationId = "updateLoanStatus",
            summary =
                    "Report outstanding balance, overdue days and (optionally) the five-tier classification; new adverse information stays a pending adverse report until approved and noticed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "200",
            description =
                    "The loan with its new status; adverseReport shows a status's adverse part when it is pending",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public LoanView status(@PathParam("loanRef") String loanRef, StatusUpdate body) {
        if (body == null) {
            throw ApiException.invalid("body", CommonCodes.FIELD_REQUIRED);
        }
        return view(loans.status(loanRef, body, caller));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{loanRef}/settlement")
    @RateLimited("loan-reports")
    @Operation(
            operationId = "settleLoan",
            summary = "Report the loan settled (结清); settling twice keeps the first settlement")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "200",
            description = "The loan, settled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public LoanView settle(@PathParam("loanRef") String loanRef, LoanService.Settlement body) {
        return view(loans.settle(loanRef, body == null ? new LoanService.Settlement(null) : body, caller));
    }

    @GET
    @Path("{loanRef}")
    @Operation(operationId = "getLoan", summary = "One of the lender's own loans")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LoanView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LoanView get(@PathParam("loanRef") String loanRef) {
        return view(loans.get(loanRef, caller));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("{loanRef}/adverse-reports/{id}/approval")
    @Operation(
            operationId = "decideAdverseLoanReport",
            summary =
                    "A second named officer of the institution approves or rejects a proposed adverse report (four eyes: not its proposer)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "200",
            description = "The report, decided; approved and noticed, it is EFFECTIVE",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AdverseReportView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public AdverseReportView decide(
            @PathParam("loanRef") String loanRef, @PathParam("id") UUID id, AdverseReportService.Decision body) {
        return view(adverse.decide(loanRef, id, body, caller));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("{loanRef}/adverse-reports/{id}/notice")
    @Operation(
            operationId = "recordAdverseLoanReportNotice",
            summary =
                    "Record that the borrower was told of the adverse report: the day and the channel (SMS 短信, VISIT 上门, LETTER 书面)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(
            responseCode = "200",
            description = "The report with its notice; approved and noticed, it is EFFECTIVE",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AdverseReportView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public AdverseReportView notice(
            @PathParam("loanRef") String loanRef, @PathParam("id") UUID id, AdverseReportService.Notice body) {
        return view(adverse.notice(loanRef, id, body, caller));
    }

    @GET
    @Path("adverse-reports/open")
    @Operation(
            operationId = "listOpenAdverseLoanReports",
            summary =
                    "The institution's adverse reports waiting for approval, the borrower's notice or an objection's answer, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AdverseReportView.class)))
    public List<AdverseReportView> open() {
        return adverse.open(caller).stream().map(LoanResource::view).toList();
    }

    private static String encoded(String loanRef) {
        return URLEncoder.encode(loanRef, StandardCharsets.UTF_8);
    }

    private LoanView view(Outcome o) {
        Loan l = o.loan();
        return new LoanView(
                l.id,
                l.loanRef,
                l.institution,
                l.subjectType.name(),
                subjects.masked(l.subjectType, l.subjectIdEnc),
                BigDecimal.valueOf(l.amountFen, 2),
                l.startDate,
                l.maturityDate,
                l.purpose,
                l.annualRate,
                l.unsecured,
                l.product,
                BigDecimal.valueOf(l.outstandingFen, 2),
                l.overdueDays,
                l.classification.name(),
                l.classification.chinese(),
                l.classification.nonPerforming(),
                l.maliciousDefault,
                l.settled,
                l.settledOn,
                l.revision,
                l.updatedAt,
                o.adverseReport() == null ? null : view(new AdverseReportService.Listed(o.adverseReport(), l.loanRef)));
    }

    private static AdverseReportView view(AdverseReportService.Listed listed) {
        LoanAdverseReport r = listed.report();
        return new AdverseReportView(
                r.id,
                listed.loanRef(),
                r.status().name(),
                r.classification.name(),
                r.classification.chinese(),
                r.maliciousDefault,
                r.overdueDays,
                BigDecimal.valueOf(r.outstandingFen, 2),
                r.proposedBy,
                r.proposedAt,
                r.decision == null ? null : r.decision.name(),
                r.decidedBy,
                r.decidedAt,
                r.noticedOn,
                r.noticeChannel == null ? null : r.noticeChannel.name(),
                r.noticeRecordedBy,
                r.objectionId,
                r.withdrawnAt,
                r.withdrawnReason == null ? null : r.withdrawnReason.name());
    }
}
