package org.ruralcredit.importfile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A streaming CSV writer in the import file's encoding: header first, then whatever rows are
 * given; closes the stream when closed. UTF-8 with a BOM, because Excel on Chinese Windows
 * otherwise reads it as GBK.
 */
public final class CsvRows implements AutoCloseable {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
            .build();

    private final SequenceWriter writer;

    public CsvRows(OutputStream out, List<String> headers) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer = CSV.writerFor(List.class).with(CsvSchema.emptySchema()).writeValues(text);
        writer.write(headers);
    }

    public void write(List<String> row) throws IOException {
        writer.write(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
