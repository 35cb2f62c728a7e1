package org.ruralcredit.registry.rest;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.registry.domain.Division;
import org.ruralcredit.registry.service.DivisionService;

@Path("/api/v1/divisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Divisions", description = "Official statistical division codes (统计用区划代码)")
public class DivisionResource {

    static final String CODE = "\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}";

    public record DivisionView(String code, String name, String level, String parentCode, int edition) {
        static DivisionView of(Division d) {
            return new DivisionView(d.code, d.name, d.level.name(), d.parentCode, d.edition);
        }
    }

    private final DivisionService divisions;

    public DivisionResource(DivisionService divisions) {
        this.divisions = divisions;
    }

    @GET
    @Operation(operationId = "listProvinces", summary = "The provinces, the top of the tree")
    public List<DivisionView> provinces() {
        return divisions.provinces().stream().map(DivisionView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getDivision", summary = "Look a division code up")
    @APIResponse(
            responseCode = "200",
            description = "The division",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DivisionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DivisionView get(
            @PathParam("code") @Pattern(regexp = CODE, message = "{division.code-format}") String code) {
        return DivisionView.of(divisions.get(code));
    }

    @GET
    @Path("/{code}/children")
    @Operation(
            operationId = "listDivisionChildren",
            summary = "The divisions directly inside one, e.g. a township's villages")
    @APIResponse(
            responseCode = "200",
            description = "The divisions directly inside it",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = DivisionView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<DivisionView> children(
            @PathParam("code") @Pattern(regexp = CODE, message = "{division.code-format}") String code) {
        return divisions.childrenOf(code).stream().map(DivisionView::of).toList();
    }
}
