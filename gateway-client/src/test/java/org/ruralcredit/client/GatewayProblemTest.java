package org.ruralcredit.client;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ruralcredit.client.invoker.ApiException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GatewayProblemTest {

    private static HttpHeaders headers(Map<String, List<String>> map) {
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @Test
    void aProblemAnswerBecomesItsCodeArgsAndFields() {
        String body = """
                {"type":"urn:ruralcredit:problem:validation","title":"请求内容有误","status":400,
                 "detail":"请求中有 1 个字段有误。","code":"validation","args":{"count":1},
                 "errors":[{"field":"subjectId","code":"resident-id.check-digit","message":"校验码错误（GB 11643）"}]}""";
        GatewayProblem problem = assertThrows(
                GatewayProblem.class,
                () -> GatewayClient.call(() -> {
                    throw new ApiException(400, "bad", headers(Map.of()), body);
                }));
        assertEquals(400, problem.status());
        assertEquals("validation", problem.code());
        assertEquals(1, problem.args().get("count"));
        assertEquals("resident-id.check-digit", problem.errors().get(0).code());
        assertEquals("请求中有 1 个字段有误。", problem.getMessage());
    }

    @Test
    void retryAfterIsKeptAndAnAnswerWithoutABodyKeepsItsStatus() {
        GatewayProblem problem =
                GatewayProblem.of(new ApiException(503, "busy", headers(Map.of("Retry-After", List.of("5"))), ""));
        assertEquals(503, problem.status());
        assertEquals("5", problem.retryAfter());
        assertNull(problem.code());
    }
}
