package org.ruralcredit.console.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/** Test-only pages that make one typed call each and show the {@link ApiAnswer} as JSON. */
@jakarta.ws.rs.Path("/console/test-calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    private final PlatformApi api;
    private final SecurityIdentity identity;

    public CallsResource(PlatformApi api, SecurityIdentity identity) {
        this.api = api;
        this.identity = identity;
    }

    @GET
    @jakarta.ws.rs.Path("token")
    public Map<String, Object> token() {
        return Map.of(
                "token", identity.getCredential(AccessTokenCredential.class).getToken());
    }

    @GET
    @jakarta.ws.rs.Path("household/{id}")
    public Map<String, Object> household(@PathParam("id") String id) {
        return shown(api.registry(r -> r.household(UUID.fromString(id))));
    }

    @GET
    @jakarta.ws.rs.Path("duplicate")
    public Map<String, Object> duplicate() {
        return shown(
                api.registry(r -> r.createHousehold(Map.of("headName", "张三", "headResidentId", "330281199001011234"))));
    }

    @GET
    @jakarta.ws.rs.Path("consent")
    public Map<String, Object> consent() {
        return shown(api.gateway(g -> g.consent(UUID.fromString("5f0c6a4e-9a3b-4b1e-8c1d-2f4e6a8b0c12"))));
    }

    @GET
    @jakarta.ws.rs.Path("models")
    public Map<String, Object> models() {
        return shown(api.rating(r -> r.models()));
    }

    @GET
    @jakarta.ws.rs.Path("template")
    public Map<String, Object> template() {
        return shown(api.registry(r -> r.importTemplateCsv()));
    }

    @GET
    @jakarta.ws.rs.Path("import")
    public Map<String, Object> upload() throws IOException {
        Path file = Files.createTempFile("households", ".csv");
        try {
            Files.writeString(file, "张三,330281199001011234\r\n", StandardCharsets.UTF_8);
            return shown(api.registry(r -> r.startImport(PlatformApi.filePart("file", "临山村.csv", file, "text/csv"))));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Map<String, Object> shown(ApiAnswer answer) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("status", answer.status());
        shown.put("title", answer.title());
        shown.put("detail", answer.detail());
        shown.put("code", answer.json().path("code").asText(null));
        shown.put("id", answer.json().path("id").asText(null));
        shown.put("fields", answer.fieldProblems());
        shown.put("messages", answer.messagesOf("headResidentId"));
        shown.put("contentType", answer.contentType());
        shown.put("raw", new String(answer.raw(), StandardCharsets.UTF_8));
        return shown;
    }
}
