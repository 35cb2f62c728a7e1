package org.ruralcredit.commons.idempotency;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request's fingerprint: the same request however its keys are ordered, another for anything else. */
class RequestFingerprintTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private static String print(String body) throws Exception {
        return RequestFingerprint.of("createHousehold", List.of(), json(body));
    }

    @Test
    void keyOrderAndSpacingDoNotCountAtAnyDepth() throws Exception {
        String a = print(
                "{\"file\":{\"villageCode\":\"330281100202\",\"members\":[{\"name\":\"王建国\",\"relation\":\"HEAD\"}]},"
                        + "\"reason\":\"入户建档\"}");
        String b = print(
                "{ \"reason\": \"入户建档\", \"file\": { \"members\": [ { \"relation\": \"HEAD\", \"name\": \"王建国\" } ],"
                        + " \"villageCode\": \"330281100202\" } }");
        assertEquals(a, b);
        assertTrue(a.matches("[0-9a-f]{64}"), a);
    }

    @Test
    void anyOtherValueFieldOrOrderOfItemsIsAnotherRequest() throws Exception {
        String base = print("{\"reason\":\"入户建档\",\"members\":[\"a\",\"b\"],\"years\":30}");
        assertNotEquals(base, print("{\"reason\":\"入户建档\",\"members\":[\"a\",\"b\"],\"years\":31}"));
        assertNotEquals(base, print("{\"reason\":\"更正\",\"members\":[\"a\",\"b\"],\"years\":30}"));
        assertNotEquals(base, print("{\"reason\":\"入户建档\",\"members\":[\"b\",\"a\"],\"years\":30}"));
        assertNotEquals(base, print("{\"reason\":\"入户建档\",\"members\":[\"a\",\"b\"],\"years\":30,\"note\":null}"));
        assertNotEquals(base, print("{\"reason\":\"入户建档\",\"members\":[\"a\",\"b\"],\"years\":\"30\"}"));
    }

    @Test
    void theOperationAndPathParametersCount() throws Exception {
        JsonNode body = json("{\"reason\":\"x\"}");
        String create = RequestFingerprint.of("createHousehold", List.of(), body);
        assertNotEquals(create, RequestFingerprint.of("correctHousehold", List.of(), body));
        assertNotEquals(
                RequestFingerprint.of("correctHousehold", List.of("a"), body),
                RequestFingerprint.of("correctHousehold", List.of("b"), body));
        assertEquals(create, RequestFingerprint.of("createHousehold", List.of(), json("{\"reason\":\"x\"}")));
    }
}
