package org.ruralcredit.console.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;

import org.ruralcredit.console.service.ApiAnswer;
import org.ruralcredit.console.service.Cells;
import org.ruralcredit.console.service.ConsolePage;
import org.ruralcredit.console.service.Divisions;
import org.ruralcredit.console.service.PlatformApi;
import org.ruralcredit.console.view.Formats;

/**
 * The gateway's household report (JSON) as a page a loan officer reads and prints: the query's
 * facts, then one section each for identity (masked), the file's facts, the rating and its
 * reasons, the moral standing, loans, objections and statements, and the queries, each saying
 * when its source did not answer. Codes are shown by their labels, deeds and standards by the moral
 * bank's catalogue names, divisions by the registry's names.
 */
@RequestScoped
public class ReportView {

    /** One line of a section: its label and the value as shown. */
    @TemplateData
    public record Fact(String label, String value) {}

    @TemplateData
    public record Group(String title, List<Fact> facts) {}

    @TemplateData
    public record Section(
            String key,
            String title,
            boolean available,
            String status,
            List<Fact> facts,
            List<Group> groups,
            List<String> columns,
            List<List<String>> rows,
            String note) {}

    private final ConsolePage page;
    private final PlatformApi api;
    private final Divisions divisions;
    private final Template report;

    public ReportView(
            ConsolePage page, PlatformApi api, Divisions divisions, @Location("console/report.html") Template report) {
        this.page = page;
        this.api = api;
        this.divisions = divisions;
        this.report = report;
    }

    public TemplateInstance page(JsonNode r) {
        List<Fact> head = new ArrayList<>();
        head.add(new Fact(page.word("consent.id"), r.path("consentId").asText()));
        head.add(new Fact(page.word("consent.purpose"), label(r.path("purpose").asText())));
        head.add(new Fact(page.word("report.institution"), r.path("institution").asText()));
        head.add(new Fact(
                page.word("report.generatedAt"),
                Formats.instant(r.path("generatedAt").asText())));
        head.add(new Fact(page.word("report.registerSeq"), r.path("registerSeq").asText()));
        head.add(new Fact(page.word("report.subject"), r.path("subject").asText()));
        List<String> missing = new ArrayList<>();
        r.path("missing").forEach(m -> missing.add(page.word("section." + m.asText())));
        List<Section> sections = List.of(
                identity(r.path("identity")),
                household(r.path("household")),
                rating(r.path("rating")),
                morality(r.path("morality")),
                loans(r.path("loans")),
                objections(r.path("objections")),
                queries(r.path("queries")),
                offer(r.path("offer")));
        return page.render(report, "report.title")
                .data("head", head)
                .data("complete", r.path("complete").asBoolean(true))
                .data("missing", String.join("、", missing))
                .data("sections", sections)
                .data("problem", null);
    }

    private Section identity(JsonNode s) {
        JsonNode d = s.path("data");
        List<Fact> facts = new ArrayList<>();
        if (available(s)) {
            facts.add(new Fact(page.word("hh.head"), d.path("headName").asText()));
            facts.add(new Fact(
                    page.word("hh.residentId"), d.path("headResidentId").asText()));
            facts.add(new Fact(
                    page.word("charts.township"),
                    divisions.name(d.path("townshipCode").asText())));
            facts.add(new Fact(
                    page.word("charts.village"),
                    divisions.name(d.path("villageCode").asText())));
        }
        return section("identity", s, facts, List.of(), List.of(), List.of());
    }

    private Section household(JsonNode s) {
        JsonNode d = s.path("data");
        List<Fact> facts = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        if (available(s)) {
            facts.add(new Fact(
                    page.word("hh.status"),
                    page.word("status." + d.path("status").asText())));
            facts.add(new Fact(page.word("hh.memberCount"), d.path("members").asText()));
            facts.add(new Fact(
                    page.word("hh.yearsResident"), d.path("yearsResident").asText()));
            facts.add(new Fact(
                    page.word("report.fileVersion"),
                    d.path("fileVersion").asText() + " · "
                            + Formats.instant(d.path("fileUpdatedAt").asText())));
            JsonNode f = d.path("facts");
            for (String group : List.of("production", "land", "assets", "income", "liabilities", "social")) {
                if (f.path(group).isObject()) {
                    groups.add(new Group(
                            page.word("hh." + group),
                            facts(
                                    f.path(group),
                                    !List.of("production", "land", "social").contains(group))));
                }
            }
            if (f.path("publicOrder").isArray() && !f.path("publicOrder").isEmpty()) {
                List<Fact> order = new ArrayList<>();
                f.path("publicOrder")
                        .forEach(p -> order.add(new Fact(
                                p.path("date").asText() + " "
                                        + label(p.path("kind").asText()),
                                p.path("description").asText("")
                                        + (p.path("source").isMissingNode()
                                                ? ""
                                                : "（" + p.path("source").asText() + "）"))));
                groups.add(new Group(page.word("report.publicOrder"), order));
            }
            if (d.path("publicOrderExcluded").asInt() > 0) {
                facts.add(new Fact(
                        page.word("report.publicOrderExcluded"),
                        d.path("publicOrderExcluded").asText()));
            }
        }
        return section("household", s, facts, groups, List.of(), List.of());
    }

    private List<Fact> facts(JsonNode group, boolean money) {
        List<Fact> facts = new ArrayList<>();
        group.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode v = e.getValue();
            String value;
            if (money && v.isNumber()) {
                value = Formats.money(v.decimalValue(), page.language());
            } else {
                value = Cells.cell(group, key, page::word);
            }
            facts.add(new Fact(fieldLabel(key), value));
        });
        return facts;
    }

    private String fieldLabel(String key) {
        for (String k : List.of("hh." + key, "report.fact." + key, "field." + key)) {
            String w = page.word(k);
            if (!w.equals(k)) {
                return w;
            }
        }
        return key;
    }

    private Section rating(JsonNode s) {
        JsonNode c = s.path("data").path("current");
        List<Fact> facts = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        if (available(s) && c.isObject()) {
            facts.add(new Fact(page.word("rating.grade"), label(c.path("grade").asText())));
            facts.add(new Fact(page.word("rating.score"), c.path("score").asText()));
            facts.add(new Fact(page.word("report.creditHousehold"), yesNo(c.path("creditHousehold"))));
            facts.add(new Fact(page.word("hh.status"), label(c.path("status").asText())));
            facts.add(new Fact(
                    page.word("report.ratedAt"),
                    Formats.instant(c.path("ratedAt").asText())));
            facts.add(new Fact(
                    page.word("report.validUntil"), c.path("validUntil").asText("—")));
            facts.add(new Fact(page.word("report.model"), c.path("model").asText()));
            List<String> vetoes = new ArrayList<>();
            c.path("vetoes").forEach(v -> vetoes.add(label(v.asText())));
            if (!vetoes.isEmpty()) {
                facts.add(new Fact(page.word("report.vetoes"), String.join("、", vetoes)));
            }
            List<Fact> reasons = new ArrayList<>();
            c.path("reasons")
                    .forEach(x -> reasons.add(new Fact(
                            "en".equals(page.language())
                                    ? x.path("nameEn").asText()
                                    : x.path("nameZh").asText(),
                            page.word("report.pointsLost")
                                    .replace("%d", x.path("pointsLost").asText()))));
            groups.add(new Group(page.word("report.reasons"), reasons));
            s.path("data")
                    .path("history")
                    .forEach(h -> rows.add(List.of(
                            Formats.instant(h.path("ratedAt").asText()),
                            label(h.path("grade").asText()),
                            h.path("score").asText(),
                            label(h.path("status").asText()),
                            h.path("validUntil").asText("—"))));
        }
        return new Section(
                "rating",
                page.word("section.rating"),
                available(s),
                status(s),
                facts,
                groups,
                rows.isEmpty()
                        ? List.of()
                        : List.of(
                                page.word("report.ratedAt"),
                                page.word("rating.grade"),
                                page.word("rating.score"),
                                page.word("hh.status"),
                                page.word("report.validUntil")),
                rows,
                null);
    }

    private Section morality(JsonNode s) {
        JsonNode d = s.path("data");
        List<Fact> facts = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        if (available(s)) {
            Map<String, String> names = catalogueNames();
            JsonNode st = d.path("standing");
            facts.add(new Fact(page.word("report.year"), st.path("year").asText()));
            facts.add(new Fact(
                    page.word("report.totalPoints"), st.path("totalPoints").asText()));
            facts.add(new Fact(page.word("report.vetoed"), yesNo(st.path("vetoed"))));
            List<String> vetoes = new ArrayList<>();
            st.path("vetoCodes").forEach(v -> vetoes.add(names.getOrDefault(v.asText(), label(v.asText()))));
            if (!vetoes.isEmpty()) {
                facts.add(new Fact(page.word("report.vetoes"), String.join("、", vetoes)));
            }
            facts.add(new Fact(page.word("report.eligible"), yesNo(st.path("eligible"))));
            facts.add(new Fact(page.word("report.greenCard"), yesNo(st.path("greenCard"))));
            if (st.path("moralCreditLine").isNumber()) {
                facts.add(new Fact(
                        page.word("report.moralCreditLine"),
                        Formats.money(st.path("moralCreditLine").decimalValue(), page.language())));
            }
            if (d.path("panelScore").isNumber()) {
                facts.add(new Fact(
                        page.word("report.panelScore"),
                        d.path("panelScore").asText() + "（" + page.word("panel.raters") + " "
                                + d.path("panelRaterCount").asText() + "）"));
            }
            List<Fact> standards = new ArrayList<>();
            st.path("standards")
                    .forEach(x -> standards.add(new Fact(
                            names.getOrDefault(
                                    x.path("code").asText(), x.path("code").asText()),
                            x.path("points").asText() + " / " + x.path("cap").asText())));
            groups.add(new Group(page.word("report.standards"), standards));
            d.path("recentEntries")
                    .forEach(e -> rows.add(List.of(
                            e.path("deedDate").asText(),
                            names.getOrDefault(
                                    e.path("ruleCode").asText(),
                                    names.getOrDefault(
                                            e.path("vetoCode").asText(),
                                            label(e.path("kind").asText()))),
                            names.getOrDefault(e.path("standardCode").asText(), ""),
                            label(e.path("kind").asText()),
                            e.path("points").asText(),
                            e.path("description").asText("")
                                    + (e.path("reversed").asBoolean()
                                            ? "（" + page.word("report.reversed") + "）"
                                            : ""))));
        }
        return new Section(
                "morality",
                page.word("section.morality"),
                available(s),
                status(s),
                facts,
                groups,
                rows.isEmpty()
                        ? List.of()
                        : List.of(
                                page.word("deed.date"),
                                page.word("deed.rule"),
                                page.word("report.standard"),
                                page.word("objection.kind"),
                                page.word("deed.points"),
                                page.word("deed.description")),
                rows,
                null);
    }

    /** Rule, standard and veto codes of the moral bank's catalogue by their names in the page's language. */
    private Map<String, String> catalogueNames() {
        Map<String, String> names = new HashMap<>();
        ApiAnswer catalogue = api.morality(m -> m.catalogue());
        if (catalogue.ok()) {
            String field = "en".equals(page.language()) ? "nameEn" : "nameZh";
            for (String list : List.of("rules", "standards", "vetoes")) {
                catalogue
                        .json()
                        .path(list)
                        .forEach(x -> names.put(
                                x.path("code").asText(),
                                x.path(field).asText(x.path("code").asText())));
            }
        }
        return names;
    }

    private Section loans(JsonNode s) {
        List<List<String>> rows = new ArrayList<>();
        String note = null;
        if (available(s)) {
            s.path("data")
                    .path("loans")
                    .forEach(l -> rows.add(List.of(
                            l.path("institution").asText(),
                            money(l.path("amount")),
                            l.path("startDate").asText() + " – "
                                    + l.path("maturityDate").asText(""),
                            money(l.path("outstanding")),
                            l.path("overdueDays").asText("0") + " / "
                                    + l.path("maxOverdueDays").asText("0"),
                            label(l.path("classification").asText()),
                            l.path("settled").asBoolean()
                                    ? page.word("label.SETTLED") + " "
                                            + l.path("settledOn").asText("")
                                    : page.word("value.no"))));
            if (s.path("data").path("adverseRecordsExcluded").asInt() > 0) {
                note = page.word("report.adverseExcluded") + " "
                        + s.path("data").path("adverseRecordsExcluded").asText();
            }
        }
        return new Section(
                "loans",
                page.word("section.loans"),
                available(s),
                status(s),
                List.of(),
                List.of(),
                List.of(
                        page.word("report.lender"),
                        page.word("lend.amount"),
                        page.word("report.term"),
                        page.word("lend.outstanding"),
                        page.word("report.overdue"),
                        page.word("report.classification"),
                        page.word("report.settled")),
                rows,
                note);
    }

    private Section objections(JsonNode s) {
        List<List<String>> rows = new ArrayList<>();
        if (available(s)) {
            s.path("data")
                    .forEach(o -> rows.add(List.of(
                            Formats.instant(o.path("raisedAt").asText()),
                            page.word("objection." + o.path("kind").asText()),
                            page.word("section." + o.path("section").asText()),
                            o.path("text").asText(""),
                            label(o.path("status").asText()),
                            o.path("outcome").isTextual()
                                    ? label(o.path("outcome").asText())
                                    : "",
                            o.path("answerDueOn").asText("")
                                    + (o.path("overdue").asBoolean()
                                            ? "（" + page.word("report.overdueAnswer") + "）"
                                            : ""))));
        }
        return new Section(
                "objections",
                page.word("report.objections"),
                available(s),
                status(s),
                List.of(),
                List.of(),
                List.of(
                        page.word("table.time"),
                        page.word("objection.kind"),
                        page.word("objection.section"),
                        page.word("objection.text"),
                        page.word("hh.status"),
                        page.word("report.outcome"),
                        page.word("objection.due")),
                rows,
                null);
    }

    private Section queries(JsonNode s) {
        List<List<String>> rows = new ArrayList<>();
        if (available(s)) {
            s.path("data")
                    .forEach(q -> rows.add(List.of(
                            Formats.instant(q.path("at").asText()),
                            q.path("institution").asText(),
                            label(q.path("purpose").asText()))));
        }
        return new Section(
                "queries",
                page.word("section.queries"),
                available(s),
                status(s),
                List.of(),
                List.of(),
                List.of(page.word("table.time"), page.word("report.institution"), page.word("consent.purpose")),
                rows,
                null);
    }

    private Section offer(JsonNode s) {
        List<List<String>> rows = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        if (available(s)) {
            List<JsonNode> offers = new ArrayList<>();
            collectOffers(s.path("data"), offers);
            for (JsonNode o : offers) {
                rows.add(List.of(
                        o.path("policyId").asText("")
                                + (o.has("policyVersion")
                                        ? " v" + o.path("policyVersion").asText()
                                        : ""),
                        label(o.path("grade").asText("")),
                        money(o.path("creditLine")),
                        o.path("annualRate").isNumber()
                                ? Formats.fractionAsPercent(o.path("annualRate").decimalValue())
                                : "—"));
                List<Fact> steps = new ArrayList<>();
                o.path("steps")
                        .forEach(x -> steps.add(new Fact(
                                "en".equals(page.language())
                                        ? x.path("englishLabel").asText()
                                        : x.path("chineseLabel").asText(),
                                x.path("arithmetic").asText("") + " = "
                                        + x.path("result").asText())));
                if (!steps.isEmpty()) {
                    groups.add(new Group(
                            page.word("report.offerSteps") + " "
                                    + o.path("policyId").asText(""),
                            steps));
                }
            }
        }
        return new Section(
                "offer",
                page.word("report.offer"),
                available(s),
                status(s),
                List.of(),
                groups,
                List.of(
                        page.word("report.policy"),
                        page.word("rating.grade"),
                        page.word("lend.creditLine"),
                        page.word("lend.rate")),
                rows,
                null);
    }

    private static void collectOffers(JsonNode node, List<JsonNode> offers) {
        if (node.isObject() && node.has("creditLine")) {
            offers.add(node);
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectOffers(child, offers));
        }
    }

    private Section section(
            String key,
            JsonNode s,
            List<Fact> facts,
            List<Group> groups,
            List<String> columns,
            List<List<String>> rows) {
        return new Section(
                key, page.word("section." + key), available(s), status(s), facts, groups, columns, rows, null);
    }

    private static boolean available(JsonNode s) {
        return s.path("available").asBoolean(false);
    }

    /** Why a section is empty, in the page's words (the source's own detail may be English prose). */
    private String status(JsonNode s) {
        if (available(s)) {
            return "";
        }
        String status = s.path("status").asText("UNAVAILABLE");
        String word = page.word("report.section." + status);
        return word.equals("report.section." + status) ? label(status) : word;
    }

    private String label(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String l = page.word("label." + code);
        return l.equals("label." + code) ? code : l;
    }

    private String yesNo(JsonNode v) {
        return v.isBoolean() ? page.word(v.asBoolean() ? "value.yes" : "value.no") : "—";
    }

    private String money(JsonNode v) {
        return v.isNumber() ? Formats.money(v.decimalValue(), page.language()) : "—";
    }

    static Map<String, Object> none() {
        return new LinkedHashMap<>();
    }
}
