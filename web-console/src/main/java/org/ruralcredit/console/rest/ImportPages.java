package org.ruralcredit.console.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.ConsoleText;
import org.ruralcredit.console.service.Downloads;
import org.ruralcredit.console.service.PlatformApi;
import org.ruralcredit.console.view.ImportGuide;
import org.ruralcredit.console.view.RowReasons;

/**
 * Bulk import for township officials: the template to download, the upload, a progress bar
 * while the registry works through the file, and the bad rows to download and correct.
 */
@Path("/console/imports")
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PlatformApi api;
    private final ConsolePage page;
    private final ConsoleText text;
    private final Template upload;
    private final Template job;

    public ImportPages(
            PlatformApi api,
            ConsolePage page,
            ConsoleText text,
            @Location("console/imports.html") Template upload,
            @Location("console/import-job.html") Template job) {
        this.api = api;
        this.page = page;
        this.text = text;
        this.upload = upload;
        this.job = job;
    }

    /** The upload with the template's columns explained in the page's language ({@link ImportGuide}). */
    @GET
    public TemplateInstance form() {
        ApiAnswer columns = api.registry(r -> r.importColumns());
        Map<String, String> words = text.of(page.language());
        List<Map<String, String>> guide = new ArrayList<>();
        if (columns.ok()) {
            for (JsonNode c : columns.json()) {
                String header = c.path("header").asText();
                guide.add(Map.of(
                        "header",
                        header,
                        "meaning",
                        ImportGuide.meaning(header, c.path("meaning").asText(""), words)));
            }
        }
        return page.render(upload, "imports.title").data("problem", null).data("columns", guide);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.status(400).entity(form().data("noFile", true)).build();
        }
        String type = file.fileName() != null
                        && file.fileName().toLowerCase(Locale.ROOT).endsWith(".xlsx")
                ? XLSX
                : "text/csv";
        ApiAnswer answer = api.registry(
                r -> r.startImport(PlatformApi.filePart("file", file.fileName(), file.uploadedFile(), type)));
        if (answer.ok()) {
            return Response.seeOther(URI.create(
                            "/console/imports/" + answer.json().path("id").asText()))
                    .build();
        }
        return Response.status(answer.pageStatus())
                .entity(form().data("problem", answer))
                .build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance job(@PathParam("id") UUID id) {
        return progressOf(id, job);
    }

    /** The progress fragment htmx swaps in every second until the job has ended. */
    @GET
    @Path("{id}/progress")
    public TemplateInstance progress(@PathParam("id") UUID id) {
        return progressOf(id, job.getFragment("progress"));
    }

    /**
     * The bad rows as a spreadsheet in the page's language: the registry's own CSV gives its
     * reasons in English, so the console writes the file from the rows' codes (UTF-8 with a BOM,
     * which Excel and WPS need to read Chinese).
     */
    @GET
    @Path("{id}/errors.csv")
    @Produces("text/csv")
    public Response errorReport(@PathParam("id") UUID id) {
        ApiAnswer rows = api.registry(r -> r.importErrors(id));
        if (!rows.ok()) {
            return Response.status(rows.pageStatus()).build();
        }
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(RowReasons.csvLine(
                List.of(page.word("imports.line"), page.word("imports.column"), page.word("imports.reason"))));
        for (JsonNode e : rows.json()) {
            csv.append(RowReasons.csvLine(List.of(
                    e.path("line").asText(),
                    e.path("field").asText(""),
                    reason(e, page.language(), page.word("imports.unknownReason")))));
        }
        return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"")
                .build();
    }

    @GET
    @Path("template.{format:csv|xlsx}")
    public Response template(@PathParam("format") String format) {
        return Downloads.of(
                api.registry(r -> "xlsx".equals(format) ? r.importTemplateXlsx() : r.importTemplateCsv()),
                "household-import-template." + format);
    }

    private TemplateInstance progressOf(UUID id, Template template) {
        ApiAnswer status = api.registry(r -> r.importJob(id));
        Map<String, Object> j = status.ok() ? page.plainObject(status.json()) : Map.of();
        boolean ended = status.ok()
                && !List.of("QUEUED", "RUNNING")
                        .contains(status.json().path("status").asText());
        List<Map<String, String>> errors = List.of();
        if (ended && status.json().path("badRows").asLong() > 0) {
            ApiAnswer rows = api.registry(r -> r.importErrors(id));
            if (rows.ok()) {
                errors = StreamSupport.stream(rows.json().spliterator(), false)
                        .limit(200)
                        .map(e -> Map.of(
                                "line",
                                e.path("line").asText(),
                                "field",
                                e.path("field").asText(),
                                "reason",
                                reason(e, page.language(), page.word("imports.unknownReason"))))
                        .toList();
            }
        }
        long total = status.json().path("rowsTotal").asLong(0);
        long done = status.json().path("rowsDone").asLong(0);
        return page.render(template, "imports.job")
                .data("id", id)
                .data("j", j)
                .data("ended", ended)
                .data("errors", errors)
                .data("moreErrors", status.json().path("badRows").asLong() > errors.size())
                .data("statusKey", "job." + status.json().path("status").asText("QUEUED"))
                .data("percent", total == 0 ? (ended ? 100 : 0) : Math.min(100, done * 100 / total))
                .data("problem", status.ok() ? null : status);
    }

    /**
     * A bad row's reason in the page's language: written from its code and values by the catalogue
     * when the registry gives them, else its message or reason as the registry wrote it.
     */
    static String reason(JsonNode row, String language, String unknown) {
        String code = row.path("code").asText(null);
        Map<String, Object> args = new LinkedHashMap<>();
        row.path("args")
                .properties()
                .forEach(a -> args.put(
                        a.getKey(),
                        a.getValue().isNumber()
                                ? a.getValue().numberValue()
                                : a.getValue().asText()));
        String text = code == null ? null : RowReasons.of(code, args, language);
        if (text != null) {
            return text;
        }
        // a code the catalogue does not know yet: the registry's English words only on the English page
        return "en".equals(language) ? row.path("reason").asText("") : unknown;
    }
}
