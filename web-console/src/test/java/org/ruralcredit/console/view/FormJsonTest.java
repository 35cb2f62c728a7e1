package org.ruralcredit.console.view;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FormJsonTest {

    @Test
    void fieldPathsBuildTheNestedBody() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("address", " 临山村 8 号 ");
        form.put("production.mainBusiness", "PLANTING");
        form.put("members[0].name", "张建国");
        form.put("members[1].name", "李秀英");
        form.put("members[1].relation", "SPOUSE");
        ObjectNode body = FormJson.of(form);
        assertEquals("临山村 8 号", body.path("address").asText(), "inputs are trimmed");
        assertEquals("PLANTING", body.path("production").path("mainBusiness").asText());
        assertEquals(2, body.path("members").size());
        assertEquals("SPOUSE", body.path("members").path(1).path("relation").asText());
    }

    @Test
    void blankInputsAndWhollyBlankRowsAreLeftOut() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("phone", "   ");
        form.put("members[0].name", "张建国");
        form.put("members[1].name", "");
        form.put("members[2].name", "王芳");
        ObjectNode body = FormJson.of(form);
        assertFalse(body.has("phone"), "the API says itself what is required");
        assertEquals(2, body.path("members").size(), "the blank middle row is no member");
        assertEquals("王芳", body.path("members").path(1).path("name").asText());
    }

    @Test
    void namesThatAreNoFieldPathAreIgnored() {
        ObjectNode body = FormJson.of(Map.of("save-button!", "x", "a..b", "y"));
        assertEquals(0, body.size());
    }
}
