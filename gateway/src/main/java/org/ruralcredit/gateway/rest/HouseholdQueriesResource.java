package org.ruralcredit.gateway.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.problem.Problem.FieldError;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.repository.QueryRegisterRepository;
import org.ruralcredit.gateway.service.StatementService;
import org.ruralcredit.gateway.service.Subjects;

/**
 * A household's own view of the register, shown by its township's official: who asked for the
 * household's report, when, why, and whether it was granted. The resident ID travels in the body.
 */
@Path("/api/v1/query-register/household-view")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Query register")
public class HouseholdQueriesResource {

    public record Household(String residentId) {
    }

    public record Query(Instant at, String institution, String username, String purpose, String outcome) {
    }

    static final int LIMIT = 200;

    private final QueryRegisterRepository register;
    private final StatementService households;
    private final Subjects subjects;
    private final Caller caller;
    private final java.time.Clock clock;

    public HouseholdQueriesResource(QueryRegisterRepository register, StatementService households, Subjects subjects,
                                    Caller caller, java.time.Clock clock) {
        this.register = register;
        this.households = households;
        this.subjects = subjects;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Operation(operationId = "listHouseholdQueries", summary = "Who queried this household and when (its township's official), newest first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "200", description = "The queries of the household, newest first",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Query.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public List<Query> queries(Household body) {
        List<FieldError> errors = new ArrayList<>();
        String id = subjects.check(SubjectType.HOUSEHOLD, body == null ? null : body.residentId(), "residentId",
                LocalDate.now(clock), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (caller.division() == null || caller.division().length() != 9) {
            throw ApiException.of(GatewayCodes.HOUSEHOLD_QUERIES_OFFICIAL_ONLY);
        }
        households.requireOwnTownship(id, caller.division());
        return list(subjects.hash(SubjectType.HOUSEHOLD, id));
    }

    @Transactional
    List<Query> list(String hash) {
        return register.allFor("HOUSEHOLD", hash, LIMIT).stream()
                .map(e -> new Query(e.recordedAt, e.institution, e.username, e.purpose, e.outcome)).toList();
    }
}
