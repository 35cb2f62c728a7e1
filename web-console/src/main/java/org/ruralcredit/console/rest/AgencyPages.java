package org.ruralcredit.console.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.ruralcredit.console.service.Api;
import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.Desk;
import org.ruralcredit.console.service.Desk.Input;
import org.ruralcredit.console.service.PlatformApi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * A government clerk's award check (评优评先信用核查): upload the candidates' resident IDs as a
 * CSV (one per row, first column), see each candidate's outcome with reason categories, and
 * download the results as CSV.
 */
@Path("/console/award-checks")
@Produces(MediaType.TEXT_HTML)
public class AgencyPages {

    private static final CsvMapper CSV = new CsvMapper();

    private final PlatformApi api;
    private final ConsolePage page;
    private final Template desk;

    public AgencyPages(PlatformApi api, ConsolePage page, @Location("console/desk.html") Template desk) {
        this.api = api;
        this.page = page;
        this.desk = desk;
    }

    @GET
    public TemplateInstance form() {
        return page.desk(desk, "nav.awardChecks", "award.intro", null, null, List.of(uploadForm()), List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response check(@RestForm String programme, @RestForm("file") FileUpload file, @RestForm String format)
            throws IOException {
        List<String> ids = file == null || file.uploadedFile() == null ? List.of() : firstColumn(file.uploadedFile());
        ApiAnswer answer = api.post(Api.GATEWAY, "/api/v1/award-checks/households",
                Map.of("programme", programme == null ? "" : programme, "residentIds", ids));
        if (answer.ok() && "csv".equals(format)) {
            return Response.ok(resultsCsv(answer.json().path("results")), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"award-check-" + answer.json().path("checkId").asText()
                            + ".csv\"").build();
        }
        Desk.Table results = Desk.table("award-results", page.word("award.results"), answer.json().path("results"),
                Desk.columns(page::word, "position", "award.position", "subject", "consent.subjectId", "outcome",
                        "award.outcome", "reasons", "award.reasons"),
                null, null, null, page.word("table.empty"), page::word);
        String notice = answer.ok() ? page.word("award.summary") + " " + answer.json().path("passed").asInt() + " / "
                + answer.json().path("failed").asInt() + " / " + answer.json().path("undecided").asInt() : null;
        return Response.status(answer.ok() ? 200 : answer.pageStatus())
                .entity(page.desk(desk, "nav.awardChecks", "award.intro", notice, answer.ok() ? null : answer,
                        List.of(uploadForm()), List.of(results))).build();
    }

    private Desk.Form uploadForm() {
        return new Desk.Form("award-form", "/console/award-checks", "post", true, List.of(
                Input.text("programme", page.word("award.programme"), ""),
                Input.of("file", page.word("award.file"), "file", ""),
                Input.choice("format", page.word("award.format"), "page", List.of(
                        new org.ruralcredit.console.service.Option("page", page.word("award.onPage")),
                        new org.ruralcredit.console.service.Option("csv", page.word("award.asCsv"))))),
                page.word("action.submit"));
    }

    /** The first column of each row, without a header row or blank lines (a UTF-8 BOM is tolerated). */
    static List<String> firstColumn(java.nio.file.Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (var rows = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).<List<String>>readValues(text)) {
            return rows.readAll().stream().filter(r -> !r.isEmpty() && !r.get(0).isBlank()).map(r -> r.get(0).strip())
                    .filter(v -> !v.equals("身份证号") && !v.equalsIgnoreCase("residentId")).toList();
        }
    }

    private String resultsCsv(JsonNode results) throws IOException {
        CsvSchema schema = CsvSchema.builder().addColumn(page.word("award.position")).addColumn(page.word("consent.subjectId"))
                .addColumn(page.word("award.outcome")).addColumn(page.word("award.reasons")).build().withHeader();
        List<List<String>> rows = new java.util.ArrayList<>();
        for (JsonNode r : results) {
            List<String> reasons = new java.util.ArrayList<>();
            r.path("reasons").forEach(x -> reasons.add(x.asText()));
            rows.add(List.of(r.path("position").asText(), r.path("subject").asText(), r.path("outcome").asText(),
                    String.join("；", reasons)));
        }
        return "\uFEFF" + CSV.writer(schema).writeValueAsString(rows);
    }
}
