package org.ruralcredit.registry.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ruralcredit.demo.DemoHouseholds;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.importfile.ImportTemplate;
import org.ruralcredit.registry.domain.TemplateReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo generator's files are what the registry reads: every household back, unchanged. */
class DemoFileReadBackTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    @Test
    void theWrittenFileReadsBackAsTheSameHouseholds(@TempDir Path dir) throws IOException {
        var villages = DemoHouseholds.villagesOf("330281", List.of("330281100"));
        DemoHouseholds generator = new DemoHouseholds(villages, 5, AS_OF);
        List<HouseholdFile> expected = new ArrayList<>();
        DemoHouseholds copy = new DemoHouseholds(villages, 5, AS_OF);
        for (int i = 0; i < 200; i++) {
            expected.add(copy.next());
        }
        Path file = dir.resolve("h.csv");
        try (var out = Files.newOutputStream(file)) {
            generator.writeCsv(out, 200);
        }
        List<TemplateReader.Household> read = new ArrayList<>();
        try (ImportRows rows = ImportRows.open(file)) {
            assertTrue(TemplateReader.checkHeaders(rows.headers()).ok());
            List<TemplateReader.Row> current = new ArrayList<>();
            while (rows.hasNext()) {
                TemplateReader.Row row = rows.next();
                if (!current.isEmpty()
                        && !current.get(0)
                                .get(ImportTemplate.Column.HEAD_ID)
                                .equals(row.get(ImportTemplate.Column.HEAD_ID))) {
                    read.add(TemplateReader.assemble(current.get(0).get(ImportTemplate.Column.HEAD_ID), current));
                    current = new ArrayList<>();
                }
                current.add(row);
            }
            read.add(TemplateReader.assemble(current.get(0).get(ImportTemplate.Column.HEAD_ID), current));
        }
        assertEquals(200, read.size());
        for (int i = 0; i < 200; i++) {
            assertTrue(read.get(i).errors().isEmpty(), read.get(i).errors().toString());
            assertEquals(expected.get(i), read.get(i).file());
        }
        assertEquals(
                ImportRows.countRows(file),
                read.stream().mapToLong(h -> h.rows().size()).sum());
    }
}
