package org.ruralcredit.importfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.identity.ResidentId;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ImportFileContractTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    private static String id(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    /** A head and a child; the child listed first, to show the head's row still comes first. */
    private static HouseholdFile household(List<HouseholdFile.PublicOrderFact> facts) {
        var child = new HouseholdFile.Member(
                "王磊", HouseholdFile.Relation.CHILD, id("33028120050117001"), null, null, null, null, "学生", null);
        var head = new HouseholdFile.Member(
                "王建国",
                HouseholdFile.Relation.HEAD,
                id("33028119780512003"),
                ResidentId.Sex.M,
                LocalDate.of(1978, 5, 12),
                HouseholdFile.Education.JUNIOR_HIGH,
                HouseholdFile.Health.HEALTHY,
                "务农",
                HouseholdFile.LabourStatus.FULL);
        return new HouseholdFile(
                "330281100202",
                "临山镇临山村东街 12 号",
                null,
                30,
                List.of(child, head),
                null,
                new HouseholdFile.Land(new BigDecimal("8.5"), BigDecimal.ZERO, AS_OF, "入户调查"),
                null,
                null,
                null,
                null,
                facts);
    }

    @Test
    void theHeadersAreTheColumnsInOrderAndUnique() {
        assertEquals(ImportTemplate.Column.values().length, ImportTemplate.HEADERS.size());
        assertEquals(ImportTemplate.HEADERS.size(), new HashSet<>(ImportTemplate.HEADERS).size());
        assertEquals("户主身份证号", ImportTemplate.HEADERS.get(ImportTemplate.Column.HEAD_ID.index()));
    }

    @Test
    void aHouseholdIsOneRowPerPersonHeadFirstWithTheHouseholdsCellsOnTheHeadsRow() {
        List<List<String>> rows = ImportTemplate.toRows(household(List.of()));
        assertEquals(2, rows.size());
        rows.forEach(r -> assertEquals(ImportTemplate.HEADERS.size(), r.size()));
        List<String> head = rows.get(0);
        List<String> child = rows.get(1);
        assertEquals("户主", head.get(ImportTemplate.Column.RELATION.index()));
        assertEquals("男", head.get(ImportTemplate.Column.SEX.index()));
        assertEquals("初中", head.get(ImportTemplate.Column.EDUCATION.index()));
        assertEquals("8.5", head.get(ImportTemplate.Column.CONTRACTED_MU.index()));
        assertEquals("2026-03-31", head.get(ImportTemplate.Column.AS_OF.index()));
        assertEquals("子女", child.get(ImportTemplate.Column.RELATION.index()));
        assertEquals(head.get(ImportTemplate.Column.HEAD_ID.index()), child.get(ImportTemplate.Column.HEAD_ID.index()));
        assertEquals("", child.get(ImportTemplate.Column.VILLAGE_CODE.index()));
    }

    @Test
    void moreFactsThanPeopleGoOnFurtherRowsOfTheHead() {
        var fact = new HouseholdFile.PublicOrderFact(
                HouseholdFile.PublicOrderKind.DISHONEST_DEBTOR, LocalDate.of(2025, 1, 1), "法院", null, true);
        List<List<String>> rows = ImportTemplate.toRows(household(List.of(fact, fact, fact)));
        assertEquals(3, rows.size());
        List<String> third = rows.get(2);
        assertEquals("户主", third.get(ImportTemplate.Column.RELATION.index()));
        assertEquals("失信被执行人", third.get(ImportTemplate.Column.ORDER_KIND.index()));
        assertEquals("是", third.get(ImportTemplate.Column.ORDER_ONGOING.index()));
        assertEquals("", third.get(ImportTemplate.Column.SEX.index()));
    }

    @Test
    void csvIsUtf8WithABomAndQuotesEmptyCells() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvRows rows = new CsvRows(out, List.of("姓名", "职业"))) {
            rows.write(List.of("王建国", ""));
        }
        byte[] bytes = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertEquals("姓名,职业\n王建国,\"\"\n", new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }
}
