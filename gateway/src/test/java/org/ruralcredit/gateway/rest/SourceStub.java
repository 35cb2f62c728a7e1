package org.ruralcredit.gateway.rest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one report source (registry, rating or moral bank) on the port the test profile
 * names: answers every request with the configured status and body after the configured delay (or,
 * for a path given its own answer, with that one), and keeps the last request's path, query, body
 * and Authorization header for the test to check.
 */
final class SourceStub implements AutoCloseable {

    private final HttpServer server;
    volatile int status = 200;
    volatile String body = "{}";
    volatile long delayMillis;
    private final Map<String, String[]> byPath = new ConcurrentHashMap<>();
    private final Map<String, String> queries = new ConcurrentHashMap<>();
    volatile String lastPath;
    volatile String lastQuery;
    volatile String lastBody;
    volatile String lastAuthorization;

    SourceStub(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String[] own = byPath.get(path);
            if (own != null) {
                queries.put(path, String.valueOf(exchange.getRequestURI().getQuery()));
                byte[] bytes = own[1].getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(Integer.parseInt(own[0]), bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
                return;
            }
            lastPath = path;
            lastQuery = exchange.getRequestURI().getQuery();
            lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    SourceStub answer(int status, String body) {
        this.status = status;
        this.body = body;
        this.delayMillis = 0;
        return this;
    }

    /** This path gets its own answer from now on; the rest still get the general one. */
    SourceStub answerAt(String path, int status, String body) {
        byPath.put(path, new String[] {String.valueOf(status), body});
        return this;
    }

    /** The query string of the last request to a path that has its own answer. */
    String lastQueryAt(String path) {
        return queries.get(path);
    }

    /** The claims (JSON) of the bearer token on the last request, to check who called. */
    String lastTokenClaims() {
        String token = lastAuthorization.substring("Bearer ".length());
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A Linshan household (王建国), rated AA in a campaign (valid until 2027-09-30), 84 moral points, no veto. */
    static void answerAsUsual(SourceStub registry, SourceStub rating, SourceStub morality, UUID household) {
        registry.answer(200, registryHousehold(household));
        rating.answer(
                200, """
                [{"id":"%s","householdId":"%s","score":86,"grade":"AA","creditHousehold":true,"vetoes":[],
                  "reasons":[{"indicator":"land","nameZh":"土地","nameEn":"Land","pointsLost":4}],"model":"HH@3",
                  "status":"FINAL","ratedAt":"2026-10-01T02:00:00Z","campaignId":"%s","validUntil":"2027-09-30"},
                 {"id":"%s","householdId":"%s","score":80,"grade":"A","creditHousehold":true,"vetoes":[],"reasons":[],
                  "model":"HH@2","status":"FINAL","ratedAt":"2025-10-01T02:00:00Z","campaignId":null,"validUntil":null}]""".formatted(UUID.randomUUID(), household, UUID.randomUUID(), UUID.randomUUID(), household));
        morality.answer(200, moralProfile(household, 84, false));
    }

    /** The registry's answer for the head of a Linshan household (王建国). */
    static String registryHousehold(UUID household) {
        return """
                {"id":"%s","villageCode":"330281100202","townshipCode":"330281100","status":"ACTIVE","headName":"王建国",
                 "headResidentId":"330281********1234","members":3,"yearsResident":30,
                 "facts":{"land":{"contractedMu":12.5,"asOf":"2026-05-01","source":"入户调查"}},"version":2,
                 "updatedAt":"2026-05-02T01:00:00Z","somethingNew":true}""".formatted(household);
    }

    static String moralProfile(UUID household, int points, boolean vetoed) {
        return """
                {"householdId":"%s","villageCode":"330281100202","status":"ACTIVE",
                 "standing":{"year":2026,"catalogueVersion":1,"standards":[{"code":"LAW","points":30,"cap":36}],
                   "totalPoints":%d,"vetoed":%s,"vetoCodes":[],"eligible":true,"greenCard":true,"moralCreditLine":50000},
                 "panelScore":null,"panelRaterCount":0,
                 "recentEntries":[{"kind":"DEED","ruleCode":"R1","standardCode":"LAW","deedDate":"2026-03-01","points":5,
                   "reversed":false,"description":"调解邻里纠纷","proposedBy":"clerk-linshan","approvedBy":"official-linshan"}]}""".formatted(household, points, vetoed);
    }
}
