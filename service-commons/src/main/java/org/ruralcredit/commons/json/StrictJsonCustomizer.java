package org.ruralcredit.commons.json;

import java.math.BigDecimal;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read literally: 3.7 is not a whole number of years or households, so a
 * fraction where an integer belongs is refused instead of silently cut to 3; and 0 or "2" is no
 * name of a purpose, grade or relation, so a number where an enum belongs is refused instead of
 * silently taken as the enum's first or third value. A key given twice is refused (which of the
 * two would count is not the client's to guess), and a decimal has bounded digits and exponent.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(
                new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new BoundedDecimals()));
    }
}
