package org.ruralcredit.sme.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.sme.domain.CrossCheck;
import org.ruralcredit.sme.domain.Filing;
import org.ruralcredit.sme.repository.EnterpriseRepository;
import org.ruralcredit.sme.repository.FilingRepository;
import org.ruralcredit.sme.service.FilingService;
import org.ruralcredit.sme.service.FilingService.FilingData;

@Path("/api/v1/filings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Self-filings", description = "A firm's own figures, cross-checked (IPC method)")
public class FilingResource {

    public record FilingView(UUID id, String uscc, int fiscalYear, int revision, long sales, long costOfSales,
                             BigDecimal statedGrossMarginPct, long assets, long liabilities, long equity,
                             boolean flagged, BigDecimal tolerancePoints, List<CrossCheck.Result> checks,
                             String filedBy, Instant filedAt) {
        static FilingView of(Filing f) {
            return new FilingView(f.id, f.uscc, f.fiscalYear, f.revision, f.sales, f.costOfSales, f.statedGrossMargin,
                    f.assets, f.liabilities, f.equity, f.flagged, f.tolerancePoints, FilingService.checksOf(f),
                    f.filedBy, f.filedAt);
        }
    }

    private static final String USCC = "[0-9A-HJ-NPQRTUW-Y]{18}";
    private static final String USCC_MESSAGE = "must be an 18-character unified social credit code";

    private final FilingService service;
    private final FilingRepository filings;
    private final EnterpriseRepository enterprises;

    public FilingResource(FilingService service, FilingRepository filings, EnterpriseRepository enterprises) {
        this.service = service;
        this.filings = filings;
        this.enterprises = enterprises;
    }

    @POST
    @Path("/{uscc}")
    @Operation(summary = "File a firm's figures for a fiscal year (credit-admin); flagged when a cross-check gap "
            + "exceeds the tolerance")
    public Response file(@PathParam("uscc") @Pattern(regexp = USCC, message = USCC_MESSAGE) String uscc,
                         @NotNull(message = "the filed figures are required") FilingData data) {
        Filing filing = service.file(uscc, data);
        return Response.created(URI.create("/api/v1/filings/" + uscc)).entity(FilingView.of(filing)).build();
    }

    @GET
    @Path("/{uscc}")
    @Transactional
    @Operation(summary = "A firm's filings, newest year and revision first (credit-admin, auditor)")
    public List<FilingView> list(@PathParam("uscc") @Pattern(regexp = USCC, message = USCC_MESSAGE) String uscc) {
        if (enterprises.findById(uscc) == null) {
            throw ApiException.notFound("No firm with credit code " + uscc + " is archived.");
        }
        return filings.of(uscc).stream().map(FilingView::of).toList();
    }
}
