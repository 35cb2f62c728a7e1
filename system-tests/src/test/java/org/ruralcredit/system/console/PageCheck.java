package org.ruralcredit.system.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a console page must not show a person, read from the page as the browser has it: one
 * script collects the facts (status of the page's answer, visible text, widths, forms, links, the
 * errors the page raised), and the rules below turn them into findings.
 *
 * <p>Visible text is {@code document.body.innerText} (what is rendered, not what is hidden) with
 * {@code <code>}, {@code <kbd>}, {@code <samp>}, anything marked {@code data-raw} and the language
 * switch ({@code #language}, which names the other language on purpose) taken out, plus the
 * placeholders and button captions a person reads. Input values are not part of it.
 *
 * <ul>
 * <li><b>Raw enum token</b>: an upper-case word with an underscore ({@code LOAN_APPLICATION}), or
 * a status value of the platform's APIs as a whole word: every all-caps value of an {@code enum}
 * of the checked-in OpenAPI documents ({@code api/*.json}), and the status values the documents
 * leave as plain strings ({@link #UNDOCUMENTED_STATUSES}). The credit grades (AAA, AA, A) and
 * one-letter values are left out: grades are shown as letters on purpose.</li>
 * <li><b>ISO date-time</b>: {@code 2026-12-06T16:39:42Z} and the like, with or without seconds,
 * fractions and offset; a person reads local dates and times, not the wire format.</li>
 * <li><b>English sentence</b> (Chinese pages only): a heuristic, three or more English words in a
 * row, each of letters only and at least two long (an ending like 's allowed), separated by spaces,
 * a comma, colon or semicolon before the space allowed (not by tabs or line breaks, so that table
 * cells or list items of codes do not join into a sentence). E-mail addresses and URLs are removed
 * first. A Chinese page that shows a run like "Record not found" shows the API's or the
 * template's English to a person who may not read it; a single English word or two between
 * Chinese (a code, an abbreviation, "CSV") is not flagged.</li>
 * <li><b>Squeezed text</b>: a link, button, heading, label or table cell of at least two
 * characters laid out narrower than two characters and taller than two lines (a column one
 * character wide, as when the side navigation is squeezed beside the page on a phone); and, on a
 * viewport of 800 px or less, a {@code main} given less than two thirds of the width.</li>
 * </ul>
 */
final class PageCheck {

    /** Status values the services answer with in fields that the OpenAPI documents type as plain strings. */
    static final Set<String> UNDOCUMENTED_STATUSES = Set.of(
            "ACTIVE",
            "REVOKED",
            "GRANTED",
            "WITHDRAWN",
            "REFUSED",
            "OPEN",
            "CLOSED",
            "USED",
            "EXPIRED",
            "SETTLED",
            "REPORTED",
            "RECORDED",
            "ANSWERED",
            "CANCELLED",
            "FINANCED",
            "PROVISIONAL",
            "FINAL",
            "FINALIZED",
            "FINALIZING",
            "POSTED",
            "PENDING",
            "APPROVED",
            "DRAFT",
            "EFFECTIVE",
            "RETIRED",
            "SUSPENDED",
            "RERATED",
            "CORRECTED",
            "NORMAL",
            "SUBSTANDARD",
            "DOUBTFUL",
            "LOSS",
            "UNDECIDED",
            "UNCHANGED",
            "CREATED",
            "UPDATED",
            "AVAILABLE",
            "UNAVAILABLE",
            "PASS",
            "FAIL",
            "UNKNOWN",
            "VILLAGE",
            "TOWNSHIP",
            "COUNTY",
            "CITY",
            "PROVINCE");

    private static final Set<String> GRADES = Set.of("AAA", "AA", "A");

    private static final Pattern UNDERSCORED =
            Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*_[A-Z0-9_]+(?![A-Za-z0-9_])");
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "(?<![0-9])\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final String WORD = "[A-Za-z]{2,}(?:'[a-z]+)?";
    private static final Pattern ENGLISH_RUN =
            Pattern.compile("(?<![A-Za-z'])" + WORD + "(?:[,:;]?[ \\u00A0]+" + WORD + "){2,}(?![A-Za-z])");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+");

    /** The facts of the page, gathered in the page; {@code arguments[0]}: the viewport's width as emulated. */
    static final String PROBE = """
            const width = arguments[0];
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).slice(0, 2).join('.') : '');
            const nav = performance.getEntriesByType('navigation')[0];
            const hidden = [];
            document.querySelectorAll('code, kbd, samp, [data-raw], #language').forEach(e => {
              hidden.push([e, e.getAttribute('style')]);
              e.style.setProperty('display', 'none', 'important');
            });
            const text = document.body ? document.body.innerText : '';
            const shown = e => e.getClientRects().length > 0 && !e.closest('[data-raw]');
            const captions = [...document.querySelectorAll('input[placeholder], textarea[placeholder]')].filter(shown)
                .map(e => e.getAttribute('placeholder'))
                .concat([...document.querySelectorAll('input[type=submit], input[type=button]')].filter(shown).map(e => e.value));
            hidden.forEach(([e, style]) => style === null ? e.removeAttribute('style') : e.setAttribute('style', style));
            const vw = Math.min(window.innerWidth, width);
            const overflowing = [];
            if (document.documentElement.scrollWidth > vw + 1 && document.body) {
              const rect = new Map([...document.body.querySelectorAll('*')].map(e => [e, e.getBoundingClientRect()]));
              const over = [...rect.keys()].filter(e => rect.get(e).width > 0 && rect.get(e).right > vw + 1);
              const overSet = new Set(over);
              const wide = new Set(over.filter(e => rect.get(e).width > vw + 1));
              const at = e => describe(e) + ' (' + Math.round(rect.get(e).width) + 'px wide, to ' + Math.round(rect.get(e).right) + 'px)';
              over.filter(e => !overSet.has(e.parentElement)).slice(0, 2).forEach(e => overflowing.push(at(e)));
              // what is wide by its own content (a table's columns, a picture, a long unbroken word), not by its container's width
              [...wide].filter(e => overSet.has(e.parentElement) && (/^(table|pre|img|canvas|svg|video|iframe|input|select|textarea)$/i
                      .test(e.tagName) || e.scrollWidth > e.clientWidth + 1)).slice(0, 3)
                  .forEach(e => overflowing.push('inside: ' + at(e)));
            }
            const squeezed = [...document.querySelectorAll('a, button, h1, h2, h3, th, td, label, dt, dd')].filter(e => {
                const text = e.innerText ? e.innerText.trim() : '';
                if (text.length < 2) return false;
                const r = e.getBoundingClientRect();
                const size = parseFloat(getComputedStyle(e).fontSize) || 16;
                return r.width > 0 && r.width < 2 * size && r.height > 2.5 * size;
              }).map(e => describe(e) + ' "' + e.innerText.trim().replace(/[\\n\\r]+/g, '').slice(0, 20) + '" ' + Math.round(e.getBoundingClientRect().width) + 'px wide');
            const tokenless = [...document.forms].filter(f => (f.getAttribute('method') || '').toLowerCase() === 'post')
                .filter(f => { const t = f.querySelector('input[name="csrf-token"]'); return !t || !t.value; })
                .map(f => describe(f) + ' action=' + f.getAttribute('action'));
            const hrefs = css => [...document.querySelectorAll(css)].map(a => a.href);
            const crawl = window.__crawl || {csp: [], errors: []};
            const problems = [...document.querySelectorAll('#problem, .problem')].filter(e => e.getClientRects().length > 0)
                .map(e => e.innerText);
            return {
              status: nav && nav.responseStatus ? nav.responseStatus : -1,
              url: location.href,
              title: document.title,
              lang: document.documentElement.getAttribute('lang'),
              viewportMeta: !!document.querySelector('meta[name=viewport]'),
              innerWidth: window.innerWidth,
              scrollWidth: document.documentElement.scrollWidth,
              overflowing: overflowing,
              text: text,
              captions: captions,
              tokenless: tokenless,
              side: hrefs('nav.side a[href]'),
              header: [...document.querySelectorAll('header a[href]')].filter(a => a.id !== 'language').map(a => a.href),
              main: hrefs('main a[href]'),
              problems: problems,
              squeezed: squeezed,
              mainWidth: document.querySelector('main') ? Math.round(document.querySelector('main').getBoundingClientRect().width) : -1,
              csp: crawl.csp,
              errors: crawl.errors
            };
            """;

    /** Installed before each page's own scripts: what the page itself cannot report. */
    static final String LISTENERS = """
            window.__crawl = {csp: [], errors: []};
            document.addEventListener('securitypolicyviolation', e => window.__crawl.csp.push(
                e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : '')));
            window.addEventListener('error', e => {
              const t = e.target;
              if (t && t !== window && (t.src || t.href)) {
                window.__crawl.errors.push('failed to load ' + (t.src || t.href));
              } else {
                window.__crawl.errors.push('script error: ' + e.message + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : ''));
              }
            }, true);
            """;

    private final Pattern statusWords;

    private PageCheck(Set<String> statusWords) {
        this.statusWords = Pattern.compile(
                "(?<![A-Za-z0-9_])(?:" + String.join("|", new TreeSet<>(statusWords)) + ")(?![A-Za-z0-9_])");
    }

    /** The status words of the OpenAPI documents in {@code apiFolder} (every enum's all-caps values) and the undocumented ones. */
    static PageCheck fromApiDocuments(Path apiFolder) {
        ObjectMapper json = new ObjectMapper();
        Set<String> words = new TreeSet<>(UNDOCUMENTED_STATUSES);
        try (Stream<Path> files = Files.list(apiFolder)) {
            List<Path> documents = files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().startsWith("package"))
                    .sorted()
                    .toList();
            if (documents.isEmpty()) {
                throw new IllegalStateException("no OpenAPI documents in " + apiFolder.toAbsolutePath());
            }
            for (Path document : documents) {
                collectEnums(json.readTree(document.toFile()), words);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        words.removeIf(w -> w.length() < 2 || GRADES.contains(w));
        return new PageCheck(words);
    }

    private static void collectEnums(JsonNode node, Set<String> words) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("enum") && field.getValue().isArray()) {
                    field.getValue().forEach(v -> {
                        if (v.isTextual() && v.asText().matches("[A-Z][A-Z0-9_]*")) {
                            words.add(v.asText());
                        }
                    });
                } else {
                    collectEnums(field.getValue(), words);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectEnums(n, words));
        }
    }

    /**
     * One thing wrong on a page: its kind, what shows it (the offending text, a number) and, for
     * text, a little of the line around it so a reader finds it on the page (or null).
     */
    record Finding(String kind, String sample, String context) {

        Finding(String kind, String sample) {
            this(kind, sample, null);
        }

        @Override
        public String toString() {
            return context == null ? sample : sample + " «" + context + "»";
        }
    }

    /** The findings of the probe's facts; {@code chinese}: the page should be in Chinese. */
    List<Finding> findings(Map<String, Object> page, String base, int width, boolean chinese) {
        List<Finding> found = new ArrayList<>();
        int status = ((Number) page.get("status")).intValue();
        if (status >= 400) {
            found.add(new Finding("HTTP status", String.valueOf(status)));
        }
        String url = (String) page.get("url");
        if (!url.startsWith(base + "/console")) {
            found.add(new Finding("left the console", url));
        }
        String text = (String) page.get("text");
        String captions = String.join("\n", strings(page.get("captions")));
        String title = (String) page.get("title");
        for (String[] source :
                new String[][] {{"", text}, {" (placeholder or button)", captions}, {" (title)", title}}) {
            String visible = source[1] == null ? "" : source[1];
            List<Finding> tokens = new ArrayList<>(matches("raw enum token" + source[0], UNDERSCORED, visible, true));
            for (Finding word : matches("raw enum token" + source[0], statusWords, visible, true)) {
                if (tokens.stream().noneMatch(t -> t.sample().equals(word.sample()))) {
                    tokens.add(word);
                }
            }
            found.addAll(tokens);
            found.addAll(matches("ISO date-time" + source[0], ISO_DATE_TIME, visible, true));
            if (chinese) {
                String words =
                        URL.matcher(EMAIL.matcher(visible).replaceAll(" ")).replaceAll(" ");
                found.addAll(matches("English sentence" + source[0], ENGLISH_RUN, words, false));
            }
        }
        int innerWidth = ((Number) page.get("innerWidth")).intValue();
        int scrollWidth = ((Number) page.get("scrollWidth")).intValue();
        if (scrollWidth > Math.min(innerWidth, width) + 1) {
            found.add(new Finding(
                    "wider than the viewport",
                    "scrollWidth " + scrollWidth + " > " + Math.min(innerWidth, width)
                            + (strings(page.get("overflowing")).isEmpty()
                                    ? ""
                                    : "; sticking out: " + String.join(", ", strings(page.get("overflowing"))))));
        }
        if (innerWidth != width) {
            found.add(new Finding(
                    "viewport not as emulated", "innerWidth " + innerWidth + " for a " + width + " px device"));
        }
        if (!Boolean.TRUE.equals(page.get("viewportMeta"))) {
            found.add(new Finding("no viewport meta", "a phone shows the page zoomed out"));
        }
        int mainWidth = page.get("mainWidth") == null ? -1 : ((Number) page.get("mainWidth")).intValue();
        if (width <= 800 && mainWidth >= 0 && mainWidth < width * 2 / 3) {
            found.add(new Finding("content squeezed", "main is " + mainWidth + " px of a " + width + " px viewport"));
        }
        for (String squeezed : strings(page.get("squeezed"))) {
            found.add(new Finding("squeezed text", squeezed));
        }
        for (String problem : strings(page.get("problems"))) {
            found.add(new Finding(
                    "refusal or failure shown", problem.replaceAll("\\s+", " ").strip()));
        }
        for (String form : strings(page.get("tokenless"))) {
            found.add(new Finding("POST form without csrf-token", form));
        }
        if (chinese && !"zh-CN".equals(page.get("lang"))) {
            found.add(new Finding("html lang not zh-CN", "lang=\"" + page.get("lang") + "\""));
        }
        for (String violation : strings(page.get("csp"))) {
            found.add(new Finding("CSP violation", violation));
        }
        for (String error : strings(page.get("errors"))) {
            found.add(new Finding("page error", error));
        }
        return found;
    }

    /** Each distinct match once, with a little of its line when {@code context}. */
    private static List<Finding> matches(String kind, Pattern pattern, String text, boolean context) {
        List<Finding> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (seen.add(m.group())) {
                found.add(new Finding(
                        kind,
                        context ? m.group() : "\"" + m.group() + "\"",
                        context ? lineAround(text, m.start(), m.end()) : null));
            }
        }
        return found;
    }

    private static String lineAround(String text, int start, int end) {
        int from = Math.max(text.lastIndexOf('\n', start) + 1, start - 40);
        int to = text.indexOf('\n', end);
        to = Math.min(to < 0 ? text.length() : to, end + 40);
        return text.substring(from, to).replace('\t', ' ').strip();
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object list) {
        return list == null
                ? List.of()
                : ((List<Object>) list).stream().map(String::valueOf).collect(Collectors.toList());
    }
}
