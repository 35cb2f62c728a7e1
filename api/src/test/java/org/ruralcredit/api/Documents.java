package org.ruralcredit.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The checked-in documents: one per service, named after its module (and its realm client). */
final class Documents {

    static final List<String> SERVICES =
            List.of("farmer-registry", "credit-rating", "morality-score", "sme-archive", "gateway");
    static final ObjectMapper JSON = new ObjectMapper();

    private Documents() {}

    static Path dir() {
        return Path.of(System.getProperty("api.dir", ".")).toAbsolutePath().normalize();
    }

    static Path of(String service) {
        return dir().resolve(service + ".json");
    }

    static Path released(String service) {
        return dir().resolve("released").resolve(service + ".json");
    }

    static Map<String, Object> read(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
