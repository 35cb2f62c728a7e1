package org.ruralcredit.sme.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.commons.identity.PhoneNumber;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.sme.domain.Enterprise;
import org.ruralcredit.sme.domain.FirmScorecard;
import org.ruralcredit.sme.domain.PersonalDataProtector;
import org.ruralcredit.sme.service.EnterpriseDirectory;
import org.ruralcredit.sme.service.EnterpriseService;
import org.ruralcredit.sme.service.EnterpriseService.FirmData;
import org.ruralcredit.sme.service.FirmScoring;

@Path("/api/v1/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enterprises", description = "Archives of small firms without bank loans")
public class EnterpriseResource {

    /**
     * A firm as the caller may see it: public registration facts for everyone; the representative
     * and contact (personal data masked) only for credit-admins and auditors.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnterpriseView(
            String uscc,
            String name,
            String entityType,
            String industryCode,
            String divisionCode,
            LocalDate foundedOn,
            Long registeredCapital,
            Integer employees,
            boolean hasBankLoan,
            String grade,
            Details details) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(
            PersonView legalRepresentative,
            PersonView contact,
            String address,
            long version,
            Instant updatedAt,
            String updatedBy,
            FirmScorecard.Score scoreCard) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PersonView(String name, String residentId, String phone) {}

    public record EnterprisePage(List<EnterpriseView> items, int page, int size, long total) {}

    private final EnterpriseDirectory directory;
    private final EnterpriseService service;
    private final PersonalDataProtector protector;

    public EnterpriseResource(
            EnterpriseDirectory directory, EnterpriseService service, PersonalDataProtector protector) {
        this.directory = directory;
        this.service = service;
        this.protector = protector;
    }

    @GET
    @Operation(
            operationId = "listEnterprises",
            summary = "Archived firms in a division, a page at a time (public registration facts); credit-admins "
                    + "and auditors may instead find the firms a person represents by resident ID")
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnterprisePage.class)))
    public EnterprisePage list(
            @QueryParam("division")
                    @DefaultValue("")
                    @Pattern(regexp = "|\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}", message = "{firm.division-filter}")
                    String division,
            @QueryParam("representativeId") @DefaultValue("") String representativeId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        EnterpriseDirectory.Found found = directory.list(division, representativeId, page, size);
        List<EnterpriseView> items =
                found.firms().stream().map(e -> view(e, found.withDetails())).toList();
        return new EnterprisePage(items, page, size, found.total());
    }

    @GET
    @Path("/{uscc}")
    @Operation(operationId = "getEnterprise", summary = "One firm by its unified social credit code")
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EnterpriseView get(
            @PathParam("uscc") @Pattern(regexp = "[0-9A-HJ-NPQRTUW-Y]{18}", message = "{firm.credit-code-format}")
                    String uscc) {
        EnterpriseDirectory.Shown shown = directory.get(uscc);
        return view(shown.firm(), shown.withDetails());
    }

    @POST
    @Operation(
            operationId = "createEnterprise",
            summary = "Archive a firm (credit-admin); the entity type follows from the credit code")
    @APIResponse(
            responseCode = "201",
            description = "The firm is archived",
            headers =
                    @Header(
                            name = "Location",
                            description = "The new firm's address, /api/v1/enterprises/{uscc}",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response create(@NotNull(message = "{firm.record-required}") FirmData data) {
        Enterprise firm = service.create(data);
        return Response.created(URI.create("/api/v1/enterprises/" + firm.uscc))
                .entity(view(firm, true))
                .build();
    }

    @PUT
    @Path("/{uscc}")
    @Operation(
            operationId = "updateEnterprise",
            summary = "Correct a firm's archive (credit-admin); the whole record is replaced")
    @APIResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnterpriseView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public EnterpriseView update(
            @PathParam("uscc") @Pattern(regexp = "[0-9A-HJ-NPQRTUW-Y]{18}", message = "{firm.credit-code-format}")
                    String uscc,
            @NotNull(message = "{firm.record-required}") FirmData data) {
        return view(service.update(uscc, data), true);
    }

    private EnterpriseView view(Enterprise e, boolean withDetails) {
        Details details = null;
        if (withDetails) {
            PersonView rep = new PersonView(
                    e.legalRepName,
                    e.legalRepIdCipher == null ? null : ResidentId.mask(protector.decrypt(e.legalRepIdCipher)),
                    e.legalRepPhoneCipher == null ? null : PhoneNumber.mask(protector.decrypt(e.legalRepPhoneCipher)));
            PersonView contact = e.contactName == null && e.contactPhoneCipher == null
                    ? null
                    : new PersonView(
                            e.contactName,
                            null,
                            e.contactPhoneCipher == null
                                    ? null
                                    : PhoneNumber.mask(protector.decrypt(e.contactPhoneCipher)));
            details = new Details(rep, contact, e.address, e.version, e.updatedAt, e.updatedBy, FirmScoring.read(e));
        }
        return new EnterpriseView(
                e.uscc,
                e.name,
                e.entityType,
                e.industryCode,
                e.divisionCode,
                e.foundedOn,
                e.registeredCapital,
                e.employees,
                e.hasBankLoan,
                e.grade,
                details);
    }
}
