package org.ruralcredit.registry.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.ratelimit.RateLimited;
import org.ruralcredit.commons.security.Caller;
import org.ruralcredit.importfile.CsvRows;
import org.ruralcredit.importfile.ImportTemplate;
import org.ruralcredit.registry.domain.ImportJob;
import org.ruralcredit.registry.domain.TemplateReader;
import org.ruralcredit.registry.service.ImportFiles;
import org.ruralcredit.registry.service.ImportService;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk import of household files (批量导入)")
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The job's states as the API names them; the domain's own enum stays free of the API's annotations. */
    public enum ImportStatus {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    public record JobView(
            UUID id,
            String fileName,
            String format,
            String uploadedBy,
            String division,
            ImportStatus status,
            Long rowsTotal,
            long rowsDone,
            long householdsCreated,
            long householdsCorrected,
            long householdsUnchanged,
            long householdsRejected,
            long badRows,
            String failure,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {
        static JobView of(ImportJob job) {
            return new JobView(
                    job.id,
                    job.fileName,
                    job.format,
                    job.uploadedBy,
                    job.division,
                    ImportStatus.valueOf(job.status.name()),
                    job.rowsTotal,
                    job.rowsDone,
                    job.householdsCreated,
                    job.householdsCorrected,
                    job.householdsUnchanged,
                    job.householdsRejected,
                    job.badRows,
                    job.failure,
                    job.createdAt,
                    job.startedAt,
                    job.finishedAt);
        }
    }

    /**
     * One bad row: its line, template column, the problem's code, the values its text names and
     * the reason in the language of Accept-Language (rows stored before their values were kept
     * have no values and their reason in English).
     */
    public record RowErrorView(long line, String field, String code, Map<String, Object> args, String reason) {

        static RowErrorView of(TemplateReader.RowError e, Language language) {
            return new RowErrorView(e.line(), e.column(), e.code(), e.args(), e.reasonIn(language));
        }
    }

    private final ImportService service;
    private final Caller caller;

    public ImportResource(ImportService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited("imports")
    @Operation(
            operationId = "createImport",
            summary = "Upload a CSV or XLSX file in the import template; processed in the background (202)")
    @APIResponse(
            responseCode = "202",
            description = "The import is queued; follow its progress at Location",
            headers =
                    @Header(
                            name = "Location",
                            description = "The import job's address, /api/v1/imports/{id}",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.invalid("file", RegistryCodes.IMPORT_FILE_REQUIRED);
        }
        // the actor is taken here, on the request: the import runs on a worker without a request
        ImportJob job = service.submit(caller.actor(), file.fileName(), file.uploadedFile());
        return Response.accepted(JobView.of(job))
                .location(URI.create("/api/v1/imports/" + job.id))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getImport",
            summary = "An import's progress: rows done of total, households created/corrected/unchanged/rejected")
    @APIResponse(
            responseCode = "200",
            description = "The import's progress",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public JobView get(@PathParam("id") UUID id) {
        return JobView.of(service.job(caller.actor(), id));
    }

    @GET
    @Path("/{id}/errors")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(
            operationId = "listImportErrors",
            summary = "Every bad row: line, template column, reason; ?format=csv for a spreadsheet")
    @APIResponse(
            responseCode = "200",
            description = "The bad rows in file order, reasons in the language of Accept-Language",
            content = {
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(type = SchemaType.ARRAY, implementation = RowErrorView.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "行号,列,原因"))
            })
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response errors(
            @PathParam("id") UUID id,
            @QueryParam("format") @DefaultValue("json") String format,
            @Context HttpHeaders headers) {
        ImportJob job = service.job(caller.actor(), id);
        Language language = Language.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        if ("csv".equalsIgnoreCase(format)) {
            StreamingOutput body = out -> {
                try (CsvRows rows = new CsvRows(out, List.of("行号", "列", "原因"))) {
                    service.forEachError(job.id, e -> {
                        try {
                            rows.write(List.of(Long.toString(e.line()), e.column(), e.reasonIn(language)));
                        } catch (IOException io) {
                            throw new UncheckedIOException(io);
                        }
                    });
                }
            };
            return Response.ok(body, "text/csv; charset=UTF-8")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                    .header("Content-Disposition", "attachment; filename=\"import-" + job.id + "-errors.csv\"")
                    .build();
        }
        if (!"json".equalsIgnoreCase(format)) {
            throw ApiException.invalid("format", RegistryCodes.IMPORT_REPORT_FORMAT);
        }
        List<RowErrorView> errors = new ArrayList<>();
        service.forEachError(job.id, e -> errors.add(RowErrorView.of(e, language)));
        return Response.ok(errors, MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    @GET
    @Path("/template.csv")
    @Produces("text/csv")
    @Operation(
            operationId = "getImportTemplateCsv",
            summary = "The import template as CSV (UTF-8): Chinese column headers and one example household")
    @APIResponse(
            responseCode = "200",
            description = "The template as a CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response templateCsv() {
        StreamingOutput body = ImportFiles::templateCsv;
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"household-import-template.csv\"")
                .build();
    }

    @GET
    @Path("/template.xlsx")
    @Produces(XLSX)
    @Operation(operationId = "getImportTemplateXlsx", summary = "The import template as an XLSX workbook")
    @APIResponse(
            responseCode = "200",
            description = "The template as an XLSX workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response templateXlsx() {
        StreamingOutput body = ImportFiles::templateXlsx;
        return Response.ok(body, XLSX)
                .header("Content-Disposition", "attachment; filename=\"household-import-template.xlsx\"")
                .build();
    }

    /** The template's columns and their meaning, for a console to show next to the upload. */
    @GET
    @Path("/template")
    @Operation(operationId = "listImportTemplateColumns", summary = "The template's columns: header and meaning")
    public List<ColumnView> template() {
        return Arrays.stream(ImportTemplate.Column.values())
                .map(c -> new ColumnView(c.header, c.meaning))
                .toList();
    }

    public record ColumnView(String header, String meaning) {}
}
