package org.ruralcredit.divisions;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.ruralcredit.divisions.DivisionFiles.Division;
import org.ruralcredit.divisions.DivisionFiles.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DivisionFilesTest {

    @Test
    void everyLevelHasTheEditionsCount() {
        Map<Level, Integer> expected = Map.of(
                Level.PROVINCE,
                31,
                Level.CITY,
                342,
                Level.COUNTY,
                2_978,
                Level.TOWNSHIP,
                41_352,
                Level.VILLAGE,
                620_573);
        for (Level level : Level.values()) {
            try (Stream<Division> divisions = DivisionFiles.read(level)) {
                assertEquals(expected.get(level).longValue(), divisions.count(), level.name());
            }
        }
    }

    @Test
    void aKnownVillageHasItsNameAndTownship() {
        try (Stream<Division> villages = DivisionFiles.read(Level.VILLAGE)) {
            Division linshan = villages.filter(v -> v.code().equals("330281100202"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(new Division("330281100202", "临山村委会", "330281100", Level.VILLAGE), linshan);
        }
        Division zhejiang = DivisionFiles.list(Level.PROVINCE).stream()
                .filter(p -> p.code().equals("33"))
                .findFirst()
                .orElseThrow();
        assertEquals("浙江省", zhejiang.name());
        assertNull(zhejiang.parentCode());
    }

    @Test
    void everyCodeHasItsLevelsLengthAndEveryParentExistsOneLevelUpAsTheCodesPrefix() {
        Set<String> above = new HashSet<>();
        for (Level level : Level.values()) {
            List<Division> divisions = DivisionFiles.list(level);
            Set<String> codes = new HashSet<>();
            for (Division d : divisions) {
                assertEquals(level.digits(), d.code().length(), d.toString());
                assertTrue(d.code().chars().allMatch(Character::isDigit), d.toString());
                assertTrue(codes.add(d.code()), "repeated: " + d);
                assertTrue(!d.name().isBlank(), d.toString());
                if (level == Level.PROVINCE) {
                    assertNull(d.parentCode(), d.toString());
                } else {
                    assertTrue(above.contains(d.parentCode()), "no parent: " + d);
                    assertTrue(d.code().startsWith(d.parentCode()), d.toString());
                }
            }
            above = codes;
        }
    }

    @Test
    void aStreamReadOnlyInPartClosesCleanly() {
        for (int i = 0; i < 50; i++) {
            try (Stream<Division> villages = DivisionFiles.read(Level.VILLAGE)) {
                assertEquals(3, villages.limit(3).collect(Collectors.toList()).size());
            }
        }
    }
}
