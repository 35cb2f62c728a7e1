package org.ruralcredit.commons.json;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A decimal in a request is a sum of money, a share or a rate: at most {@value #MAX_PRECISION}
 * significant digits and a scale within ±{@value #MAX_SCALE}. {@code 1e-10000000} is refused here,
 * before any arithmetic could spend seconds of CPU on it.
 */
public class BoundedDecimals extends StdScalarDeserializer<BigDecimal> {

    public static final int MAX_PRECISION = 38;
    public static final int MAX_SCALE = 20;

    public BoundedDecimals() {
        super(BigDecimal.class);
    }

    /** Whether a decimal is within the bounds. */
    public static boolean bounded(BigDecimal value) {
        return value.precision() <= MAX_PRECISION && Math.abs(value.scale()) <= MAX_SCALE;
    }

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
        if (value != null && !bounded(value)) {
            throw InvalidFormatException.from(p, "decimal out of bounds", p.getText(), BigDecimal.class);
        }
        return value;
    }
}
