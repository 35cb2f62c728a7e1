package org.ruralcredit.commons.problem;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

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
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.resilience.TransientFailures;
import org.ruralcredit.commons.security.RefusedAccess;

/**
 * Turns every exception that reaches the REST layer into problem+json in the caller's language
 * ({@code Accept-Language}). Texts come from the catalogue, never from exceptions, so no class
 * name or stack frame leaves the service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final RefusedAccess refusals;

    public ProblemMappers(RefusedAccess refusals) {
        this.refusals = refusals;
    }

    private static Response answer(Problem problem, HttpHeaders headers) {
        return problem.toResponse(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** A 403 a service throws is an object-level refusal (outside the caller's division or institution): logged here, once. */
    @ServerExceptionMapper
    public Response apiException(ApiException e, HttpHeaders headers) {
        if (e.problem().status() == 403) {
            refusals.object(403, null, e.englishDetail());
        }
        Response response = answer(e.problem(), headers);
        return e.retryAfterSeconds()
                .map(seconds -> Response.fromResponse(response)
                        .header("Retry-After", seconds)
                        .build())
                .orElse(response);
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers) {
        return answer(Problem.validation(ConstraintCodes.fieldErrors(e.getConstraintViolations())), headers);
    }

    @ServerExceptionMapper(
            value = {
                JsonProcessingException.class,
                JsonParseException.class,
                JsonMappingException.class,
                MismatchedInputException.class,
                InvalidFormatException.class,
                InvalidNullException.class,
                PropertyBindingException.class,
                ValueInstantiationException.class
            },
            priority = 1)
    public Response unreadableJson(JsonProcessingException e, HttpHeaders headers) {
        return answer(JsonProblems.of(e), headers);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers) {
        return answer(SecurityProblems.unauthorized(), headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers) {
        return answer(SecurityProblems.unauthorized(), headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        refusals.role(SecurityProblems.forbidden().in(Language.EN).detail());
        return answer(SecurityProblems.forbidden(), headers);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        if (e instanceof UnreadableParameters.Unreadable unreadable) {
            return answer(unreadable.problem(), headers);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return answer(JsonProblems.of(json), headers);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internalError(e, headers);
        }
        if (status == 403) {
            refusals.role(SecurityProblems.forbidden().in(Language.EN).detail());
        }
        return answer(StatusProblems.forStatus(status), headers);
    }

    /** A unique key the service checks first can still be hit by a concurrent writer: that is a conflict, not a fault. */
    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e, HttpHeaders headers) {
        LOG.infof("constraint %s refused a write", e.getConstraintName());
        return answer(Problem.of(CommonCodes.CONCURRENT_CHANGE), headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers) {
        var transientCause = TransientFailures.transientCause(e);
        if (transientCause.isPresent()) {
            // the database restarting is not a bug: say so, and when to come back
            LOG.warnf("request failed on a transient cause: %s", transientCause.get());
            return Response.fromResponse(answer(Problem.of(CommonCodes.DATABASE_UNAVAILABLE), headers))
                    .header("Retry-After", "5")
                    .build();
        }
        return internalError(e, headers);
    }

    private static Response internalError(Throwable e, HttpHeaders headers) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unhandled error, reference %s", reference);
        return answer(Problem.of(CommonCodes.INTERNAL_ERROR, reference), headers);
    }

    /** {@code update.request.totalHouseholds} becomes {@code totalHouseholds}; a bad path parameter keeps its name. */
    public static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .toList();
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
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.toString();
    }
}
