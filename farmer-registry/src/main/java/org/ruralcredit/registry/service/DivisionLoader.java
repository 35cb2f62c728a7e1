package org.ruralcredit.registry.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import org.ruralcredit.divisions.DivisionFiles;
import org.ruralcredit.divisions.DivisionFiles.Division;
import org.ruralcredit.registry.repository.DivisionBulkLoader;

/**
 * Loads the shipped division codes (the {@code division-data} jar) into an empty {@code division}
 * table at start, a level at a time from the top, so every parent is in before its children.
 */
@ApplicationScoped
public class DivisionLoader {

    private static final Logger LOG = Logger.getLogger(DivisionLoader.class);

    private final DivisionBulkLoader loader;
    private final CsvMapper csv = new CsvMapper();

    public DivisionLoader(DivisionBulkLoader loader) {
        this.loader = loader;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        // DivisionFiles.Level is declared from the province down
        List<DivisionBulkLoader.Rows> levels = Stream.of(DivisionFiles.Level.values())
                .<DivisionBulkLoader.Rows>map(level -> out -> copy(level, out))
                .toList();
        OptionalLong rows = loader.loadIfEmpty(levels);
        if (rows.isPresent()) {
            LOG.infof(
                    "loaded %d division codes (edition %d) in %d ms",
                    rows.getAsLong(), DivisionFiles.EDITION, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** One level's rows as COPY reads them, with each code's level and parent. */
    private long copy(DivisionFiles.Level level, Writer out) {
        String edition = Short.toString(DivisionFiles.EDITION);
        long rows = 0;
        try (Stream<Division> divisions = DivisionFiles.read(level);
                SequenceWriter rowsOut = csv.writer().writeValues(out)) {
            for (Iterator<Division> it = divisions.iterator(); it.hasNext(); ) {
                Division division = it.next();
                // an unquoted empty field is NULL to COPY
                rowsOut.write(new String[] {
                    division.code(),
                    division.name(),
                    level.name(),
                    division.parentCode() == null ? "" : division.parentCode(),
                    edition
                });
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("division codes of level " + level + " could not be loaded", e);
        }
        return rows;
    }
}
