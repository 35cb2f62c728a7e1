package org.ruralcredit.commons.json;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonCustomizerTest {

    record Amount(BigDecimal value) {}

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        JsonParseException e =
                assertThrows(JsonParseException.class, () -> mapper().readValue("{\"a\":1,\"a\":2}", Map.class));
        assertEquals("Duplicate field 'a'", e.getOriginalMessage());
    }

    @Test
    void aDecimalWithAHugeExponentIsRefusedAtOnce() {
        InvalidFormatException e = assertThrows(
                InvalidFormatException.class, () -> mapper().readValue("{\"value\":1e-10000000}", Amount.class));
        assertEquals("decimal out of bounds", e.getOriginalMessage());
        assertThrows(InvalidFormatException.class, () -> mapper().readValue("{\"value\":1e21}", Amount.class));
    }

    @Test
    void ordinaryAmountsAndSharesAreRead() throws Exception {
        assertEquals(
                new BigDecimal("2620700.50"),
                mapper().readValue("{\"value\":2620700.50}", Amount.class).value());
        assertEquals(
                new BigDecimal("0.037"),
                mapper().readValue("{\"value\":0.037}", Amount.class).value());
        assertEquals(
                new BigDecimal("1E+3"),
                mapper().readValue("{\"value\":1e3}", Amount.class).value());
    }
}
