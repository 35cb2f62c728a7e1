package org.ruralcredit.registry.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.registry.domain.HouseholdFile;
import org.ruralcredit.registry.domain.ImportTemplate;

/**
 * Writes import files in the template format: the downloadable template, the demo data and the
 * error report. CSV is UTF-8 with a BOM, because Excel on Chinese Windows otherwise reads it as GBK.
 */
public final class ImportFiles {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)
            .build();

    private ImportFiles() {}

    /** A streaming CSV writer: header first, then whatever rows are given; closes the stream when closed. */
    public static final class CsvRows implements AutoCloseable {
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

    public static void templateCsv(OutputStream out) throws IOException {
        try (CsvRows rows = new CsvRows(out, ImportTemplate.HEADERS)) {
            for (List<String> row : ImportTemplate.toRows(example())) {
                rows.write(row);
            }
        }
    }

    public static void templateXlsx(OutputStream out) throws IOException {
        writeXlsx(out, List.of(example()));
    }

    /** An XLSX import file of these households; every cell is text, as the template asks. */
    public static void writeXlsx(OutputStream out, List<HouseholdFile> households) throws IOException {
        Workbook workbook = new Workbook(out, "farmer-registry", "1.0");
        Worksheet sheet = workbook.newWorksheet("农户");
        List<String> headers = ImportTemplate.HEADERS;
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (HouseholdFile household : households) {
            for (List<String> row : ImportTemplate.toRows(household)) {
                for (int c = 0; c < row.size(); c++) {
                    if (!row.get(c).isEmpty()) {
                        sheet.value(r, c, row.get(c));
                    }
                }
                r++;
            }
        }
        workbook.finish();
    }

    /** The template's example household: a head, a spouse and a child in 临山镇 临山村. */
    public static HouseholdFile example() {
        LocalDate asOf = LocalDate.of(2026, 3, 31);
        String source = "入户调查";
        String headId = id("33028119780512003");
        String spouseId = id("33028119800823004");
        String childId = id("33028120050117001");
        return new HouseholdFile(
                "330281100202",
                "临山镇临山村东街 12 号",
                "13805741234",
                30,
                List.of(
                        new HouseholdFile.Member(
                                "王建国",
                                HouseholdFile.Relation.HEAD,
                                headId,
                                ResidentId.Sex.M,
                                LocalDate.of(1978, 5, 12),
                                HouseholdFile.Education.JUNIOR_HIGH,
                                HouseholdFile.Health.HEALTHY,
                                "杨梅种植",
                                HouseholdFile.LabourStatus.FULL),
                        new HouseholdFile.Member(
                                "李秀英",
                                HouseholdFile.Relation.SPOUSE,
                                spouseId,
                                ResidentId.Sex.F,
                                LocalDate.of(1980, 8, 23),
                                HouseholdFile.Education.PRIMARY,
                                HouseholdFile.Health.HEALTHY,
                                "务农",
                                HouseholdFile.LabourStatus.FULL),
                        new HouseholdFile.Member(
                                "王磊",
                                HouseholdFile.Relation.CHILD,
                                childId,
                                ResidentId.Sex.M,
                                LocalDate.of(2005, 1, 17),
                                HouseholdFile.Education.COLLEGE,
                                HouseholdFile.Health.HEALTHY,
                                "学生",
                                HouseholdFile.LabourStatus.NONE)),
                new HouseholdFile.Production(
                        HouseholdFile.MainBusiness.PLANTING,
                        new BigDecimal("12.5"),
                        "亩",
                        20,
                        List.of("农艺工"),
                        asOf,
                        source),
                new HouseholdFile.Land(new BigDecimal("8.5"), new BigDecimal("4"), asOf, source),
                new HouseholdFile.Assets(450_000L, 30_000L, 80_000L, 0L, 120_000L, asOf, source),
                new HouseholdFile.IncomeAndExpenses(160_000L, 20_000L, 3_000L, 60_000L, 50_000L, asOf, source),
                new HouseholdFile.Liabilities(100_000L, 0L, 0L, asOf, source),
                new HouseholdFile.Social(true, false, false, 4, asOf, source),
                List.of());
    }

    private static String id(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }
}
