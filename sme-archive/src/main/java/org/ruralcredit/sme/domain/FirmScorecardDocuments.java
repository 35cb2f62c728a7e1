package org.ruralcredit.sme.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads firm scorecard documents and refuses one the validator finds inconsistent, naming every problem. */
public final class FirmScorecardDocuments {

    /** The scorecard firms are scored with. */
    public static final String SHIPPED = "firm-scorecards/firm-default-v1.json";

    // a misspelt field must not pass unnoticed as a missing one
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private FirmScorecardDocuments() {}

    public static FirmScorecardModel read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, FirmScorecardModel.class);
    }

    /** The packaged document, checked: an inconsistent one stops the service from starting. */
    public static FirmScorecardModel readValid(String resource) {
        FirmScorecardModel model;
        try (InputStream in = FirmScorecardDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("firm scorecard " + resource + " is not packaged");
            }
            model = MAPPER.readValue(in, FirmScorecardModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("firm scorecard " + resource + " is unreadable", e);
        }
        List<String> problems = FirmScorecardModelValidator.validate(model);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "firm scorecard " + resource + " is inconsistent: " + String.join("; ", problems));
        }
        return model;
    }
}
