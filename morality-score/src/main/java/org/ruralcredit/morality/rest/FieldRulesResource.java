package org.ruralcredit.morality.rest;

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
 * The proposal form's field rules for the offline field app, which checks a deed, veto or
 * reversal the clerk captures by the same rules before it sends it. The document changes only
 * with the service's code, so it is made once, and its tag is the hash of what it says.
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
            operationId = "getProposalFieldRules",
            summary = "The proposal form's field rules as the service checks them, with each rule's problem code",
            description = "Every field of the body of createProposal by its path, whether it is required, and each "
                    + "rule as data, read from the same constraints the service validates with, then the checks it "
                    + "makes after them: the fields each kind needs and leaves out (KindFields), the deed date not "
                    + "after today in China's time (NotAfterToday), evidence for a veto (EvidenceRequired). A rule's "
                    + "whenKind names the kinds it applies to; a body without kind is a deed (the Default rule). "
                    + "Rules marked serverOnly need the catalogue or the ledger; a device cannot check them.")
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
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response rules(
            @HeaderParam("If-None-Match") @Parameter(description = "The ETag of the rules the device holds")
                    String ifNoneMatch) {
        return EntityTags.answer(ifNoneMatch, document, tag, CACHE_CONTROL);
    }
}
