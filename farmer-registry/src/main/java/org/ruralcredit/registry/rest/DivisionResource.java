package org.ruralcredit.registry.rest;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.registry.domain.Division;
import org.ruralcredit.registry.repository.DivisionRepository;

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

    private final DivisionRepository divisions;

    public DivisionResource(DivisionRepository divisions) {
        this.divisions = divisions;
    }

    @GET
    @Transactional
    @Operation(summary = "The provinces, the top of the tree")
    public List<DivisionView> provinces() {
        return divisions.provinces().stream().map(DivisionView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Transactional
    @Operation(summary = "Look a division code up")
    public DivisionView get(@PathParam("code") @Pattern(regexp = CODE, message = "must be a 2, 4, 6, 9 or 12-digit division code") String code) {
        Division division = divisions.findById(code);
        if (division == null) {
            throw ApiException.notFound("No division has the code " + code + ".");
        }
        return DivisionView.of(division);
    }

    @GET
    @Path("/{code}/children")
    @Transactional
    @Operation(summary = "The divisions directly inside one, e.g. a township's villages")
    public List<DivisionView> children(@PathParam("code") @Pattern(regexp = CODE, message = "must be a 2, 4, 6, 9 or 12-digit division code") String code) {
        get(code);
        return divisions.childrenOf(code).stream().map(DivisionView::of).toList();
    }
}
