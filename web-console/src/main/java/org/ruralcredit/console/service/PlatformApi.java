package org.ruralcredit.console.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.ruralcredit.console.config.ConsoleConfig;
import org.ruralcredit.console.service.ApiAnswer.FieldProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The console's way to the platform: each page calls the public APIs with the signed-in user's
 * own access token, so the realm's permissions, division scope and query rules decide exactly as
 * they do for any other client. Every call asks for the page's language (Accept-Language), so a
 * refusal comes back as its problem written by the service in that language, shown as answered;
 * an API that does not answer becomes a 503-like answer, never an exception page.
 */
@ApplicationScoped
public class PlatformApi {

    private static final Logger LOG = Logger.getLogger(PlatformApi.class);

    private final Client client;
    private final Map<Api, String> bases = new EnumMap<>(Api.class);
    private final SecurityIdentity identity;
    private final ConsoleLocale locale;
    private final ConsoleText words;
    private final ObjectMapper json;

    public PlatformApi(ConsoleConfig console, SecurityIdentity identity, ConsoleLocale locale,
                       ConsoleText words, ObjectMapper json) {
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(console.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        bases.put(Api.GATEWAY, console.gatewayUrl().toString());
        bases.put(Api.REGISTRY, console.registryUrl().toString());
        bases.put(Api.RATING, console.ratingUrl().toString());
        bases.put(Api.MORALITY, console.moralityUrl().toString());
        bases.put(Api.SME, console.smeUrl().toString());
        this.identity = identity;
        this.locale = locale;
        this.words = words;
        this.json = json;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public ApiAnswer get(Api api, String path, Map<String, ?> query) {
        return call(api, path, query, MediaType.APPLICATION_JSON, b -> b.get());
    }

    public ApiAnswer get(Api api, String path) {
        return get(api, path, Map.of());
    }

    /** A download (CSV, XLSX, HTML) passed through as bytes with its content type. */
    public ApiAnswer download(Api api, String path, Map<String, ?> query, String accept) {
        return call(api, path, query, accept, b -> b.get());
    }

    public ApiAnswer post(Api api, String path, Object body) {
        return call(api, path, Map.of(), MediaType.APPLICATION_JSON, b -> b.post(Entity.json(body)));
    }

    public ApiAnswer post(Api api, String path, Object body, String accept) {
        return call(api, path, Map.of(), accept, b -> b.post(Entity.json(body)));
    }

    public ApiAnswer put(Api api, String path, Object body) {
        return call(api, path, Map.of(), MediaType.APPLICATION_JSON, b -> b.put(Entity.json(body)));
    }

    /** A file as the multipart part {@code part}, e.g. an import file for the registry. */
    public ApiAnswer upload(Api api, String path, String part, String fileName, Path file, String mediaType) {
        ClientMultipartForm form = ClientMultipartForm.create()
                .binaryFileUpload(part, fileName, file.toString(), mediaType);
        return call(api, path, Map.of(), MediaType.APPLICATION_JSON,
                b -> b.post(Entity.entity(form, MediaType.MULTIPART_FORM_DATA_TYPE)));
    }

    private interface Send {
        Response send(Invocation.Builder builder);
    }

    private ApiAnswer call(Api api, String path, Map<String, ?> query, String accept, Send send) {
        WebTarget target = client.target(bases.get(api)).path(path);
        for (Map.Entry<String, ?> q : query.entrySet()) {
            if (q.getValue() != null && !q.getValue().toString().isBlank()) {
                target = target.queryParam(q.getKey(), q.getValue());
            }
        }
        Invocation.Builder builder = target.request(accept)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken())
                .header(HttpHeaders.ACCEPT_LANGUAGE, locale.tag());
        try (Response response = send.send(builder)) {
            return answerOf(response);
        } catch (ProcessingException e) {
            LOG.warnf("console call to %s %s failed: %s", api, path, e.getMessage());
            return unavailable();
        }
    }

    private String accessToken() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? "" : credential.getToken();
    }

    private ApiAnswer answerOf(Response response) {
        byte[] raw = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        String type = response.getMediaType() == null ? "" : response.getMediaType().toString();
        JsonNode body = null;
        if (type.contains("json") && raw.length > 0) {
            try {
                body = json.readTree(raw);
            } catch (java.io.IOException e) {
                body = null;
            }
        }
        if (response.getStatus() < 400) {
            return new ApiAnswer(response.getStatus(), body, raw, type, null, null, List.of());
        }
        List<FieldProblem> fields = new ArrayList<>();
        String title = null;
        String detail = null;
        if (body != null) {
            title = body.path("title").asText(null);
            detail = body.path("detail").asText(null);
            for (JsonNode error : body.path("errors")) {
                String field = error.path("field").asText("");
                fields.add(new FieldProblem(field, error.path("message").asText("")));
            }
        }
        return new ApiAnswer(response.getStatus(), body, raw, type, title(response.getStatus(), title), detail, fields);
    }

    /** The page's heading: the service's own title in the page's language; the console's words when the platform failed. */
    private String title(int status, String apiTitle) {
        Map<String, String> text = words.of(locale.language());
        if (status >= 500) {
            return text.get("problem.unavailable");
        }
        return apiTitle != null && !apiTitle.isBlank() ? apiTitle : text.get("problem.refused");
    }

    private ApiAnswer unavailable() {
        return new ApiAnswer(503, null, new byte[0], "", title(503, null), null, List.of());
    }
}
