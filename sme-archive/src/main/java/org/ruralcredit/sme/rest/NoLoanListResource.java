package org.ruralcredit.sme.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.transaction.Transactional;
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
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.sme.domain.DivisionCodes;
import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.repository.NoLoanQueries;

@Path("/api/v1/no-loan-list")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "No-loan list", description = "Archived firms without bank financing, for lenders to approach")
public class NoLoanListResource {

    /** Public registration facts and the grade only; anything more needs the firm's consent through the gateway. */
    public record ListedFirm(String uscc, String name, String entityType, String industryCode, String divisionCode,
                             LocalDate foundedOn, Long registeredCapital, Integer employees, String size, String grade) {
        static ListedFirm of(Enterprise e) {
            return new ListedFirm(e.uscc, e.name, e.entityType, e.industryCode, e.divisionCode, e.foundedOn,
                    e.registeredCapital, e.employees, SizeBand.of(e.employees), e.grade);
        }
    }

    public record ListPage(List<ListedFirm> items, int page, int size, long total) {
    }

    /** Headcount bands (simplified from the 2011 SME classification, which varies by industry). */
    enum SizeBand {
        MICRO(0, 9), SMALL(10, 99), MEDIUM(100, 299);

        final int min;
        final int max;

        SizeBand(int min, int max) {
            this.min = min;
            this.max = max;
        }

        static String of(Integer employees) {
            if (employees == null) {
                return null;
            }
            for (SizeBand b : values()) {
                if (employees >= b.min && employees <= b.max) {
                    return b.name();
                }
            }
            return "LARGE";
        }
    }

    private final NoLoanQueries queries;
    private final DivisionCodes divisions;

    public NoLoanListResource(NoLoanQueries queries, DivisionCodes divisions) {
        this.queries = queries;
        this.divisions = divisions;
    }

    @GET
    @Transactional
    @Operation(operationId = "listNoLoanFirms",
            summary = "Firms without bank financing (lender, credit-admin, auditor), filtered by division, "
            + "industry, grade and size, a page at a time")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ListPage.class)))
    public ListPage list(
            @QueryParam("division") @DefaultValue("") String division,
            @QueryParam("industry") @DefaultValue("") @Pattern(regexp = "|[A-T]\\d{0,4}",
                    message = "{no-loan-list.industry}") String industry,
            @QueryParam("grade") @DefaultValue("") @Pattern(regexp = "|[ABCD]", message = "{no-loan-list.grade}") String grade,
            @QueryParam("size") @DefaultValue("") @Pattern(regexp = "|MICRO|SMALL|MEDIUM",
                    message = "{no-loan-list.size}") String size,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("pageSize") @DefaultValue("50") @Min(1) @Max(500) int pageSize) {
        if (!division.isEmpty() && !divisions.isKnownPrefix(division)) {
            throw ApiException.invalid("division", SmeCodes.NO_LOAN_LIST_DIVISION);
        }
        SizeBand band = size.isEmpty() ? null : SizeBand.valueOf(size);
        NoLoanQueries.Filter filter = new NoLoanQueries.Filter(division, industry, grade,
                band == null ? null : band.min, band == null ? null : band.max);
        List<ListedFirm> items = queries.page(filter, page, pageSize).stream().map(ListedFirm::of).toList();
        return new ListPage(items, page, pageSize, queries.count(filter));
    }
}
