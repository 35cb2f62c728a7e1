package org.ruralcredit.sme.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.ruralcredit.commons.problem.ApiException;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.SmeCodes;
import org.ruralcredit.sme.domain.FeedSource;

/**
 * Reads a feed file into raw rows with their line numbers. A file whose shape is wrong (not CSV
 * with the source's header, not a JSON array of objects, too many rows) is refused whole; a row
 * whose shape is wrong (wrong number of cells, not an object) becomes a rejected row.
 */
public final class FeedReader {

    public enum Format {
        CSV,
        JSON
    }

    /** A row as text values by column, or the reason its shape is wrong. */
    record RawRow(int line, Map<String, String> values, String shapeProblem) {}

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedReader() {}

    static List<RawRow> read(Format format, byte[] content, FeedSource source, int maxRows) {
        try {
            return format == Format.CSV ? csv(content, source, maxRows) : json(content, source, maxRows);
        } catch (JsonProcessingException e) {
            throw e.getLocation() == null
                    ? unreadable(SmeCodes.FEED_FILE_UNREADABLE)
                    : unreadable(
                            SmeCodes.FEED_FILE_MALFORMED,
                            format.name(),
                            e.getLocation().getLineNr());
        } catch (IOException e) {
            throw unreadable(SmeCodes.FEED_FILE_UNREADABLE);
        }
    }

    private static List<RawRow> csv(byte[] content, FeedSource source, int maxRows) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it =
                CSV.readerForListOf(String.class).readValues(content)) {
            if (!it.hasNextValue()) {
                throw unreadable(SmeCodes.FEED_FILE_EMPTY, source.columns());
            }
            List<String> header = it.nextValue().stream()
                    .map(h -> h.replace("\uFEFF", "").strip())
                    .toList();
            checkHeader(header, source);
            while (it.hasNextValue()) {
                // the row's first token marks the line it starts on, also when a quoted cell spans lines
                List<String> cells = it.nextValue();
                int line = it.getParser().currentTokenLocation().getLineNr();
                if (rows.size() == maxRows) {
                    throw tooMany(maxRows);
                }
                if (cells.size() != header.size()) {
                    rows.add(new RawRow(
                            line, Map.of(), "has " + cells.size() + " cells, the header has " + header.size()));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), cells.get(i));
                }
                rows.add(new RawRow(line, values, null));
            }
        }
        return rows;
    }

    private static List<RawRow> json(byte[] content, FeedSource source, int maxRows) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw unreadable(SmeCodes.FEED_JSON_NOT_ARRAY, source.columns());
            }
            Set<String> known = Set.copyOf(source.columns());
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = JSON.readTree(parser);
                if (rows.size() == maxRows) {
                    throw tooMany(maxRows);
                }
                if (node == null || !node.isObject()) {
                    rows.add(new RawRow(line, Map.of(), "is not an object"));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                List<String> unknown = new ArrayList<>();
                node.fields().forEachRemaining(f -> {
                    if (!known.contains(f.getKey())) {
                        unknown.add(f.getKey());
                    } else if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                        values.put(f.getKey(), f.getValue().asText());
                    } else if (!f.getValue().isNull()) {
                        unknown.add(f.getKey() + " (not a plain value)");
                    }
                });
                rows.add(
                        unknown.isEmpty()
                                ? new RawRow(line, values, null)
                                : new RawRow(line, values, "has unexpected fields " + unknown));
            }
        }
        return rows;
    }

    private static void checkHeader(List<String> header, FeedSource source) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!source.columns().contains(column)) {
                errors.add(Problem.FieldError.of("header", SmeCodes.FEED_HEADER_UNKNOWN_COLUMN, column));
            } else if (!seen.add(column)) {
                errors.add(Problem.FieldError.of("header", SmeCodes.FEED_HEADER_DUPLICATE_COLUMN, column));
            }
        }
        for (String column : source.columns()) {
            if (!seen.contains(column)) {
                errors.add(Problem.FieldError.of("header", SmeCodes.FEED_HEADER_MISSING_COLUMN, column));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** The whole file is refused: one problem of the field {@code file}. */
    private static ApiException unreadable(ProblemCode code, Object... args) {
        return ApiException.invalid("file", code, args);
    }

    private static ApiException tooMany(int maxRows) {
        return unreadable(SmeCodes.FEED_TOO_MANY_ROWS, maxRows);
    }
}
