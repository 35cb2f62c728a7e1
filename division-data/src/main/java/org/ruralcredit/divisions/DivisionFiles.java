package org.ruralcredit.divisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The official statistical division codes (统计用区划代码, {@value #EDITION} edition), shipped in
 * this jar once for every service and tool, a gzipped CSV file per level (see the README beside
 * the files). Each file names a row's parent in its own column, which is read by header name.
 */
public final class DivisionFiles {

    /** Edition year of the shipped codes. */
    public static final short EDITION = 2023;

    private static final ObjectReader ROWS = new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .readerFor(String[].class)
            .with(CsvSchema.emptySchema());

    /** A level of the code, its code length, its file and the file's column naming the parent. */
    public enum Level {
        PROVINCE(2, "provinces", null),
        CITY(4, "cities", "provinceCode"),
        COUNTY(6, "areas", "cityCode"),
        TOWNSHIP(9, "streets", "areaCode"),
        VILLAGE(12, "villages", "streetCode");

        private final int digits;
        private final String file;
        private final String parentColumn;

        Level(int digits, String file, String parentColumn) {
            this.digits = digits;
            this.file = file;
            this.parentColumn = parentColumn;
        }

        public int digits() {
            return digits;
        }

        /** The resource, relative to this class. */
        String resource() {
            return file + ".csv.gz";
        }
    }

    /** One division: its code, name, the code of the division it lies in (null for a province) and level. */
    public record Division(String code, String name, String parentCode, Level level) {}

    private DivisionFiles() {}

    /**
     * A level's divisions in file order, read as the stream is consumed (the villages are 620,000
     * rows). The stream holds the file open: close it, with try-with-resources.
     */
    public static Stream<Division> read(Level level) {
        InputStream raw = DivisionFiles.class.getResourceAsStream(level.resource());
        if (raw == null) {
            throw new IllegalStateException("division file " + level.resource() + " is missing from the classpath");
        }
        try {
            Reader in = new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8);
            MappingIterator<String[]> rows = ROWS.readValues(in);
            try {
                if (!rows.hasNextValue()) {
                    throw new IllegalStateException("division file " + level.resource() + " is empty");
                }
                List<String> header = Arrays.asList(rows.nextValue());
                int code = column(header, "code", level);
                int name = column(header, "name", level);
                int parent = level.parentColumn == null ? -1 : column(header, level.parentColumn, level);
                return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
                        .map(row -> new Division(row[code], row[name], parent < 0 ? null : row[parent], level))
                        .onClose(() -> close(rows));
            } catch (RuntimeException | IOException e) {
                close(rows);
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(raw, e);
            throw new UncheckedIOException("division file " + level.resource() + " could not be read", e);
        }
    }

    /** A level's divisions, all in memory. */
    public static List<Division> list(Level level) {
        try (Stream<Division> divisions = read(level)) {
            return divisions.toList();
        }
    }

    private static int column(List<String> header, String name, Level level) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException(
                    "division file " + level.resource() + " has no column " + name + ", only " + header);
        }
        return index;
    }

    private static void close(MappingIterator<String[]> rows) {
        try {
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(InputStream raw, IOException failure) {
        try {
            raw.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
