package org.ruralcredit.gateway.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.gateway.domain.QueryRegisterEntry;
import org.ruralcredit.gateway.domain.RegisterChain;
import org.ruralcredit.gateway.service.QueryRegisterService;

@Path("/api/v1/query-register")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Query register", description = "查询登记簿: every report request, for auditors")
public class QueryRegisterResource {

    public record EntryView(
            long seq,
            Instant recordedAt,
            String username,
            String institution,
            String subjectType,
            String subjectRef,
            String purpose,
            UUID consentId,
            String outcome,
            String reason,
            String entryHash) {
        static EntryView of(QueryRegisterEntry e) {
            return new EntryView(
                    e.seq,
                    e.recordedAt,
                    e.username,
                    e.institution,
                    e.subjectType,
                    e.subjectRef,
                    e.purpose,
                    e.consentId,
                    e.outcome,
                    e.reason,
                    e.entryHash);
        }
    }

    public record RegisterPage(List<EntryView> items, int page, int size, long total) {}

    private final QueryRegisterService register;

    public QueryRegisterResource(QueryRegisterService register) {
        this.register = register;
    }

    @GET
    @Path("verification")
    @Operation(
            operationId = "verifyQueryRegister",
            summary = "Recompute the hash chain from the first entry; names the first broken link, if any")
    public RegisterChain.Verification verify() {
        return register.verify();
    }

    @GET
    @Operation(operationId = "listQueryRegister", summary = "Register entries, newest first")
    public RegisterPage list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        QueryRegisterService.Listing listing = register.newestFirst(page, size);
        return new RegisterPage(listing.items().stream().map(EntryView::of).toList(), page, size, listing.total());
    }
}
