package org.ruralcredit.commons.problem;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.ruralcredit.commons.resilience.TransientFailures;
import org.ruralcredit.commons.security.RefusedAccess;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every exception that reaches the REST layer into problem+json. Messages are written
 * here, never copied from exceptions, so no class name or stack frame leaves the service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final RefusedAccess refusals;

    public ProblemMappers(RefusedAccess refusals) {
        this.refusals = refusals;
    }

    /** A 403 a service throws is an object-level refusal (outside the caller's division or institution): logged here, once. */
    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        if (e.problem().status() == 403) {
            refusals.object(403, null, e.problem().detail());
        }
        return e.retryAfterSeconds()
                .map(seconds -> Response.fromResponse(e.problem().toResponse()).header("Retry-After", seconds).build())
                .orElseGet(() -> e.problem().toResponse());
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return Problem.validation("The request has " + errors.size() + " invalid field(s).", errors).toResponse();
    }

    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            InvalidNullException.class, PropertyBindingException.class, ValueInstantiationException.class},
            priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        return JsonProblems.of(e).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return SecurityProblems.unauthorized().toResponse();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return SecurityProblems.unauthorized().toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        refusals.role(SecurityProblems.forbidden().detail());
        return SecurityProblems.forbidden().toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonProblems.of(json).toResponse();
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internalError(e);
        }
        if (status == 403) {
            refusals.role(SecurityProblems.forbidden().detail());
        }
        return StatusProblems.forStatus(status).toResponse();
    }

    /** A unique key the service checks first can still be hit by a concurrent writer: that is a conflict, not a fault. */
    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e) {
        LOG.infof("constraint %s refused a write", e.getConstraintName());
        return Problem.of(409, "conflict", "Conflict",
                "The change conflicts with one made at the same time; reload and try again.").toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        var transientCause = TransientFailures.transientCause(e);
        if (transientCause.isPresent()) {
            // the database restarting is not a bug: say so, and when to come back
            LOG.warnf("request failed on a transient cause: %s", transientCause.get());
            return Response.fromResponse(Problem.of(503, "temporarily-unavailable", "Temporarily unavailable",
                    "The service's database did not answer; the request was not carried out. Try again in a few seconds.")
                    .toResponse()).header("Retry-After", "5").build();
        }
        return internalError(e);
    }

    private static Response internalError(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unhandled error, reference %s", reference);
        return Problem.of(500, "internal-error", "Internal error",
                "The request could not be completed. Reference: " + reference).toResponse();
    }

    /** {@code update.request.totalHouseholds} becomes {@code totalHouseholds}; a bad path parameter keeps its name. */
    public static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        List<Path.Node> properties = nodes.stream()
                .filter(n -> n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT)
                .toList();
        if (properties.isEmpty()) {
            return nodes.isEmpty() ? "request" : nodes.get(nodes.size() - 1).getName();
        }
        // a node inside a list carries the list's index itself: members[0].name, not members.name[0]
        StringBuilder field = new StringBuilder();
        for (Path.Node node : properties) {
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.toString();
    }
}
