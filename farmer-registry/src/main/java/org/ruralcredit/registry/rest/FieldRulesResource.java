package org.ruralcredit.registry.rest;

import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.http.EntityTags;

/**
 * The household file's field rules for the offline field app, which checks what it captures by
 * the same rules before it sends it. The document changes only with the registry's code, so it is
 * made once, and its tag is the hash of what it says.
 */
@Path("/api/v1/field-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Field app", description = "What the offline field app (入户采集) keeps on the device")
public class FieldRulesResource {

    /** Stored by the device, asked again with If-None-Match on every sync (a 304 costs nothing). */
    static final String CACHE_CONTROL = "private, no-cache";

    private final FieldRulesDocument.Document document;
    private final String tag;

    public FieldRulesResource(Validator validator, ObjectMapper mapper) throws JsonProcessingException {
        this.document = FieldRulesDocument.of(validator);
        this.tag = EntityTags.of(mapper.writeValueAsBytes(document));
    }

    @GET
    @Operation(
            operationId = "getFieldRules",
            summary = "The household file's field rules as the registry checks them, with each rule's problem code",
            description = "Every field of the body of createHousehold and correctHousehold by its path, whether it is "
                    + "required, and each rule as data, read from the same constraints the registry validates with. "
                    + "The registry names a field of the file in its problems relative to the file "
                    + "(members[0].residentId for file.members[].residentId). Rules marked serverOnly need the "
                    + "registry's data; a device cannot check them.")
    @APIResponse(
            responseCode = "200",
            description = "The rules",
            headers = {
                @Header(
                        name = "ETag",
                        description = "The document's hash; send it as If-None-Match",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = FieldRulesDocument.Document.class)))
    @APIResponse(responseCode = "304", description = "The rules are those of the If-None-Match tag")
    public Response rules(
            @HeaderParam("If-None-Match") @Parameter(description = "The ETag of the rules the device holds")
                    String ifNoneMatch) {
        return EntityTags.answer(ifNoneMatch, document, tag, CACHE_CONTROL);
    }
}
