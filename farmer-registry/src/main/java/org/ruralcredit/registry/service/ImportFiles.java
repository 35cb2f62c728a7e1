package org.ruralcredit.registry.service;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.importfile.CsvRows;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.importfile.ImportTemplate;

/**
 * Writes import files in the template format: the downloadable template and the error report (CSV
 * through import-file's {@link CsvRows}, the encoding the demo generator writes too), and XLSX.
 */
public final class ImportFiles {

    private ImportFiles() {}

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
