package org.ruralcredit.console.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** What {@link ApiStub} answers the field app's calls with (see there). */
public final class FieldStub {

    /** A file at version 3: corrected at 3 it answers version 4. */
    public static final String AT_THREE = "7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    /** A file at version 3 whose correction the registry refuses as stale (someone else was first). */
    public static final String OVERTAKEN = "8c2f3d4e-5a6b-4c7d-9e8f-0a1b2c3d4e5f";

    public static final String VILLAGE = "330281103201";
    /** A village whose bundle the registry fails to make (502 from its proxy). */
    public static final String FAILING_VILLAGE = "330281103299";

    public static final String RULES_TAG = "\"rules-1\"";
    public static final String BUNDLE_TAG = "W/\"bundle-0\"";
    public static final String REPLAYED_KEY = "key-seen-before";

    public static final String BUNDLE = """
            {"village":{"code":"330281103201","name":"临山村","townshipCode":"330281103","townshipName":"临山镇"},
             "page":0,"size":500,"total":1,
             "households":[{"id":"7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e","version":3,"headName":"王*",
              "headResidentId":"330281********1234","members":2,"mainBusiness":"PLANTING","factsAsOf":"2026-03-01"}]}""";

    public static final String RULES = """
            {"fields":[{"path":"file","type":"object","required":true,"rules":[]},
             {"path":"file.members[].name","type":"string","required":true,"rules":[]},
             {"path":"file.production.mainBusiness","type":"enum","required":true,"rules":[]},
             {"path":"reason","type":"string","required":false,"rules":[]}],
             "messages":{}}""";

    /** The registry's view of a file as its township's official reads it: identities in full. */
    public static String view(String id, int version) {
        return """
                {"id":"%s","villageCode":"330281103201","townshipCode":"330281103","status":"ACTIVE",
                 "closedReason":null,"closedAt":null,"version":%d,"address":"临山村王家弄12号",
                 "phone":"13812345678","yearsResident":30,"identifiersMasked":false,
                 "members":[
                  {"name":"王建国","relation":"HEAD","residentId":"330281197001011234","sex":"MALE",
                   "birthDate":"1970-01-01","age":56,"education":"JUNIOR_HIGH","health":"HEALTHY",
                   "occupation":"种植","labourStatus":"FULL"},
                  {"name":"李秀英","relation":"SPOUSE","residentId":"330281197203041228","sex":"FEMALE",
                   "birthDate":"1972-03-04","age":54,"education":null,"health":"FAIR","occupation":null,
                   "labourStatus":"PARTIAL"}],
                 "facts":{
                  "production":{"mainBusiness":"PLANTING","scale":12.0,"scaleUnit":"亩","yearsExperience":20,
                   "skillsAndCertificates":null,"asOf":"2026-03-01","source":"入户走访"},
                  "land":{"contractedMu":8.5,"transferredInMu":3.5,"asOf":"2026-03-01","source":"入户走访"},
                  "assets":null,"income":null,"liabilities":null,"social":null,"publicOrder":[]},
                 "createdBy":"official-linshan","createdAt":"2026-03-01T02:00:00Z",
                 "updatedBy":"official-linshan","updatedAt":"2026-03-05T02:00:00Z"}""".formatted(id, version);
    }

    public static final String STALE = """
            {"type":"urn:ruralcredit:problem:stale-version","title":"冲突","status":409,
             "detail":"该档案当前为第 4 版，而非第 3 版；请重新打开档案后再作修改。","code":"household.stale-version"}""";

    public static final String CATALOGUE = """
            {"version":2,"effectiveFrom":"2026-01-01","baseScore":100,
             "rules":[{"code":"D01","nameZh":"见义勇为","nameEn":"Acting bravely","points":10,"evidenceRequired":true,
                       "standardCode":"S1","yearlyCap":20},
                      {"code":"D02","nameZh":"参加志愿服务","nameEn":"Volunteering","points":2,"evidenceRequired":false,
                       "standardCode":"S2","yearlyCap":10}],
             "vetoes":[{"code":"V01","nameZh":"失信被执行","nameEn":"Dishonest debtor"}]}""";

    private FieldStub() {}

    /** Answers the call when it is one of the field app's; false leaves it to the stub's other routes. */
    static boolean answers(String method, String path, Map<String, String> headers, HttpExchange exchange)
            throws IOException {
        String key = headers.get("idempotency-key");
        String tag = headers.get("if-none-match");
        if (method.equals("GET") && path.equals("/api/v1/field-rules")) {
            tagged(exchange, RULES_TAG, tag, RULES);
        } else if (method.equals("GET") && path.equals("/api/v1/field-bundles/" + VILLAGE)) {
            tagged(exchange, BUNDLE_TAG, tag, BUNDLE);
        } else if (method.equals("GET") && path.equals("/api/v1/field-bundles/" + FAILING_VILLAGE)) {
            ApiStub.send(exchange, 502, "text/html", "<html>Bad Gateway</html>");
        } else if (method.equals("GET") && path.equals("/api/v1/divisions/330281103/children")) {
            ApiStub.send(exchange, 200, "application/json", """
                    [{"code":"330281103201","name":"临山村","level":"VILLAGE"},
                     {"code":"330281103202","name":"邵家丘村","level":"VILLAGE"}]""");
        } else if (method.equals("POST") && path.equals("/api/v1/households") && key != null) {
            replayedIf(exchange, key);
            exchange.getResponseHeaders().add("Location", "/api/v1/households/" + AT_THREE);
            ApiStub.send(exchange, 201, "application/json", view(AT_THREE, 1));
        } else if (method.equals("GET")
                && (path.equals("/api/v1/households/" + AT_THREE) || path.equals("/api/v1/households/" + OVERTAKEN))) {
            ApiStub.send(exchange, 200, "application/json", view(path.substring(path.lastIndexOf('/') + 1), 3));
        } else if (method.equals("PUT") && path.equals("/api/v1/households/" + AT_THREE)) {
            replayedIf(exchange, key);
            ApiStub.send(exchange, 200, "application/json", view(AT_THREE, 4));
        } else if (method.equals("PUT") && path.equals("/api/v1/households/" + OVERTAKEN)) {
            ApiStub.send(exchange, 409, "application/problem+json", STALE);
        } else if (method.equals("GET") && path.equals("/api/v1/catalogue")) {
            ApiStub.send(exchange, 200, "application/json", CATALOGUE);
        } else if (method.equals("POST") && path.equals("/api/v1/proposals")) {
            replayedIf(exchange, key);
            ApiStub.send(exchange, 201, "application/json", """
                    {"proposal":{"id":"5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c","state":"PENDING","kind":"DEED"},
                     "effect":{"points":10}}""");
        } else {
            return false;
        }
        return true;
    }

    private static void tagged(HttpExchange exchange, String current, String asked, String body) throws IOException {
        exchange.getResponseHeaders().add("ETag", current);
        exchange.getResponseHeaders().add("Cache-Control", "private, no-cache");
        if (current.equals(asked)) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        ApiStub.send(exchange, 200, "application/json", body);
    }

    private static void replayedIf(HttpExchange exchange, String key) {
        if (REPLAYED_KEY.equals(key)) {
            exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
        }
    }

    public static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
