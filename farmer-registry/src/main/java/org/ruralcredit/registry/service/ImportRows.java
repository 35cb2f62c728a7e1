package org.ruralcredit.registry.service;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.ruralcredit.registry.domain.ImportTemplate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Streams the rows of an uploaded CSV (UTF-8, optional BOM) or XLSX file (first sheet), one row
 * at a time, so a file of a million rows needs no more memory than one row. Line numbers are
 * record numbers with the header as line 1, which is what a spreadsheet shows.
 */
public final class ImportRows implements Closeable, Iterator<ImportTemplate.Row> {

    public enum Format {
        CSV, XLSX;

        /** By the file's first bytes: an XLSX is a ZIP archive, anything else is read as CSV text. */
        public static Format sniff(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(4);
                return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 ? XLSX : CSV;
            }
        }
    }

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private final List<String> headers;
    private final Iterator<List<String>> cells;
    private final Closeable resource;
    private long line = 1;

    private ImportRows(List<String> headers, Iterator<List<String>> cells, Closeable resource) {
        this.headers = headers;
        this.cells = cells;
        this.resource = resource;
    }

    public static ImportRows open(Path file) throws IOException {
        return Format.sniff(file) == Format.XLSX ? xlsx(file) : csv(file);
    }

    /** The data rows of the file, without reading them: a first cheap pass for the progress bar. */
    public static long countRows(Path file) throws IOException {
        if (Format.sniff(file) == Format.CSV) {
            // newlines, not records: cheap, and exact unless a quoted cell holds a line break
            long newlines = 0;
            boolean endsWithNewline = true;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            newlines++;
                        }
                    }
                    endsWithNewline = buffer[n - 1] == '\n';
                }
            }
            return Math.max(0, newlines + (endsWithNewline ? 0 : 1) - 1);
        }
        long rows = 0;
        try (ImportRows reader = xlsx(file)) {
            while (reader.hasNext()) {
                reader.next();
                rows++;
            }
        }
        return rows;
    }

    private static ImportRows csv(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
            in.reset();
        }
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema())
                .readValues(reader);
        List<String> headers = rows.hasNextValue() ? rows.nextValue() : List.of();
        Iterator<List<String>> cells = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return rows.hasNextValue();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public List<String> next() {
                try {
                    return rows.nextValue();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return new ImportRows(headers, cells, rows);
    }

    private static ImportRows xlsx(Path file) throws IOException {
        ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
        Stream<org.dhatim.fastexcel.reader.Row> stream = workbook.getFirstSheet().openStream();
        Iterator<org.dhatim.fastexcel.reader.Row> rows = stream.iterator();
        Iterator<List<String>> cells = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<String> next() {
                org.dhatim.fastexcel.reader.Row row = rows.next();
                List<String> values = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    values.add(row.getCellText(i));
                }
                return values;
            }
        };
        List<String> headers = cells.hasNext() ? cells.next() : List.of();
        return new ImportRows(headers, cells, () -> {
            stream.close();
            workbook.close();
        });
    }

    public List<String> headers() {
        return Collections.unmodifiableList(headers);
    }

    @Override
    public boolean hasNext() {
        return cells.hasNext();
    }

    @Override
    public ImportTemplate.Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<String> values = cells.next();
        line++;
        Map<String, String> byHeader = new HashMap<>(headers.size() * 2);
        for (int i = 0; i < headers.size() && i < values.size(); i++) {
            byHeader.put(headers.get(i) == null ? "" : headers.get(i).strip(), values.get(i));
        }
        return new ImportTemplate.Row(line, byHeader);
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }
}
