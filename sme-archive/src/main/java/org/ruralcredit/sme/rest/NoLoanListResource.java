package org.ruralcredit.sme.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.domain.SizeBand;
import org.ruralcredit.sme.service.NoLoanList;

@Path("/api/v1/no-loan-list")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "No-loan list", description = "Archived firms without bank financing, for lenders to approach")
public class NoLoanListResource {

    /** Public registration facts and the grade only; anything more needs the firm's consent through the gateway. */
    public record ListedFirm(
            String uscc,
            String name,
            String entityType,
            String industryCode,
            String divisionCode,
            LocalDate foundedOn,
            Long registeredCapital,
            Integer employees,
            String size,
            String grade) {
        static ListedFirm of(Enterprise e) {
            return new ListedFirm(
                    e.uscc,
                    e.name,
                    e.entityType,
                    e.industryCode,
                    e.divisionCode,
                    e.foundedOn,
                    e.registeredCapital,
                    e.employees,
                    SizeBand.of(e.employees),
                    e.grade);
        }
    }

    public record ListPage(List<ListedFirm> items, int page, int size, long total) {}

    private final NoLoanList noLoanList;

    public NoLoanListResource(NoLoanList noLoanList) {
        this.noLoanList = noLoanList;
    }

    @GET
    @Operation(
            operationId = "listNoLoanFirms",
            summary = "Firms without bank financing (lender, credit-admin, auditor), filtered by division, "
                    + "industry, grade and size, a page at a time")
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ListPage.class)))
    public ListPage list(
            @QueryParam("division") @DefaultValue("") String division,
            @QueryParam("industry")
                    @DefaultValue("")
                    @Pattern(regexp = "|[A-T]\\d{0,4}", message = "{no-loan-list.industry}")
                    String industry,
            @QueryParam("grade") @DefaultValue("") @Pattern(regexp = "|[ABCD]", message = "{no-loan-list.grade}")
                    String grade,
            @QueryParam("size")
                    @DefaultValue("")
                    @Pattern(regexp = "|MICRO|SMALL|MEDIUM", message = "{no-loan-list.size}")
                    String size,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("pageSize") @DefaultValue("50") @Min(1) @Max(500) int pageSize) {
        NoLoanList.Page found = noLoanList.page(division, industry, grade, size, page, pageSize);
        List<ListedFirm> items = found.firms().stream().map(ListedFirm::of).toList();
        return new ListPage(items, page, pageSize, found.total());
    }
}
