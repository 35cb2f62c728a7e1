package org.ruralcredit.morality.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.ruralcredit.morality.domain.Catalogue;
import org.ruralcredit.morality.service.CatalogueService;

@Path("/api/v1/standards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Standards", description = "The four standards of the moral bank and their points caps")
public class StandardResource {

    public record StandardView(String code, String nameZh, String nameEn, int pointsCap) {
        static StandardView of(Catalogue.Standard s) {
            return new StandardView(s.code(), s.nameZh(), s.nameEn(), s.cap());
        }
    }

    private final CatalogueService catalogues;

    public StandardResource(CatalogueService catalogues) {
        this.catalogues = catalogues;
    }

    @GET
    @Operation(
            operationId = "listStandards",
            summary = "The four standards of the catalogue in force today, in their official order")
    public List<StandardView> list() {
        return catalogues.current().standards().stream().map(StandardView::of).toList();
    }
}
