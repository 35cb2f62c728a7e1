package org.ruralcredit.sme.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.sme.domain.FeedBatch;
import org.ruralcredit.sme.domain.FeedSource;
import org.ruralcredit.sme.service.FeedHistory;
import org.ruralcredit.sme.service.FeedReader;
import org.ruralcredit.sme.service.FeedService;
import org.ruralcredit.sme.service.FeedService.FeedReport;

@Path("/api/v1/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agency feeds", description = "Batch uploads of agency data, checked row by row")
public class FeedResource {

    public record BatchView(
            UUID batchId,
            String source,
            LocalDate asOf,
            String format,
            String contentSha256,
            String uploadedBy,
            Instant uploadedAt,
            int rows,
            int stored,
            int unchanged,
            int rejected) {
        static BatchView of(FeedBatch b) {
            return new BatchView(
                    b.id,
                    FeedSource.valueOf(b.source).slug(),
                    b.asOf,
                    b.format,
                    b.contentSha256,
                    b.uploadedBy,
                    b.uploadedAt,
                    b.totalRows,
                    b.storedRows,
                    b.unchangedRows,
                    b.rejectedRows);
        }
    }

    private final FeedService service;
    private final FeedHistory history;

    public FeedResource(FeedService service, FeedHistory history) {
        this.service = service;
        this.history = history;
    }

    @POST
    @Path("/{source}")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "uploadFeed",
            summary = "Upload one agency's batch as of a date (credit-admin): CSV with a header, or a JSON array; "
                    + "bad rows are reported by line, good rows stored, re-uploads change nothing; or the same as a form "
                    + "(multipart/form-data) with the parts 'file' (a .csv or .json file) and 'asOf'")
    @APIResponse(
            responseCode = "200",
            description = "The batch is taken: rows stored, unchanged and rejected by line",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedReport.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    public FeedReport upload(
            @PathParam("source") String source,
            @QueryParam("asOf") String asOf,
            @Context HttpHeaders headers,
            byte[] content) {
        FeedReader.Format format = MediaType.APPLICATION_JSON_TYPE.isCompatible(headers.getMediaType())
                ? FeedReader.Format.JSON
                : FeedReader.Format.CSV;
        return service.upload(source, date(asOf), format, content == null ? new byte[0] : content);
    }

    @POST
    @Path("/{source}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    // the same operation in the API document as upload: one path and method, a third request content type
    @Operation(summary = "The same upload as a form (credit-admin): part 'file' (a .csv or .json file) and 'asOf'")
    @APIResponse(
            responseCode = "200",
            description = "The batch is taken: rows stored, unchanged and rejected by line",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedReport.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    public FeedReport uploadForm(
            @PathParam("source") String source, @RestForm("asOf") String asOf, @RestForm("file") FileUpload file) {
        if (file == null) {
            throw ApiException.invalid("file", SmeCodes.FEED_FILE_REQUIRED);
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
        FeedReader.Format format;
        if (name.endsWith(".json") || type.startsWith(MediaType.APPLICATION_JSON)) {
            format = FeedReader.Format.JSON;
        } else if (name.endsWith(".csv") || type.startsWith("text/csv")) {
            format = FeedReader.Format.CSV;
        } else {
            throw ApiException.invalid("file", SmeCodes.FEED_FILE_TYPE);
        }
        try {
            return service.upload(source, date(asOf), format, Files.readAllBytes(file.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Operation(operationId = "listFeedBatches", summary = "Recent uploads, newest first (credit-admin, auditor)")
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = BatchView.class)))
    public List<BatchView> batches(
            @QueryParam("source") @DefaultValue("") String source,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return history.batches(source, limit).stream().map(BatchView::of).toList();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("asOf", SmeCodes.FEED_AS_OF_DATE);
        }
    }
}
