package org.ruralcredit.console.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.PlatformApi;
import org.ruralcredit.console.view.AwardIds;
import org.ruralcredit.console.view.AwardIds.Candidate;
import org.ruralcredit.console.view.Formats;

/**
 * A government clerk's award check (评优评先信用核查, 文明诚信家庭): the candidates' resident IDs
 * from a CSV file (read here, whatever column and encoding Excel or WPS saved) and/or typed one per
 * line. IDs that cannot be resident IDs are named with their line and not sent; the gateway checks
 * the rest and each household is shown passed or not with its reasons in words, and the results
 * can be downloaded as CSV (written from what the page shows, without checking again).
 */
@Path("/console/award-checks")
@Produces(MediaType.TEXT_HTML)
public class AgencyPages {

    private static final Pattern POSITION = Pattern.compile("residentIds\\[(\\d+)]");

    /** One line of the results: where the ID was given, the ID masked, the outcome and why. */
    @TemplateData
    public record Row(String source, String subject, String outcome, String outcomeLabel, String reasons) {
        public String cssClass() {
            return switch (outcome) {
                case "PASS" -> "pass";
                case "FAIL", "INVALID" -> "fail";
                default -> "";
            };
        }

        String line() {
            return String.join("\t", source, subject, outcomeLabel, reasons);
        }
    }

    private final PlatformApi api;
    private final ConsolePage page;
    private final Template award;

    public AgencyPages(PlatformApi api, ConsolePage page, @Location("console/award-check.html") Template award) {
        this.api = api;
        this.page = page;
        this.award = award;
    }

    @GET
    public TemplateInstance form() {
        return view("", "", Map.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response check(@RestForm String programme, @RestForm("file") FileUpload file, @RestForm String ids)
            throws IOException {
        String name = programme == null ? "" : programme.strip();
        String typed = ids == null ? "" : ids;
        List<Candidate> candidates = new ArrayList<>();
        if (file != null && file.uploadedFile() != null && file.size() > 0) {
            candidates.addAll(AwardIds.fromCsv(AwardIds.decode(Files.readAllBytes(file.uploadedFile()))));
        }
        candidates.addAll(AwardIds.fromLines(typed));
        Map<String, String> errors = new HashMap<>();
        if (name.isEmpty()) {
            errors.put("programme", page.word("award.programmeMissing"));
        }
        if (candidates.isEmpty()) {
            errors.put("ids", page.word("award.noIds"));
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(view(name, typed, errors)).build();
        }

        Map<Candidate, String> refused = new HashMap<>();
        candidates.stream()
                .filter(c -> !c.sendable())
                .forEach(c -> refused.put(c, page.word("award.problem." + c.problem())));
        List<Candidate> sent =
                new ArrayList<>(candidates.stream().filter(Candidate::sendable).toList());
        ApiAnswer answer = sent.isEmpty() ? null : send(name, sent);
        if (answer != null && answer.status() == 400 && !answer.fieldProblems().isEmpty()) {
            // the gateway named IDs it will not check: show each with its reason and check the others
            boolean onlyIds = true;
            List<Candidate> named = new ArrayList<>();
            for (ApiAnswer.FieldProblem p : answer.fieldProblems()) {
                Matcher m = POSITION.matcher(p.field());
                if (m.matches() && Integer.parseInt(m.group(1)) < sent.size()) {
                    Candidate c = sent.get(Integer.parseInt(m.group(1)));
                    refused.put(c, p.message());
                    named.add(c);
                } else {
                    onlyIds = false;
                }
            }
            if (onlyIds) {
                sent.removeAll(named);
                answer = sent.isEmpty() ? null : send(name, sent);
            }
        }
        if (answer != null && !answer.ok()) {
            Map<String, String> fieldErrors = new HashMap<>();
            answer.messagesOf("programme").forEach(m -> fieldErrors.put("programme", m));
            return Response.status(answer.pageStatus())
                    .entity(view(name, typed, fieldErrors).data("problem", answer))
                    .build();
        }

        List<Row> rows = new ArrayList<>();
        Map<Candidate, Row> checked = new HashMap<>();
        int minPoints =
                answer == null ? 0 : answer.json().path("minMoralPoints").asInt();
        if (answer != null) {
            for (JsonNode r : answer.json().path("results")) {
                int position = r.path("position").asInt();
                if (position < sent.size()) {
                    checked.put(sent.get(position), result(sent.get(position), r, minPoints));
                }
            }
        }
        int passed = 0;
        int failed = 0;
        int undecided = 0;
        for (Candidate c : candidates) {
            Row row = checked.get(c);
            if (row == null) {
                String reason = refused.getOrDefault(c, page.word("award.notChecked"));
                row = new Row(source(c), AwardIds.mask(c.value()), "INVALID", page.word("award.invalid"), reason);
            }
            switch (row.outcome()) {
                case "PASS" -> passed++;
                case "FAIL" -> failed++;
                default -> undecided++;
            }
            rows.add(row);
        }
        return Response.ok(view(name, typed, Map.of())
                        .data("rows", rows)
                        .data("lines", rows.stream().map(Row::line).toList())
                        .data(
                                "summary",
                                page.word("award.summaryLine").formatted(rows.size(), passed, failed, undecided))
                        .data(
                                "checkId",
                                answer == null
                                        ? ""
                                        : answer.json().path("checkId").asText(""))
                        .data(
                                "checkedAt",
                                answer == null
                                        ? ""
                                        : Formats.instant(
                                                answer.json().path("checkedAt").asText(""))))
                .build();
    }

    /** The results as CSV, from the lines the results page carries (nothing is checked again). */
    @POST
    @Path("results.csv")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/csv")
    public Response download(
            @RestForm String programme, @RestForm String checkId, @RestForm("line") List<String> lines) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(
                        ",",
                        List.of(
                                        page.word("award.source"),
                                        page.word("award.subject"),
                                        page.word("award.outcome"),
                                        page.word("award.reasons"))
                                .stream()
                                .map(AwardIds::csvCell)
                                .toList()))
                .append("\r\n");
        for (String line : lines == null ? List.<String>of() : lines) {
            String[] cells = line.split("\t", -1);
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                shown.add(AwardIds.csvCell(i < cells.length ? cells[i] : ""));
            }
            csv.append(String.join(",", shown)).append("\r\n");
        }
        String id = checkId != null && checkId.matches("[0-9a-f-]{36}") ? checkId : "results";
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"award-check-" + id + ".csv\"")
                .build();
    }

    private ApiAnswer send(String programme, List<Candidate> sent) {
        return api.gateway(g -> g.householdAwardCheck(Map.of(
                "programme",
                programme,
                "residentIds",
                sent.stream().map(Candidate::value).toList())));
    }

    private Row result(Candidate c, JsonNode r, int minPoints) {
        String outcome = r.path("outcome").asText();
        List<String> reasons = new ArrayList<>();
        r.path("reasons")
                .forEach(x ->
                        reasons.add(page.word("award.reason." + x.asText()).replace("%d", String.valueOf(minPoints))));
        String why = "PASS".equals(outcome)
                ? page.word("award.passedBecause").replace("%d", String.valueOf(minPoints))
                : String.join("；", reasons);
        return new Row(
                source(c),
                r.path("subject").asText(AwardIds.mask(c.value())),
                outcome,
                page.word("award.outcome." + outcome),
                why);
    }

    private String source(Candidate c) {
        return page.word(c.origin() == AwardIds.Origin.FILE ? "award.fileLine" : "award.typedLine")
                .replace("%d", String.valueOf(c.line()));
    }

    private TemplateInstance view(String programme, String ids, Map<String, String> errors) {
        return page.render(award, "nav.awardChecks")
                .data("programme", programme)
                .data("ids", ids)
                .data("errors", errors)
                .data("problem", null)
                .data("rows", List.of())
                .data("lines", List.of())
                .data("summary", null)
                .data("checkId", "")
                .data("checkedAt", "");
    }
}
