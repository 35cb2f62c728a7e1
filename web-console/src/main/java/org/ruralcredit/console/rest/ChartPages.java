package org.ruralcredit.console.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.Divisions;
import org.ruralcredit.console.service.PlatformApi;
import org.ruralcredit.console.view.ChartFigures;

/**
 * The administrator's charts (ECharts): grades per township, coverage per township, the
 * credit-household share of each village of a township against the 70% line, and the NPL ratio
 * per village. Each chart's figures are also shown as a table underneath.
 */
@Path("/console/charts")
@Produces(MediaType.TEXT_HTML)
public class ChartPages {

    private final PlatformApi api;
    private final ConsolePage page;
    private final ObjectMapper json;
    private final Template charts;

    private final Divisions divisions;

    public ChartPages(
            PlatformApi api,
            ConsolePage page,
            ObjectMapper json,
            @Location("console/charts.html") Template charts,
            Divisions divisions) {
        this.divisions = divisions;
        this.api = api;
        this.page = page;
        this.json = json;
        this.charts = charts;
    }

    @GET
    public TemplateInstance charts(@QueryParam("township") String township) throws JsonProcessingException {
        String county = divisions.county(page.user());
        ApiAnswer byTownship = api.rating(r -> r.gradeDistributions(county, "TOWNSHIP"));
        ApiAnswer coverage = api.registry(r -> r.coverage(county));
        Map<String, String> names = new HashMap<>();
        coverage.json()
                .path("parts")
                .forEach(p -> names.put(p.path("code").asText(), p.path("name").asText()));
        String chosen = township != null && township.matches("\\d{9}") ? township : firstWithRatings(byTownship);

        Map<String, Object> grades = gradeChart(byTownship, names);
        Map<String, Object> cover = coverageChart(coverage);
        Map<String, Object> share = chosen == null ? Map.of() : shareChart(chosen);
        Map<String, Object> npl = chosen == null ? Map.of() : nplChart(chosen);
        List<ApiAnswer> refused = new ArrayList<>();
        for (ApiAnswer a : List.of(byTownship, coverage)) {
            if (!a.ok()) {
                refused.add(a);
            }
        }
        return page.render(charts, "nav.charts")
                .data("problem", refused.isEmpty() ? null : refused.get(0))
                .data("township", chosen == null ? "" : chosen)
                .data("townships", names)
                .data("grades", grades)
                .data("gradesJson", safeJson(grades))
                .data("coverage", cover)
                .data("coverageJson", safeJson(cover))
                .data("share", share)
                .data("shareJson", safeJson(share))
                .data("npl", npl)
                .data("nplJson", safeJson(npl));
    }

    private static String firstWithRatings(ApiAnswer byTownship) {
        for (JsonNode d : byTownship.json()) {
            if (d.path("households").asLong() > 0) {
                return d.path("division").asText();
            }
        }
        return null;
    }

    private Map<String, Object> gradeChart(ApiAnswer answer, Map<String, String> names) {
        List<String> divisions = new ArrayList<>();
        Map<String, List<Long>> series = new LinkedHashMap<>();
        ChartFigures.GRADES.forEach(g -> series.put(g, new ArrayList<>()));
        for (JsonNode d : answer.json()) {
            divisions.add(names.getOrDefault(
                    d.path("division").asText(),
                    this.divisions.name(d.path("division").asText())));
            Map<String, Long> counts = counts(d.path("grades"));
            List<Long> inOrder = ChartFigures.countsInOrder(counts, ChartFigures.GRADES);
            for (int i = 0; i < ChartFigures.GRADES.size(); i++) {
                series.get(ChartFigures.GRADES.get(i)).add(inOrder.get(i));
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", divisions);
        chart.put("series", series);
        chart.put("labels", gradeLabels());
        return chart;
    }

    private Map<String, Object> coverageChart(ApiAnswer coverage) {
        List<String> townships = new ArrayList<>();
        List<Object> percent = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        coverage.json().path("parts").forEach(p -> {
            townships.add(p.path("name").asText());
            BigDecimal c = p.path("coverage").isNumber()
                    ? p.path("coverage").decimalValue().movePointRight(2)
                    : null;
            percent.add(c);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.path("name").asText());
            row.put("filed", p.path("filed").asLong());
            row.put(
                    "total",
                    p.path("totalHouseholds").isNumber()
                            ? p.path("totalHouseholds").asLong()
                            : "—");
            row.put("percent", c == null ? "—" : c.setScale(1, RoundingMode.HALF_UP) + "%");
            rows.add(row);
        });
        return Map.of("categories", townships, "values", percent, "rows", rows);
    }

    private Map<String, Object> shareChart(String township) {
        ApiAnswer grades = api.rating(r -> r.gradeDistributions(township, "VILLAGE"));
        ApiAnswer villages = api.rating(r -> r.villages(township));
        Map<String, JsonNode> village = new HashMap<>();
        villages.json().forEach(v -> village.put(v.path("code").asText(), v));
        List<String> names = new ArrayList<>();
        List<Object> shares = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode d : grades.json()) {
            JsonNode v = village.get(d.path("division").asText());
            Integer total = v == null || v.path("totalHouseholds").asInt() <= 0
                    ? null
                    : v.path("totalHouseholds").asInt();
            BigDecimal share = ChartFigures.creditShare(counts(d.path("grades")), total);
            String name = v == null || v.path("name").asText("").isBlank()
                    ? divisions.name(d.path("division").asText())
                    : v.path("name").asText();
            names.add(name);
            shares.add(share);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("rated", d.path("households").asLong());
            row.put("total", total == null ? "—" : total);
            row.put("share", share == null ? "—" : share + "%");
            row.put("passes", share != null && share.compareTo(BigDecimal.valueOf(70)) >= 0);
            rows.add(row);
        }
        return Map.of("categories", names, "values", shares, "line", 70, "rows", rows);
    }

    private Map<String, Object> nplChart(String township) {
        ApiAnswer portfolio = api.gateway(g -> g.loanPortfolio("village", township));
        List<String> villages = new ArrayList<>();
        List<Object> ratios = new ArrayList<>();
        portfolio.json().path("groups").forEach(g -> {
            villages.add(divisions.name(g.path("group").asText()));
            ratios.add(
                    g.path("nplRatio").isNumber()
                            ? g.path("nplRatio").decimalValue().movePointRight(2)
                            : null);
        });
        return Map.of("categories", villages, "values", ratios, "line", 5);
    }

    private Map<String, String> gradeLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        ChartFigures.GRADES.forEach(g -> labels.put(g, page.word("grade." + g)));
        return labels;
    }

    private static Map<String, Long> counts(JsonNode grades) {
        Map<String, Long> counts = new HashMap<>();
        grades.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    /** JSON for a script block: no "<" can close the block early. */
    private String safeJson(Object value) throws JsonProcessingException {
        return json.writeValueAsString(value).replace("<", "\\u003c");
    }
}
