package org.ruralcredit.morality.rest;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ruralcredit.morality.domain.MoralStandard;
import org.ruralcredit.morality.repository.MoralStandardRepository;

@Path("/api/v1/standards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Standards", description = "The four standards of the moral bank and their points caps")
public class StandardResource {

    public record StandardView(String code, String nameZh, String nameEn, int pointsCap) {
        static StandardView of(MoralStandard s) {
            return new StandardView(s.code, s.nameZh, s.nameEn, s.pointsCap);
        }
    }

    private final MoralStandardRepository standards;

    public StandardResource(MoralStandardRepository standards) {
        this.standards = standards;
    }

    @GET
    @Transactional
    @Operation(summary = "The four standards, in their official order")
    public List<StandardView> list() {
        return standards.inOrder().stream().map(StandardView::of).toList();
    }
}
