package org.ruralcredit.registry.service;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
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
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import org.ruralcredit.registry.domain.TemplateReader;

/**
 * Streams the rows of an uploaded CSV (UTF-8, optional BOM) or XLSX file (first sheet), one row
 * at a time, so a file of a million rows needs no more memory than one row. Line numbers are
 * record numbers with the header as line 1, which is what a spreadsheet shows.
 */
public final class ImportRows implements Closeable, Iterator<TemplateReader.Row> {

    public enum Format {
        CSV,
        XLSX;

        /** By the file's first bytes: an XLSX is a ZIP archive, anything else is read as CSV text. */
        public static Format sniff(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(4);
                return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4
                        ? XLSX
                        : CSV;
            }
        }
    }

    private static final CsvMapper CSV =
            new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private final List<String> headers;
    private final Iterator<List<String>> cells;
    private final Closeable resource;
    private long line = 1;

    private ImportRows(List<String> headers, Iterator<List<String>> cells, Closeable resource) {
        this.headers = headers;
        this.cells = cells;
        this.resource = resource;
    }

    /** An XLSX refused before it is read: one of its XML parts declares a document type. */
    public static final class UnsafeFile extends IOException {
        UnsafeFile(String part) {
            super("the XML part " + part + " declares a document type");
        }
    }

    /** How much of a part may come before its root element: an XML declaration and a comment or two. */
    private static final long MAX_PROLOG_BYTES = 64 * 1024;

    /**
     * Refuses an XLSX any of whose XML parts declares a document type ({@code <!DOCTYPE …>}), or
     * hides its root element behind more than {@value #MAX_PROLOG_BYTES} bytes. Excel and WPS never
     * write a DTD; in an upload it is how entity expansion and external entities reach a parser,
     * and the workbook reader would fail on it only when it met the part — a header read fine
     * would leave an import to die half-way on a later part. Only the prolog of each part is
     * read (a DTD can stand nowhere else), by the JDK's own parser with DTDs and external
     * entities off, so nothing the DTD says is ever acted on. A CSV has nothing to check.
     */
    public static void requireNoDocumentType(Path file) throws IOException {
        if (Format.sniff(file) != Format.XLSX) {
            return;
        }
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || !(name.endsWith(".xml") || name.endsWith(".rels"))) {
                    continue;
                }
                try (InputStream in =
                        new BoundedInputStream(zip.getInputStream(entry), MAX_PROLOG_BYTES, entry.getName())) {
                    XMLStreamReader reader = factory.createXMLStreamReader(in);
                    try {
                        while (reader.hasNext()) {
                            int event = reader.next();
                            if (event == XMLStreamConstants.DTD) {
                                throw new UnsafeFile(entry.getName());
                            }
                            if (event == XMLStreamConstants.START_ELEMENT) {
                                break;
                            }
                        }
                    } finally {
                        reader.close();
                    }
                } catch (XMLStreamException e) {
                    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                        if (cause instanceof UnsafeFile unsafe) {
                            throw unsafe;
                        }
                    }
                    throw new IOException("the XML part " + entry.getName() + " is not well-formed", e);
                }
            }
        }
    }

    /** Fails as unsafe once more than {@code limit} bytes are read: a root element hidden behind a huge prolog. */
    private static final class BoundedInputStream extends FilterInputStream {
        private final long limit;
        private final String part;
        private long read;

        BoundedInputStream(InputStream in, long limit, String part) {
            super(in);
            this.limit = limit;
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, limit + 1 - read));
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new UnsafeFile(part);
            }
        }
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
        MappingIterator<List<String>> rows =
                CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(reader);
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
        Stream<Row> stream = workbook.getFirstSheet().openStream();
        Iterator<Row> rows = stream.iterator();
        Iterator<List<String>> cells = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public List<String> next() {
                Row row = rows.next();
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
    public TemplateReader.Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<String> values = cells.next();
        line++;
        Map<String, String> byHeader = new HashMap<>(headers.size() * 2);
        for (int i = 0; i < headers.size() && i < values.size(); i++) {
            byHeader.put(headers.get(i) == null ? "" : headers.get(i).strip(), values.get(i));
        }
        return new TemplateReader.Row(line, byHeader);
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }
}
