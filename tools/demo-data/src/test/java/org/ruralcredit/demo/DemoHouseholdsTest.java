package org.ruralcredit.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.importfile.DemoVillageStatistics;
import org.ruralcredit.importfile.HouseholdFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoHouseholdsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    @Test
    void yuyaoHasItsRealVillages() throws IOException {
        List<DemoHouseholds.Village> villages = DemoHouseholds.villagesOf("330281", List.of());
        assertTrue(villages.size() > 250, "Yuyao has a few hundred villages and communities");
        assertTrue(villages.stream()
                .allMatch(v -> v.code().startsWith("330281") && v.code().length() == 12));
        assertTrue(villages.stream().anyMatch(v -> v.code().equals("330281100202")), "临山村 is there");
        assertTrue(DemoHouseholds.villagesOf("330281", List.of("330281106")).stream()
                .allMatch(v -> v.township().equals("330281106")));
    }

    @Test
    void everyIdIsValidUniqueAndAgreesWithSexAndBirthDate() throws IOException {
        DemoHouseholds generator = new DemoHouseholds(DemoHouseholds.villagesOf("330281", List.of()), 7, AS_OF);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            HouseholdFile file = generator.next();
            assertEquals(
                    1,
                    file.members().stream()
                            .filter(m -> m.relation() == HouseholdFile.Relation.HEAD)
                            .count());
            for (HouseholdFile.Member m : file.members()) {
                ResidentId.Result parsed = ResidentId.parse(m.residentId(), AS_OF);
                assertTrue(parsed.valid(), m.residentId() + ": " + parsed.refusal());
                assertTrue(m.residentId().startsWith("330281"));
                assertEquals(parsed.id().get().sex(), m.sex());
                assertEquals(parsed.id().get().birthDate(), m.birthDate());
                assertTrue(ids.add(m.residentId()), "unique: " + m.residentId());
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameFile() throws IOException {
        var villages = DemoHouseholds.villagesOf("330281", List.of());
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        new DemoHouseholds(villages, 42, AS_OF).writeCsv(a, 300);
        new DemoHouseholds(villages, 42, AS_OF).writeCsv(b, 300);
        new DemoHouseholds(villages, 43, AS_OF).writeCsv(c, 300);
        assertArrayEquals(a.toByteArray(), b.toByteArray());
        assertFalse(Arrays.equals(a.toByteArray(), c.toByteArray()));
    }

    @Test
    void distributionsArePlausible() throws IOException {
        DemoHouseholds generator = new DemoHouseholds(DemoHouseholds.villagesOf("330281", List.of()), 11, AS_OF);
        int n = 20_000;
        Map<HouseholdFile.MainBusiness, Integer> business = new EnumMap<>(HouseholdFile.MainBusiness.class);
        long people = 0;
        long withBankLoans = 0;
        long withOrderFacts = 0;
        List<Long> deposits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HouseholdFile f = generator.next();
            assertTrue(f.members().size() >= 1 && f.members().size() <= 6);
            people += f.members().size();
            business.merge(f.production().mainBusiness(), 1, Integer::sum);
            withBankLoans += f.liabilities().bankLoans() > 0 ? 1 : 0;
            withOrderFacts += f.publicOrder().isEmpty() ? 0 : 1;
            deposits.add(f.assets().deposits());
        }
        double meanSize = (double) people / n;
        assertTrue(meanSize > 2.5 && meanSize < 3.5, "mean household size " + meanSize);
        assertEquals(6, business.size(), "every main business occurs");
        assertTrue(
                business.get(HouseholdFile.MainBusiness.PLANTING) > business.get(HouseholdFile.MainBusiness.BREEDING));
        assertTrue(withBankLoans > n * 0.25 && withBankLoans < n * 0.45, "bank loans " + withBankLoans);
        assertTrue(withOrderFacts > 0 && withOrderFacts < n * 0.06, "public-order facts " + withOrderFacts);
        deposits.sort(null);
        long median = deposits.get(n / 2);
        assertTrue(median > 50_000 && median < 120_000, "median deposits " + median);
    }

    @Test
    void aVillagesStatisticsAreTheSameEveryTimeAndPlausible() throws IOException {
        for (DemoHouseholds.Village v : DemoHouseholds.villagesOf("330281", List.of())) {
            DemoVillageStatistics figures = DemoVillageStatistics.of(v.code());
            assertEquals(figures, DemoVillageStatistics.of(v.code()));
            assertTrue(figures.totalHouseholds() >= 900 && figures.totalHouseholds() < 2_200, v + ": " + figures);
            double perHousehold = (double) figures.population() / figures.totalHouseholds();
            assertTrue(perHousehold >= 2.4 && perHousehold <= 3.2, v + ": " + figures);
            assertFalse(figures.figuresAsOf().isAfter(AS_OF));
        }
    }

    /**
     * What stack.d/load-demo-data.sh loads (10,000 households for each of 临山镇 and 马渚镇, one
     * generator, seed 20260331): no village gets more households than its demo profile counts, so
     * no coverage exceeds 100 %.
     */
    @Test
    void theDemoLoadFillsNoVillageBeyondItsTotal() throws IOException {
        List<String> townships = List.of("330281100", "330281106");
        List<DemoHouseholds.Village> all = DemoHouseholds.villagesOf("330281", townships);
        DemoHouseholds generator = new DemoHouseholds(all, 20260331L, AS_OF);
        for (String township : townships) {
            List<DemoHouseholds.Village> own =
                    all.stream().filter(v -> v.township().equals(township)).toList();
            DemoHouseholds forTownship = generator.restrictedTo(own);
            Map<String, Integer> filed = new HashMap<>();
            for (int i = 0; i < 10_000; i++) {
                filed.merge(forTownship.next().villageCode(), 1, Integer::sum);
            }
            long total = 0;
            for (DemoHouseholds.Village v : own) {
                int households = DemoVillageStatistics.of(v.code()).totalHouseholds();
                total += households;
                int files = filed.getOrDefault(v.code(), 0);
                assertTrue(files <= households, v + ": " + files + " files, " + households + " households");
                assertTrue(files > 0, v + " has demo households");
            }
            assertTrue(total >= 12_000, township + " has room for the demo's 10,000 households and more: " + total);
        }
    }

    @Test
    void aFileLargerThanTheVillagesOverfillsThemInProportion() throws IOException {
        List<DemoHouseholds.Village> villages = DemoHouseholds.villagesOf("330281", List.of("330281100"));
        int room = villages.stream()
                .mapToInt(v -> DemoVillageStatistics.of(v.code()).totalHouseholds())
                .sum();
        DemoHouseholds generator = new DemoHouseholds(villages, 3, AS_OF);
        Map<String, Integer> filed = new HashMap<>();
        for (int i = 0; i < room; i++) {
            filed.merge(generator.next().villageCode(), 1, Integer::sum);
        }
        for (DemoHouseholds.Village v : villages) {
            assertEquals(DemoVillageStatistics.of(v.code()).totalHouseholds(), filed.get(v.code()), v + " is full");
        }
        for (int i = 0; i < 100; i++) {
            String village = generator.next().villageCode();
            assertTrue(villages.stream().anyMatch(v -> v.code().equals(village)), village);
        }
    }
}
