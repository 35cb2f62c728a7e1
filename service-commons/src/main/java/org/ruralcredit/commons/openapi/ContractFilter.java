package org.ruralcredit.commons.openapi;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import org.ruralcredit.commons.problem.Problem;

/**
 * What every service's API document shares: the {@code Problem} schema, the error responses an
 * operation refers to by name ({@code @APIResponse(responseCode = "404", ref = "NotFound")}), the
 * bearer scheme on every operation outside {@code /q/} (the policy enforcer guards every path but
 * {@code /q/*}, as each service's {@code policy-enforcer.paths} says), and 400/401/403 on each of
 * them, which any of them can answer.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    public static final String BEARER = "bearer";

    /** Response name, status, description; the 429 and 503 say when to come back. */
    private static final List<String[]> RESPONSES = List.of(
            new String[] {"BadRequest", "400", "The request is invalid; the problem names its code and each bad field."
            },
            new String[] {"Unauthorized", "401", "No valid access token from the rural-credit realm."},
            new String[] {"Forbidden", "403", "The caller's role, division or institution does not allow this."},
            new String[] {"NotFound", "404", "No such resource, or none the caller may see."},
            new String[] {"Conflict", "409", "The request conflicts with the resource's current state."},
            new String[] {"PayloadTooLarge", "413", "The request body is larger than this endpoint accepts."},
            new String[] {
                "UnprocessableContent", "422", "The request is well-formed but cannot be carried out as it stands."
            },
            new String[] {
                "TooManyRequests", "429", "Too many requests of this kind; Retry-After says when to try again."
            },
            new String[] {
                "Unavailable",
                "503",
                "The service or one it depends on cannot answer now; Retry-After says when to try again."
            });

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("FieldError", fieldErrorSchema());
        components.addSchema("Problem", problemSchema());
        for (String[] r : RESPONSES) {
            APIResponse response = OASFactory.createAPIResponse()
                    .description(r[2])
                    .content(OASFactory.createContent()
                            .addMediaType(
                                    Problem.MEDIA_TYPE,
                                    OASFactory.createMediaType()
                                            .schema(OASFactory.createSchema().ref("Problem"))));
            if (r[1].equals("429") || r[1].equals("503")) {
                response.addHeader(
                        "Retry-After",
                        OASFactory.createHeader()
                                .description("Seconds to wait before trying again.")
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            }
            components.addResponse(r[0], response);
        }
        components.setSecuritySchemes(new LinkedHashMap<>(Map.of(
                BEARER,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token (or a requesting party token) from the rural-credit realm."))));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/q/")) {
                item.getOperations().values().forEach(this::protect);
            }
        });
        // offer only the named answers some operation gives
        Set<String> used = new HashSet<>();
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(op -> {
                    if (op.getResponses() != null) {
                        op.getResponses().getAPIResponses().values().stream()
                                .map(APIResponse::getRef)
                                .filter(Objects::nonNull)
                                .forEach(ref -> used.add(ref.substring(ref.lastIndexOf('/') + 1)));
                    }
                }));
        for (String[] r : RESPONSES) {
            if (!used.contains(r[0])) {
                components.removeResponse(r[0]);
            }
        }
    }

    private void protect(Operation operation) {
        SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme(BEARER);
        operation.setSecurity(List.of(bearer));
        APIResponses responses =
                operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        for (String[] r : RESPONSES.subList(0, 3)) {
            APIResponse present = responses.getAPIResponse(r[1]);
            // the framework's own 400/401/403 have no body: the problem document is what answers
            if (present == null || (present.getRef() == null && present.getContent() == null)) {
                responses.addAPIResponse(r[1], OASFactory.createAPIResponse().ref(r[0]));
            }
        }
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description(
                        "One bad field: its name as the client wrote it, its code, the code's values, the message in the caller's language.")
                .addProperty("field", string("The field, e.g. members[1].residentId, or the parameter's name."))
                .addProperty("code", string("Stable code from the problem catalogue, e.g. resident-id.check-digit."))
                .addProperty("args", args())
                .addProperty("message", string("The message in the language of Accept-Language (zh-CN or English)."))
                .required(List.of("field", "message"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document, written in the language of the request's Accept-Language.")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri")
                                .description(
                                        "URN naming the kind of problem, e.g. urn:ruralcredit:problem:validation."))
                .addProperty("title", string("Short summary in the caller's language."))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32"))
                .addProperty("detail", string("What went wrong, in the caller's language."))
                .addProperty(
                        "instance",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri"))
                .addProperty("code", string("Stable code from the problem catalogue, e.g. consent.already-used."))
                .addProperty("args", args())
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().ref("FieldError")))
                .required(List.of("type", "title", "status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Schema args() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("The values the message names, by name (a count, a limit, a date).")
                .additionalPropertiesBoolean(Boolean.TRUE);
    }
}
