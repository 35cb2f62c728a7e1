package org.ruralcredit.rating.domain.scorecard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes model documents. An input name the platform does not know reads as null, so
 * the validator can report it by place together with every other problem.
 */
public final class ScorecardDocuments {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private ScorecardDocuments() {}

    public static ScorecardModel read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, ScorecardModel.class);
    }

    public static ScorecardModel readResource(String resource) {
        try (InputStream in = ScorecardDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("scorecard " + resource + " is missing");
            }
            return MAPPER.readValue(in, ScorecardModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(ScorecardModel model) {
        try {
            return MAPPER.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
