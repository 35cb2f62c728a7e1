package org.ruralcredit.gateway.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.domain.Consent;
import org.ruralcredit.gateway.domain.ConsentPurpose;
import org.ruralcredit.gateway.domain.QueryRules;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.service.ReportRequestService;
import org.ruralcredit.gateway.service.ReportRequestService.Asker;
import org.ruralcredit.gateway.service.ReportRequestService.Decision;
import org.ruralcredit.gateway.service.Subjects;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Credit reports for lenders: consent first, registered before any data")
public class ReportResource {

    public record ReportRequest(UUID consentId, ConsentPurpose purpose) {
    }

    /**
     * The report. The aggregation from farmer-registry, credit-rating and morality-score is not
     * built yet: sections stay empty and {@code complete} false, with the missing sources named,
     * rather than showing made-up data.
     */
    public record HouseholdReport(long registerSeq, Instant generatedAt, UUID consentId, String purpose,
                                  String subject, List<Object> sections, boolean complete, List<String> missing) {
    }

    private static final List<String> NOT_YET_AGGREGATED = List.of("registry", "rating", "morality");

    private final ReportRequestService requests;
    private final Subjects subjects;
    private final Caller caller;

    public ReportResource(ReportRequestService requests, Subjects subjects, Caller caller) {
        this.requests = requests;
        this.subjects = subjects;
        this.caller = caller;
    }

    @POST
    @Path("households")
    @Operation(summary = "A household's credit report under a consent; every request is registered first")
    public HouseholdReport household(ReportRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.consentId() == null) {
            errors.add(new FieldError("consentId", "is required"));
        }
        if (body == null || body.purpose() == null) {
            errors.add(new FieldError("purpose", "is required: LOAN_APPLICATION, POST_LOAN_MANAGEMENT or GUARANTEE_REVIEW"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(Problem.validation("The request has invalid fields.", errors));
        }
        // Committed before this line returns, whatever the outcome.
        Decision d = requests.decide(new Asker(caller.username(), caller.institution(), accountType()),
                body.consentId(), body.purpose(), SubjectType.HOUSEHOLD);
        if (d.refusal().isPresent()) {
            QueryRules.Refusal r = d.refusal().get();
            throw new ApiException(Problem.of(403, r.code(), "Query refused",
                    r.detail() + " The refused request is in the query register as entry " + d.registerSeq() + "."));
        }
        Consent c = d.consent().orElseThrow();
        return new HouseholdReport(d.registerSeq(), d.recordedAt(), c.id, body.purpose().name(),
                subjects.masked(c.subjectType, c.subjectIdEnc), List.of(), false, NOT_YET_AGGREGATED);
    }

    /**
     * Keycloak names a client's service account "service-account-<client>" and it has no person
     * behind it; such a token is refused even if nobody set its account_type claim.
     */
    private String accountType() {
        return caller.username().startsWith("service-account-") ? "service" : caller.accountType();
    }
}
