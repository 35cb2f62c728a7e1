package org.ruralcredit.console.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The platform as the console's typed clients meet it in a test, on one local port: the realm's
 * discovery document (so sign-in starts without Keycloak), farmer-registry's household, a duplicate
 * head refused as problem+json 409, the import template and upload, and a credit-rating that answers
 * too late. The gateway's address is a port nothing listens on. Each request is kept by
 * "METHOD path" for the test to check what reached the service. For the field app (FieldStub):
 * the registry's field rules and a village's bundle with their tags, a file at version 3 that can
 * be corrected and one whose correction is overtaken, files opened under an Idempotency-Key, the
 * village names, and morality-score's catalogue and proposals.
 */
public class ApiStub implements QuarkusTestResourceLifecycleManager {

    /** What one request brought: its headers (lower-case names) and body. */
    @SuppressWarnings("ArrayRecordComponent") // the body as it arrived, read by the tests, never compared
    public record Seen(Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();

    public static final String DUPLICATE = """
            {"type":"https://ruralcredit.org/problems/household.duplicate-head","title":"户主已有档案","status":409,
             "detail":"该身份证号已是另一户的户主","code":"household.duplicate-head",
             "errors":[{"field":"headResidentId","message":"已是另一户的户主"}]}""";

    public static final String TEMPLATE = "户主姓名,户主身份证号\r\n";

    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.oidc.auth-server-url",
                base + "/realms/test",
                "quarkus.rest-client.farmer-registry.url",
                base,
                "quarkus.rest-client.credit-rating.url",
                base,
                "quarkus.rest-client.morality-score.url",
                base,
                "quarkus.rest-client.credit-rating.read-timeout",
                "500",
                "quarkus.rest-client.gateway.url",
                "http://127.0.0.1:" + closedPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        SEEN.put(
                method + " " + path, new Seen(headers, exchange.getRequestBody().readAllBytes()));
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        if (path.equals("/realms/test/.well-known/openid-configuration")) {
            send(exchange, 200, "application/json", """
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                     "token_endpoint":"%1$s/protocol/openid-connect/token","jwks_uri":"%1$s/protocol/openid-connect/certs",
                     "end_session_endpoint":"%1$s/protocol/openid-connect/logout"}""".formatted(base));
        } else if (path.equals("/realms/test/protocol/openid-connect/certs")) {
            send(exchange, 200, "application/json", "{\"keys\":[]}");
        } else if (FieldStub.answers(method, path, headers, exchange)) {
            return;
        } else if (method.equals("GET") && path.startsWith("/api/v1/households/")) {
            send(
                    exchange,
                    200,
                    "application/json",
                    "{\"id\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\",\"headName\":\"张三\"}");
        } else if (method.equals("POST") && path.equals("/api/v1/households")) {
            send(exchange, 409, "application/problem+json", DUPLICATE);
        } else if (method.equals("GET") && path.equals("/api/v1/imports/template.csv")) {
            send(exchange, 200, "text/csv; charset=UTF-8", TEMPLATE);
        } else if (method.equals("POST") && path.equals("/api/v1/imports")) {
            send(
                    exchange,
                    202,
                    "application/json",
                    "{\"id\":\"0b7d5a52-3c1e-4c39-9a51-3b8f0d2b6c11\",\"status\":\"QUEUED\"}");
        } else if (method.equals("GET") && path.equals("/api/v1/models")) {
            try {
                Thread.sleep(3000); // past the test's read timeout for credit-rating
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "application/json", "[]");
        } else {
            send(
                    exchange,
                    404,
                    "application/problem+json",
                    "{\"title\":\"未找到\",\"status\":404,\"code\":\"not-found\"}");
        }
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
