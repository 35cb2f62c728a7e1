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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.repository.EnterpriseRepository;

@Path("/api/v1/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enterprises", description = "Archives of small firms without bank loans")
public class EnterpriseResource {

    public record EnterpriseView(String uscc, String name, String entityType, String industryCode,
                                 String divisionCode, LocalDate foundedOn, boolean hasBankLoan) {
        static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.uscc, e.name, e.entityType, e.industryCode, e.divisionCode, e.foundedOn,
                    e.hasBankLoan);
        }
    }

    public record EnterprisePage(List<EnterpriseView> items, int page, int size, long total) {
    }

    private final EnterpriseRepository enterprises;

    public EnterpriseResource(EnterpriseRepository enterprises) {
        this.enterprises = enterprises;
    }

    @GET
    @Transactional
    @Operation(summary = "Archived firms in a division, a page at a time")
    public EnterprisePage list(
            @QueryParam("division") @DefaultValue("") @Pattern(regexp = "|\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}",
                    message = "must be a division code") String division,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<EnterpriseView> items = enterprises.inDivision(division, page, size).stream()
                .map(EnterpriseView::of).toList();
        return new EnterprisePage(items, page, size, enterprises.countInDivision(division));
    }

    @GET
    @Path("/{uscc}")
    @Transactional
    @Operation(summary = "One firm by its unified social credit code")
    public EnterpriseView get(@PathParam("uscc") @Pattern(regexp = "[0-9A-HJ-NPQRTUW-Y]{18}",
            message = "must be an 18-character unified social credit code") String uscc) {
        Enterprise enterprise = enterprises.findById(uscc);
        if (enterprise == null) {
            throw ApiException.notFound("No firm with credit code " + uscc + " is archived.");
        }
        return EnterpriseView.of(enterprise);
    }
}
