package org.ruralcredit.console.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import org.ruralcredit.console.service.ApiAnswer.FieldProblem;
import org.ruralcredit.console.service.api.GatewayApi;
import org.ruralcredit.console.service.api.MoralityApi;
import org.ruralcredit.console.service.api.RatingApi;
import org.ruralcredit.console.service.api.RegistryApi;

/**
 * The console's way to the platform: each page calls the public APIs through their typed clients
 * ({@code service/api}), which carry the signed-in user's own access token (token propagation), so
 * the realm's permissions, division scope and query rules decide exactly as they do for any other
 * client, and the page's language (Accept-Language), so a refusal comes back as its problem written
 * by the service in that language. Here, and only here, an answer becomes an {@link ApiAnswer}:
 * a refusal is read as its problem, and an API that does not answer (refused connection, timeout)
 * becomes a 503-like answer, never an exception page.
 */
@ApplicationScoped
public class PlatformApi {

    private static final Logger LOG = Logger.getLogger(PlatformApi.class);

    private final GatewayApi gateway;
    private final RegistryApi registry;
    private final RatingApi rating;
    private final MoralityApi morality;
    private final ConsoleLocale locale;
    private final ConsoleText words;
    private final ObjectMapper json;

    public PlatformApi(
            @RestClient GatewayApi gateway,
            @RestClient RegistryApi registry,
            @RestClient RatingApi rating,
            @RestClient MoralityApi morality,
            ConsoleLocale locale,
            ConsoleText words,
            ObjectMapper json) {
        this.gateway = gateway;
        this.registry = registry;
        this.rating = rating;
        this.morality = morality;
        this.locale = locale;
        this.words = words;
        this.json = json;
    }

    public ApiAnswer gateway(Function<GatewayApi, Response> call) {
        return answer("gateway", () -> call.apply(gateway));
    }

    public ApiAnswer registry(Function<RegistryApi, Response> call) {
        return answer("farmer-registry", () -> call.apply(registry));
    }

    public ApiAnswer rating(Function<RatingApi, Response> call) {
        return answer("credit-rating", () -> call.apply(rating));
    }

    public ApiAnswer morality(Function<MoralityApi, Response> call) {
        return answer("morality-score", () -> call.apply(morality));
    }

    /** A file as the multipart part {@code part}, e.g. an import file for the registry's {@code startImport}. */
    public static ClientMultipartForm filePart(String part, String fileName, Path file, String mediaType) {
        return ClientMultipartForm.create().binaryFileUpload(part, fileName, file.toString(), mediaType);
    }

    /** A query value as the APIs take it: a blank one is left out of the address rather than sent empty. */
    public static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private ApiAnswer answer(String service, Supplier<Response> call) {
        try (Response response = call.get()) {
            return answerOf(response);
        } catch (WebApplicationException e) {
            // only when a client maps a status to an exception after all: still the service's answer
            return answerOf(e.getResponse());
        } catch (ProcessingException e) {
            LOG.warnf("console call to %s failed: %s", service, e.getMessage());
            return unavailable();
        } catch (IllegalArgumentException e) {
            // an id typed into an address that is no UUID names nothing, as the service would say
            return refused(404);
        }
    }

    private ApiAnswer answerOf(Response response) {
        byte[] raw = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        String type =
                response.getMediaType() == null ? "" : response.getMediaType().toString();
        JsonNode body = null;
        if (type.contains("json") && raw.length > 0) {
            try {
                body = json.readTree(raw);
            } catch (IOException e) {
                body = null;
            }
        }
        Map<String, String> headers = headersOf(response);
        if (response.getStatus() < 400) {
            return new ApiAnswer(response.getStatus(), body, raw, type, null, null, List.of(), headers);
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
        return new ApiAnswer(
                response.getStatus(), body, raw, type, title(response.getStatus(), title), detail, fields, headers);
    }

    private static Map<String, String> headersOf(Response response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.getStringHeaders().forEach((name, values) -> {
            if (name != null && values != null && !values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return Collections.unmodifiableMap(headers);
    }

    /** The page's heading: the service's own title in the page's language; the console's words when the platform failed. */
    private String title(int status, String apiTitle) {
        Map<String, String> text = words.of(locale.language());
        if (status >= 500) {
            return text.get("problem.unavailable");
        }
        return apiTitle != null && !apiTitle.isBlank() ? apiTitle : text.get("problem.refused");
    }

    private ApiAnswer refused(int status) {
        return new ApiAnswer(status, null, new byte[0], "", title(status, null), null, List.of(), Map.of());
    }

    private ApiAnswer unavailable() {
        return refused(503);
    }
}
