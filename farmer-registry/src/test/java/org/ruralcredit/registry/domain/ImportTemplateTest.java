package org.ruralcredit.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.importfile.ImportTemplate;
import org.ruralcredit.registry.service.ImportFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportTemplateTest {

    private static List<TemplateReader.Row> rowsOf(HouseholdFile file) {
        List<TemplateReader.Row> rows = new ArrayList<>();
        long line = 2;
        for (List<String> cells : ImportTemplate.toRows(file)) {
            Map<String, String> byHeader = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                byHeader.put(ImportTemplate.HEADERS.get(i), cells.get(i));
            }
            rows.add(new TemplateReader.Row(line++, byHeader));
        }
        return rows;
    }

    @Test
    void theExampleRoundTrips() {
        HouseholdFile example = ImportFiles.example();
        List<TemplateReader.Row> rows = rowsOf(example);
        assertEquals(3, rows.size(), "one row per person");
        TemplateReader.Household household =
                TemplateReader.assemble(example.head().residentId(), rows);
        assertTrue(household.errors().isEmpty(), household.errors().toString());
        assertEquals(example, household.file());
    }

    @Test
    void moreFactsThanPeopleTravelOnFurtherHeadRowsAndComeBack() {
        HouseholdFile example = ImportFiles.example();
        List<HouseholdFile.PublicOrderFact> facts = new ArrayList<>();
        for (int i = 0; i < example.members().size() + 2; i++) {
            facts.add(new HouseholdFile.PublicOrderFact(
                    HouseholdFile.PublicOrderKind.VILLAGE_RULE_VIOLATION,
                    LocalDate.of(2025, 1, 1 + i),
                    "村委会",
                    "违反村规民约" + i,
                    false));
        }
        HouseholdFile many = new HouseholdFile(
                example.villageCode(),
                example.address(),
                example.phone(),
                example.yearsResident(),
                example.members(),
                example.production(),
                example.land(),
                example.assets(),
                example.income(),
                example.liabilities(),
                example.social(),
                facts);
        List<TemplateReader.Row> rows = rowsOf(many);
        assertEquals(example.members().size() + 2, rows.size(), "two head rows more, each with a fact");
        TemplateReader.Household household =
                TemplateReader.assemble(example.head().residentId(), rows);
        assertTrue(household.errors().isEmpty(), household.errors().toString());
        assertEquals(many, household.file());
    }

    @Test
    void aSecondHeadWithPersonDataIsStillRefused() {
        List<TemplateReader.Row> rows = new ArrayList<>(rowsOf(ImportFiles.example()));
        Map<String, String> again = new HashMap<>(rows.get(0).cells());
        rows.add(new TemplateReader.Row(9, again));
        TemplateReader.Household household =
                TemplateReader.assemble(rows.get(0).get(ImportTemplate.Column.HEAD_ID), rows);
        assertNull(household.file());
        assertEquals(
                List.of(9L),
                household.errors().stream()
                        .map(TemplateReader.RowError::line)
                        .distinct()
                        .toList());
        assertTrue(
                household.errors().get(0).reason().contains("more than one 户主 row"),
                household.errors().toString());
    }

    @Test
    void wordsMapToEnums() {
        assertEquals(HouseholdFile.MainBusiness.BREEDING, ImportTemplate.BUSINESS.get("养殖"));
        assertEquals(HouseholdFile.MainBusiness.MIGRANT_WORK, ImportTemplate.BUSINESS.get("务工"));
        assertEquals(HouseholdFile.Relation.GRANDCHILD, ImportTemplate.RELATIONS.get("孙子女"));
        assertEquals(HouseholdFile.Education.BACHELOR_OR_ABOVE, ImportTemplate.EDUCATION.get("本科及以上"));
        assertEquals(HouseholdFile.PublicOrderKind.FALSE_INFORMATION, ImportTemplate.ORDER_KINDS.get("提供虚假信息"));
        assertEquals(HouseholdFile.PublicOrderKind.DISHONEST_DEBTOR, ImportTemplate.ORDER_KINDS.get("失信被执行人"));
    }

    @Test
    void badCellsAreReportedByLineAndColumn() {
        List<TemplateReader.Row> rows = rowsOf(ImportFiles.example());
        rows.get(0).cells().put("主业", "炒股");
        rows.get(0).cells().put("存款", "很多");
        rows.get(1).cells().put("出生日期", "1980/08/23");
        rows.get(2).cells().put("党员户", "也许");
        TemplateReader.Household household =
                TemplateReader.assemble(rows.get(0).get(ImportTemplate.Column.HEAD_ID), rows);
        assertNull(household.file());
        List<String> found = household.errors().stream()
                .map(e -> e.line() + ":" + e.column())
                .toList();
        assertTrue(found.containsAll(List.of("2:主业", "2:存款", "3:出生日期")), found.toString());
        // household columns on a member row are ignored: only the head's row carries them
        assertEquals(3, found.size(), found.toString());
    }

    @Test
    void membersWithoutAHeadAreAllBad() {
        List<TemplateReader.Row> rows = rowsOf(ImportFiles.example()).subList(1, 3);
        TemplateReader.Household household = TemplateReader.assemble("330281197805120031", rows);
        assertEquals(
                List.of(3L, 4L),
                household.errors().stream().map(TemplateReader.RowError::line).toList());
        assertTrue(household.errors().stream().allMatch(e -> e.column().equals("与户主关系")));
    }

    @Test
    void checkerPathsMapBackToRowsAndColumns() {
        List<TemplateReader.Row> rows = rowsOf(ImportFiles.example());
        TemplateReader.Household household =
                TemplateReader.assemble(rows.get(0).get(ImportTemplate.Column.HEAD_ID), rows);
        Problem.FieldError bad = Problem.FieldError.of("x", RegistryCodes.PERSON_FILED_ELSEWHERE);
        assertEquals(
                TemplateReader.RowError.of(4, "身份证号", RegistryCodes.PERSON_FILED_ELSEWHERE),
                TemplateReader.locate(household, at("members[2].residentId", bad)));
        assertEquals(
                TemplateReader.RowError.of(2, "住房价值", RegistryCodes.PERSON_FILED_ELSEWHERE),
                TemplateReader.locate(household, at("assets.housing", bad)));
        assertEquals(
                TemplateReader.RowError.of(2, "信息日期", RegistryCodes.PERSON_FILED_ELSEWHERE),
                TemplateReader.locate(household, at("land.asOf", bad)));
        assertEquals(
                TemplateReader.RowError.of(2, "村代码", RegistryCodes.PERSON_FILED_ELSEWHERE),
                TemplateReader.locate(household, at("villageCode", bad)));
    }

    @Test
    void rowErrorsCarryTheirCodeAndTheEnglishReason() {
        TemplateReader.RowError error = TemplateReader.RowError.of(7, "住房价值", RegistryCodes.IMPORT_CELL_YUAN, "十万");
        assertEquals("import.cell-yuan", error.code());
        assertEquals(Map.of("value", "十万"), error.args());
        assertEquals("must be whole yuan, e.g. 150000 (was 十万)", error.reason());
    }

    private static Problem.FieldError at(String field, Problem.FieldError error) {
        return new Problem.FieldError(field, error.code(), error.args(), error.message());
    }

    @Test
    void headersAreCheckedBothWays() {
        List<String> headers = new ArrayList<>(ImportTemplate.HEADERS);
        headers.remove("存款");
        headers.add("备注");
        TemplateReader.HeaderCheck check = TemplateReader.checkHeaders(headers);
        assertEquals(List.of("备注"), check.unknown());
        assertEquals(List.of("存款"), check.missing());
        assertTrue(TemplateReader.checkHeaders(ImportTemplate.HEADERS).ok());
    }
}
