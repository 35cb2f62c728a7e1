package org.ruralcredit.system.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.ruralcredit.system.ServiceProcess;
import org.ruralcredit.system.SharedStack;
import org.ruralcredit.system.SystemFixtures;
import org.ruralcredit.system.TestDatabase;
import org.ruralcredit.testing.DemoUsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's defences against forged posts, seen from outside the browser: a loan officer signs
 * in and opens the consent form in a real browser, and the form is then posted beside the browser
 * with the browser's cookies (a page of another site would have them sent too), once without its
 * CSRF token and once from another site's Origin. Both are refused with the console's own page in
 * Chinese and store nothing; the same post with the token from the console's own origin is
 * recorded, so the refusals are the token's and the Origin's doing, not a malformed post. Also the
 * security headers of a page and the page for an unknown address.
 *
 * <p>What was stored is counted in the gateway's database (consents recorded by the loan officer):
 * the gateway's API has no list of consents, only each consent by its id.
 */
@SharedStack.Uses
class ConsoleSecurityTest {

    private static final String CONSENT_COUNT = "SELECT count(*) FROM consent WHERE recorded_by = 'loan-officer'";

    private static ServiceProcess gateway;
    private static ServiceProcess console;
    private static Properties zh;
    /** HTTP/1.1, as a browser speaks to the console over plain HTTP (and the Ingress to its backend). */
    private static final HttpClient HTTP = client(HttpClient.Version.HTTP_1_1);
    /** HTTP/2 over plain HTTP (h2c, which the console's server accepts), as a proxy or load balancer may speak to it. */
    private static final HttpClient HTTP_2 = client(HttpClient.Version.HTTP_2);

    private static HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder()
                .version(version)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @BeforeAll
    static void startServices() throws Exception {
        zh = new Properties();
        Path texts = Path.of(System.getProperty("services.root", ".."))
                .resolve("web-console/src/main/resources/console/text_zh.properties");
        try (Reader reader = Files.newBufferedReader(texts, StandardCharsets.UTF_8)) {
            zh.load(reader);
        }
        SharedStack.start();
        gateway = SharedStack.service(SharedStack.GATEWAY);
        console = SharedStack.service(SharedStack.CONSOLE);
    }

    /** The consent form as the browser has it: where it posts, how, and its fields with their values. */
    private record Form(String action, String enctype, String token, Map<String, String> fields, String cookies) {}

    @Test
    void aConsentPostWithoutItsTokenOrFromAnotherSiteIsRefusedAndStoresNothing() throws Exception {
        Form form = consentForm();
        assertEquals("multipart/form-data", form.enctype(), "the consent form uploads the letter");
        assertNotNull(form.token(), "the form carries its CSRF token");
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("subjectId", SystemFixtures.residentId('F'));
        fields.put("purpose", "LOAN_APPLICATION");
        long before = TestDatabase.GATEWAY.count(CONSENT_COUNT);

        Map<String, String> withoutToken = new LinkedHashMap<>(fields);
        withoutToken.remove("csrf-token");
        HttpResponse<String> noToken = post(form, withoutToken, null);
        assertRefusedWithPage(noToken, List.of(400, 403), "a post without the form's token");

        Map<String, String> wrongToken = new LinkedHashMap<>(fields);
        wrongToken.put("csrf-token", form.token().substring(1) + (form.token().charAt(0) == 'A' ? 'B' : 'A'));
        HttpResponse<String> otherToken = post(form, wrongToken, null);
        assertRefusedWithPage(otherToken, List.of(400, 403), "a post whose token is not the cookie's");

        HttpResponse<String> otherSite = post(form, fields, "https://evil.example");
        assertRefusedWithPage(otherSite, List.of(403), "a post with the right token from another site's page");

        assertEquals(before, TestDatabase.GATEWAY.count(CONSENT_COUNT), "no refused post recorded a consent");

        HttpResponse<String> own = post(form, fields, console.baseUrl());
        assertEquals(
                303,
                own.statusCode(),
                "the same post with its token from the console's own page is recorded: " + own.body());
        String location = own.headers().firstValue("Location").orElseThrow();
        String id = location.replaceAll(".*/console/consents/([0-9a-f-]{36}).*", "$1");
        UUID.fromString(id);
        HttpResponse<String> stored = HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/consents/" + id))
                        .header("Authorization", DemoUsers.bearer(DemoUsers.LOAN_OFFICER))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stored.statusCode(), "the gateway has the consent: " + stored.body());
        assertTrue(stored.body().contains(id), "it is the consent just posted: " + stored.body());
        assertEquals(before + 1, TestDatabase.GATEWAY.count(CONSENT_COUNT), "exactly the accepted post was recorded");
    }

    /**
     * A post from the console's own page is the console's own whichever HTTP version carries it:
     * over HTTP/2 the site is named by the :authority pseudo-header, and there is no Host header.
     */
    @Test
    void aSameOriginPostOverHttp2IsAcceptedToo() throws Exception {
        Form form = consentForm();
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("subjectId", SystemFixtures.residentId('M'));
        // the first request of a connection asks to upgrade to HTTP/2 (h2c); the post then goes over HTTP/2
        HttpResponse<String> upgrade = HTTP_2.send(
                HttpRequest.newBuilder(URI.create(console.baseUrl() + "/console/consents/new"))
                        .header("Cookie", form.cookies())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(
                HttpClient.Version.HTTP_2, upgrade.version(), "the console's server speaks HTTP/2 over plain HTTP");
        HttpResponse<String> own = post(HTTP_2, form, fields, console.baseUrl());
        assertEquals(HttpClient.Version.HTTP_2, own.version());
        assertEquals(
                303,
                own.statusCode(),
                "a post with its token from the console's own origin over HTTP/2 is recorded, "
                        + "not refused as another site's: " + own.body());
    }

    @Test
    void pagesCarryTheSecurityHeadersAndAnUnknownPageIsAChinesePage() throws Exception {
        Form form = consentForm();
        HttpResponse<String> page = get(form.cookies(), "/console/consents/new");
        assertEquals(200, page.statusCode());
        assertSecurityHeaders(page);

        HttpResponse<String> unknown = get(form.cookies(), "/console/no-such-page");
        assertEquals(404, unknown.statusCode(), "an unknown page is not found");
        assertTrue(
                unknown.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                "as a page: " + unknown.headers().firstValue("Content-Type"));
        assertTrue(unknown.body().contains("id=\"error-heading\""), "the console's error page: " + unknown.body());
        assertTrue(unknown.body().contains(zh.getProperty("error.404.title")), "in Chinese: " + unknown.body());
        assertTrue(unknown.body().contains("lang=\"zh-CN\""), "marked as Chinese");
        assertSecurityHeaders(unknown);
    }

    private static Form consentForm() throws IOException {
        try (ConsoleBrowser browser = new ConsoleBrowser(console.baseUrl()).signIn(DemoUsers.LOAN_OFFICER)) {
            browser.open("/console/consents/new");
            browser.find("#consent-form");
            @SuppressWarnings("unchecked")
            Map<String, Object> read = (Map<String, Object>) browser.script("""
                    const f = document.getElementById('consent-form');
                    const fields = {};
                    for (const e of f.elements) {
                      if (e.name && e.type !== 'file') { fields[e.name] = e.value; }
                    }
                    return {action: f.getAttribute('action'), enctype: f.enctype, fields: fields,
                            token: fields['csrf-token'] || null};
                    """);
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) read.get("fields");
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach((k, v) -> values.put(k, String.valueOf(v)));
            assertNotNull(browser.cookie("csrf-token"), "the form's token is also in its cookie");
            return new Form(
                    (String) read.get("action"),
                    (String) read.get("enctype"),
                    (String) read.get("token"),
                    values,
                    browser.cookieHeader());
        }
    }

    /** The form posted as the browser would (multipart, the letter as a file), with the browser's cookies. */
    private static HttpResponse<String> post(Form form, Map<String, String> fields, String origin)
            throws IOException, InterruptedException {
        return post(HTTP, form, fields, origin);
    }

    private static HttpResponse<String> post(HttpClient client, Form form, Map<String, String> fields, String origin)
            throws IOException, InterruptedException {
        String boundary = "----console-security-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"letter\"; filename=\"letter.pdf\"\r\n"
                                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 授权书\r\n--" + boundary + "--\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console.baseUrl() + form.action()))
                .header("Cookie", form.cookies())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (origin != null) {
            request.header("Origin", origin);
        }
        HttpResponse<String> answer =
                client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        System.out.println(
                "[console-security] POST " + form.action() + " fields " + fields.keySet() + " Origin " + origin
                        + ": " + answer.statusCode() + " "
                        + answer.headers().firstValue("Content-Type").orElse("")
                        + " " + answer.headers().firstValue("Location").orElse("") + " " + answer.version());
        return answer;
    }

    private static HttpResponse<String> get(String cookies, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(console.baseUrl() + path))
                        .header("Cookie", cookies)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertRefusedWithPage(HttpResponse<String> answer, List<Integer> statuses, String what) {
        String body = answer.body();
        assertTrue(
                statuses.contains(answer.statusCode()),
                what + " is refused with " + statuses + ", not " + answer.statusCode() + ": " + body);
        String type = answer.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/html"), what + ": the refusal is a page, not " + type + ": " + body);
        assertFalse(body.strip().startsWith("{"), what + ": not JSON: " + body);
        assertTrue(body.contains("id=\"error-heading\""), what + ": the console's error page: " + body);
        String heading = zh.getProperty("error." + answer.statusCode() + ".title");
        assertTrue(body.contains(heading), what + ": the heading in Chinese (" + heading + "): " + body);
    }

    private static void assertSecurityHeaders(HttpResponse<String> answer) {
        String path = answer.uri().getPath();
        String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'"), path + ": no page may be framed: " + csp);
        String scripts = Arrays.stream(csp.split(";"))
                .map(String::strip)
                .filter(d -> d.startsWith("script-src"))
                .findFirst()
                .orElseGet(() -> Arrays.stream(csp.split(";"))
                        .map(String::strip)
                        .filter(d -> d.startsWith("default-src"))
                        .findFirst()
                        .orElse(""));
        assertFalse(scripts.isEmpty(), path + ": scripts are restricted: " + csp);
        assertFalse(scripts.contains("'unsafe-inline'"), path + ": no inline script: " + scripts);
        assertEquals(
                "nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), path);
        assertFalse(answer.headers().firstValue("Referrer-Policy").orElse("").isBlank(), path + ": a Referrer-Policy");
    }
}
