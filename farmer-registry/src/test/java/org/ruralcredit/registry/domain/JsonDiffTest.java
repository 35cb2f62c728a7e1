package org.ruralcredit.registry.domain;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonDiffTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private List<String> diff(String a, String b) throws Exception {
        return JsonDiff.changedPaths(mapper.readTree(a), mapper.readTree(b));
    }

    @Test
    void namesNestedAndListFields() throws Exception {
        assertEquals(
                List.of("assets.housing", "members[1].name"),
                diff(
                        "{\"assets\":{\"housing\":1,\"deposits\":2},\"members\":[{\"name\":\"a\"},{\"name\":\"b\"}]}",
                        "{\"assets\":{\"housing\":5,\"deposits\":2},\"members\":[{\"name\":\"a\"},{\"name\":\"c\"}]}"));
    }

    @Test
    void addedRemovedAndNulledGroupsCount() throws Exception {
        assertEquals(
                List.of("land", "members[1]", "social"),
                diff(
                        "{\"land\":{\"mu\":3},\"members\":[{\"n\":1}],\"social\":null}",
                        "{\"land\":null,\"members\":[{\"n\":1},{\"n\":2}],\"social\":{\"partyMember\":true}}"));
    }

    @Test
    void equalNumbersInAnotherScaleAreNoChange() throws Exception {
        assertEquals(List.of(), diff("{\"mu\":25.50,\"b\":null}", "{\"mu\":25.5}"));
    }
}
