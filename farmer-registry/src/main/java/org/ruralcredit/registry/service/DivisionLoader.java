package org.ruralcredit.registry.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.ruralcredit.registry.config.DivisionDataConfig;
import org.ruralcredit.registry.domain.DivisionLevel;
import org.ruralcredit.registry.repository.DivisionBulkLoader;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the shipped division codes into an empty {@code division} table at start, a level at a
 * time from the top, so every parent is in before its children.
 */
@ApplicationScoped
public class DivisionLoader {

    private static final Logger LOG = Logger.getLogger(DivisionLoader.class);
    private static final List<String> FILES_BY_LEVEL = List.of(
            "provinces.csv.gz", "cities.csv.gz", "areas.csv.gz", "streets.csv.gz", "villages.csv.gz");

    private final DivisionBulkLoader loader;
    private final DivisionDataConfig config;
    private final CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    public DivisionLoader(DivisionBulkLoader loader, DivisionDataConfig config) {
        this.loader = loader;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        List<DivisionBulkLoader.Rows> levels = FILES_BY_LEVEL.stream()
                .<DivisionBulkLoader.Rows>map(file -> out -> copy(file, out)).toList();
        OptionalLong rows = loader.loadIfEmpty(levels);
        if (rows.isPresent()) {
            LOG.infof("loaded %d division codes (edition %d) in %d ms", rows.getAsLong(), config.edition(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** One shipped file's rows as COPY reads them, with each code's level and parent. */
    private long copy(String file, Writer out) {
        String resource = config.resourceFolder() + "/" + file;
        InputStream raw = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("division data " + resource + " is missing from the service");
        }
        long rows = 0;
        try (Reader in = new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8);
             MappingIterator<String[]> lines = csv.readerFor(String[].class)
                     .with(CsvSchema.emptySchema().withSkipFirstDataRow(true)).readValues(in);
             SequenceWriter rowsOut = csv.writer().writeValues(out)) {
            while (lines.hasNextValue()) {
                String[] line = lines.nextValue();
                String code = line[0];
                DivisionLevel level = DivisionLevel.ofCode(code);
                String parent = DivisionLevel.parentOf(code);
                // an unquoted empty field is NULL to COPY
                rowsOut.write(new String[] {code, line[1], level.name(), parent == null ? "" : parent,
                        Short.toString(config.edition())});
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("division data " + resource + " could not be loaded", e);
        }
        return rows;
    }
}
