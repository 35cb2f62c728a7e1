package org.ruralcredit.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.divisions.DivisionFiles;
import org.ruralcredit.divisions.DivisionFiles.Division;
import org.ruralcredit.importfile.CsvRows;
import org.ruralcredit.importfile.DemoVillageStatistics;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.importfile.HouseholdFile.Education;
import org.ruralcredit.importfile.HouseholdFile.MainBusiness;
import org.ruralcredit.importfile.HouseholdFile.Relation;
import org.ruralcredit.importfile.ImportTemplate;

/**
 * Synthetic but plausible household files for a real county, for demos and benchmarks: the
 * county's real villages (from the shipped division data), resident IDs that pass GB 11643 with
 * the county as address code and birth date and sex agreeing, common Chinese names, and
 * distributions of size, age, business, land, money and public-order facts shaped like a rural
 * county of Zhejiang. The same seed gives the same households. Households are produced one at a
 * time, so writing a million needs no more memory than writing one.
 *
 * <p>Each village has demo statistics ({@link DemoVillageStatistics}, kept by the registry): a total
 * of households and a population, the same every time, which the registry gives the demo villages as
 * their profiles ({@code DemoVillageProfiles}). Households go to villages in proportion to the
 * households each still has without a file, so no village is given more files than its total counts while the
 * villages have room: a file of the loader's size keeps every village's coverage at or below 100 %.
 * Only a file larger than all the villages' totals together (a benchmark's million) overfills them,
 * in proportion to their size.
 *
 * <p>Run: {@code stack.d/demo-households.sh --households 1000000 --seed 42 --out /tmp/households.csv}
 */
public final class DemoHouseholds {

    private static final String[] SURNAMES =
            ("王陈张徐黄孙胡杨邵沈吴周朱叶俞劳罗谢宋施史韩鲁诸马毛钱蒋郑许姚严" + "岑应潘赵何戚孔魏褚翁汪邹龚柴谷干楼童金方梁林郭刘李高").split("");
    private static final String[] MALE = "伟强军建国明华平杰勇峰涛斌超波刚辉鹏磊浩宇俊文志海林忠良荣兴福春祥德永".split("");
    private static final String[] FEMALE = "芳娟敏静丽艳霞燕红英玲萍华秀兰凤琴珍梅云雪婷慧颖佳琳娜丹洁月美".split("");
    private static final String[] MOBILE_PREFIXES = {
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "157", "158",
        "159", "180", "186", "187", "188", "189", "198"
    };
    private static final LocalDate BIRTH_EPOCH = LocalDate.of(1920, 1, 1);

    public record Village(String code, String name, String township) {}

    private final List<Village> villages;
    private final Random random;
    private final LocalDate asOf;
    private final String county;
    /** Resident IDs already given, per birth day and sex: how many, so none repeats in one run. */
    private final short[][] issued;

    private final int sequenceOffset;
    /** Per village (in the order of {@link #villages}): its demo total, and the households it can still be given. */
    private final int[] totals;

    private final int[] room;
    private final int totalHouseholds;
    private int roomLeft;

    public DemoHouseholds(List<Village> villages, long seed, LocalDate asOf) {
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("no villages to generate households for");
        }
        this.villages = List.copyOf(villages);
        this.random = new Random(seed);
        this.asOf = asOf;
        this.county = villages.get(0).code().substring(0, 6);
        this.issued = new short[(int) (asOf.toEpochDay() - BIRTH_EPOCH.toEpochDay() + 1)][2];
        // different seeds start at different sequence numbers, so two demo sets rarely share IDs
        this.sequenceOffset = (int) Math.floorMod(seed * 7919, 500);
        this.totals = totalsOf(this.villages);
        this.room = totals.clone();
        this.totalHouseholds = Arrays.stream(totals).sum();
        this.roomLeft = totalHouseholds;
    }

    private static int[] totalsOf(List<Village> villages) {
        return villages.stream()
                .mapToInt(v -> DemoVillageStatistics.of(v.code()).totalHouseholds())
                .toArray();
    }

    /**
     * The next household's village: in proportion to the households each village still has without
     * a file, so none gets more than its total; once every village is full, in proportion to its total.
     */
    private Village village() {
        boolean full = roomLeft == 0;
        int[] weights = full ? totals : room;
        int r = random.nextInt(full ? totalHouseholds : roomLeft);
        int i = 0;
        while (r >= weights[i]) {
            r -= weights[i++];
        }
        if (!full) {
            room[i]--;
            roomLeft--;
        }
        return villages.get(i);
    }

    /** The villages of a county (6 digits) or of some of its townships (9 digits each), from the shipped division data. */
    public static List<Village> villagesOf(String county, List<String> townships) {
        try (Stream<Division> villages = DivisionFiles.read(DivisionFiles.Level.VILLAGE)) {
            return villages.filter(v ->
                            v.code().startsWith(county) && (townships.isEmpty() || townships.contains(v.parentCode())))
                    .map(v -> new Village(v.code(), v.name(), v.parentCode()))
                    .toList();
        }
    }

    public HouseholdFile next() {
        Village village = village();
        int size = pick(new int[] {1, 2, 3, 4, 5, 6}, new double[] {0.10, 0.25, 0.28, 0.20, 0.12, 0.05});
        boolean headMale = random.nextDouble() < 0.85;
        int headAge = clamp((int) Math.round(52 + 12 * random.nextGaussian()), 22, 85);
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        List<HouseholdFile.Member> members = new ArrayList<>();
        members.add(person(surname, Relation.HEAD, headMale, headAge));
        if (size >= 2 && random.nextDouble() < 0.85) {
            members.add(person(
                    SURNAMES[random.nextInt(SURNAMES.length)],
                    Relation.SPOUSE,
                    !headMale,
                    clamp(headAge + (headMale ? -2 : 2) + random.nextInt(5) - 2, 20, 90)));
        }
        if (members.size() < size && headAge < 45 && random.nextDouble() < 0.35) {
            members.add(person(surname, Relation.PARENT, random.nextBoolean(), headAge + 24 + random.nextInt(8)));
        }
        while (members.size() < size) {
            int childAge = headAge - 23 - random.nextInt(12);
            if (childAge >= 1) {
                members.add(person(surname, Relation.CHILD, random.nextBoolean(), childAge));
            } else if (headAge >= 60) {
                members.add(person(surname, Relation.GRANDCHILD, random.nextBoolean(), 1 + random.nextInt(15)));
            } else {
                members.add(person(surname, Relation.OTHER, random.nextBoolean(), 18 + random.nextInt(50)));
            }
        }
        MainBusiness business = pick(MainBusiness.values(), new double[] {0.30, 0.08, 0.12, 0.15, 0.10, 0.25});
        String source = "入户调查";
        BigDecimal scale = switch (business) {
            case PLANTING -> mu(logNormal(8, 0.9));
            case BREEDING -> BigDecimal.valueOf(Math.round(logNormal(60, 1.0)));
            default -> null;
        };
        String unit = business == MainBusiness.PLANTING ? "亩" : business == MainBusiness.BREEDING ? "头" : null;
        List<String> skills = random.nextDouble() < 0.2
                ? List.of(pick(
                        new String[] {"农艺工", "电工", "厨师", "驾驶员", "农机操作", "茶艺师"},
                        new double[] {0.3, 0.15, 0.15, 0.2, 0.1, 0.1}))
                : List.of();
        var production = new HouseholdFile.Production(
                business,
                scale,
                unit,
                clamp((int) Math.round(Math.min(headAge - 18, 8 + 8 * Math.abs(random.nextGaussian()))), 0, 60),
                skills,
                asOf,
                source);
        var land = new HouseholdFile.Land(
                mu(logNormal(3, 0.6)),
                business == MainBusiness.PLANTING && random.nextDouble() < 0.4
                        ? mu(logNormal(10, 1.0))
                        : BigDecimal.ZERO,
                asOf,
                source);
        var assets = new HouseholdFile.Assets(
                yuan(logNormal(400_000, 0.6)),
                business == MainBusiness.PLANTING || business == MainBusiness.BREEDING
                        ? yuan(logNormal(20_000, 1.0))
                        : 0L,
                random.nextDouble() < 0.6 ? yuan(logNormal(80_000, 0.6)) : 0L,
                business == MainBusiness.BREEDING ? yuan(logNormal(60_000, 1.0)) : 0L,
                yuan(logNormal(80_000, 1.1)),
                asOf,
                source);
        long businessIncome = business == MainBusiness.MIGRANT_WORK ? 0L : yuan(logNormal(90_000, 0.7));
        long wages = business == MainBusiness.MIGRANT_WORK
                ? yuan(logNormal(75_000, 0.5))
                : random.nextDouble() < 0.4 ? yuan(logNormal(40_000, 0.6)) : 0L;
        var income = new HouseholdFile.IncomeAndExpenses(
                businessIncome,
                wages,
                headAge >= 60 ? yuan(logNormal(12_000, 0.5)) : yuan(logNormal(2_000, 0.8)),
                yuan(businessIncome * (0.3 + 0.3 * random.nextDouble())),
                yuan(logNormal(15_000 * size, 0.4)),
                asOf,
                source);
        var liabilities = new HouseholdFile.Liabilities(
                random.nextDouble() < 0.35 ? yuan(logNormal(100_000, 0.8)) : 0L,
                random.nextDouble() < 0.10 ? yuan(logNormal(30_000, 0.8)) : 0L,
                random.nextDouble() < 0.05 ? yuan(logNormal(100_000, 0.6)) : 0L,
                asOf,
                source);
        var social = new HouseholdFile.Social(
                random.nextDouble() < 0.08,
                random.nextDouble() < 0.03,
                random.nextDouble() < 0.04,
                Math.min(365, (int) Math.round(Math.abs(random.nextGaussian()) * 3)),
                asOf,
                source);
        List<HouseholdFile.PublicOrderFact> order = new ArrayList<>();
        addFact(order, 0.02, HouseholdFile.PublicOrderKind.VILLAGE_RULE_VIOLATION, "村委会", "违反村规民约（乱堆乱放）");
        addFact(order, 0.005, HouseholdFile.PublicOrderKind.PUBLIC_SECURITY_PENALTY, "派出所", "治安警告");
        addFact(order, 0.003, HouseholdFile.PublicOrderKind.COURT_ENFORCEMENT, "余姚市人民法院", "民间借贷纠纷执行");
        addFact(order, 0.001, HouseholdFile.PublicOrderKind.DISHONEST_DEBTOR, "余姚市人民法院", "列入失信被执行人名单");
        return new HouseholdFile(
                village.code(),
                village.name().replace("村民委员会", "村").replace("委会", "") + (1 + random.nextInt(300)) + "号",
                mobile(),
                clamp(headAge - random.nextInt(20), 0, 85),
                members,
                production,
                land,
                assets,
                income,
                liabilities,
                social,
                order);
    }

    private void addFact(
            List<HouseholdFile.PublicOrderFact> order,
            double probability,
            HouseholdFile.PublicOrderKind kind,
            String source,
            String description) {
        if (random.nextDouble() < probability) {
            order.add(new HouseholdFile.PublicOrderFact(
                    kind,
                    asOf.minusDays(30 + random.nextInt(1500)),
                    source,
                    description,
                    kind == HouseholdFile.PublicOrderKind.DISHONEST_DEBTOR || random.nextDouble() < 0.2));
        }
    }

    private HouseholdFile.Member person(String surname, Relation relation, boolean male, int age) {
        age = clamp(age, 0, 100);
        LocalDate born = asOf.minusYears(age).minusDays(random.nextInt(365));
        String id = residentId(born, male);
        ResidentId parsed = ResidentId.parse(id, asOf).id().orElseThrow();
        int realAge = parsed.ageOn(asOf);
        Education education = realAge < 7
                ? Education.NONE
                : realAge < 13
                        ? Education.PRIMARY
                        : realAge < 16
                                ? Education.JUNIOR_HIGH
                                : pick(
                                        Education.values(),
                                        realAge >= 60
                                                ? new double[] {0.15, 0.45, 0.30, 0.08, 0.01, 0.01, 0.0}
                                                : realAge >= 40
                                                        ? new double[] {0.02, 0.20, 0.45, 0.18, 0.08, 0.05, 0.02}
                                                        : new double[] {0.0, 0.03, 0.25, 0.20, 0.17, 0.20, 0.15});
        HouseholdFile.Health health = pick(
                HouseholdFile.Health.values(),
                realAge >= 65
                        ? new double[] {0.45, 0.25, 0.22, 0.05, 0.03}
                        : new double[] {0.85, 0.09, 0.04, 0.015, 0.005});
        HouseholdFile.LabourStatus labour = realAge < 16 || realAge >= 75
                ? HouseholdFile.LabourStatus.NONE
                : realAge >= 60 || health.compareTo(HouseholdFile.Health.CHRONIC_ILLNESS) >= 0
                        ? HouseholdFile.LabourStatus.PARTIAL
                        : HouseholdFile.LabourStatus.FULL;
        String occupation = realAge < 18
                ? "学生"
                : realAge >= 70
                        ? "无"
                        : pick(new String[] {"务农", "务工", "个体经营", "养殖", "其他"}, new double[] {0.4, 0.3, 0.15, 0.05, 0.1});
        String[] given = male ? MALE : FEMALE;
        String name = surname
                + given[random.nextInt(given.length)]
                + (random.nextDouble() < 0.6 ? given[random.nextInt(given.length)] : "");
        return new HouseholdFile.Member(
                name, relation, id, parsed.sex(), parsed.birthDate(), education, health, occupation, labour);
    }

    /** A valid resident ID, never repeated in this run: the county's code, the birth date, a sequence whose parity is the sex. */
    String residentId(LocalDate born, boolean male) {
        LocalDate day = born;
        while (true) {
            int index = (int) (day.toEpochDay() - BIRTH_EPOCH.toEpochDay());
            if (index >= 0 && index < issued.length && issued[index][male ? 1 : 0] < 500) {
                int k = (issued[index][male ? 1 : 0]++ + sequenceOffset) % 500;
                String first17 =
                        county + day.toString().replace("-", "") + String.format("%03d", 2 * k + (male ? 1 : 0));
                return first17 + ResidentId.checkCharacter(first17);
            }
            day = day.minusDays(1);
        }
    }

    private String mobile() {
        return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
                + String.format("%08d", random.nextInt(100_000_000));
    }

    private double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    private static long yuan(double value) {
        return Math.min(50_000_000L, Math.max(0L, Math.round(value / 100.0) * 100));
    }

    private static BigDecimal mu(double value) {
        return BigDecimal.valueOf(Math.min(5_000, value)).setScale(1, RoundingMode.HALF_UP);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private <T> T pick(T[] values, double[] weights) {
        double r = random.nextDouble() * Arrays.stream(weights).sum();
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private int pick(int[] values, double[] weights) {
        return pick(Arrays.stream(values).boxed().toArray(Integer[]::new), weights);
    }

    /** Writes {@code count} households in the import template's CSV format, streaming. */
    public void writeCsv(OutputStream out, long count) throws IOException {
        try (CsvRows rows = new CsvRows(out, ImportTemplate.HEADERS)) {
            for (long i = 0; i < count; i++) {
                for (List<String> row : ImportTemplate.toRows(next())) {
                    rows.write(row);
                }
            }
        }
    }

    /**
     * {@code --households N} per file, {@code --seed S}, {@code --county 330281},
     * {@code --townships 330281100,330281106} (one file per township when {@code --out} holds
     * {@code {township}}), {@code --as-of YYYY-MM-DD}, {@code --out FILE}.
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "--households",
                "1000",
                "--seed",
                "42",
                "--county",
                "330281",
                "--townships",
                "",
                "--as-of",
                "2026-03-31",
                "--out",
                "households.csv"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        long count = Long.parseLong(options.get("--households"));
        long seed = Long.parseLong(options.get("--seed"));
        LocalDate asOf = LocalDate.parse(options.get("--as-of"));
        String county = options.get("--county");
        List<String> townships = options.get("--townships").isBlank()
                ? List.of()
                : List.of(options.get("--townships").split(","));
        String out = options.get("--out");
        if (out.contains("{township}") && !townships.isEmpty()) {
            // one generator for all files: resident IDs stay unique across them
            List<Village> all = villagesOf(county, townships);
            DemoHouseholds generator = new DemoHouseholds(all, seed, asOf);
            for (String township : townships) {
                List<Village> own =
                        all.stream().filter(v -> v.township().equals(township)).toList();
                DemoHouseholds forTownship = generator.restrictedTo(own);
                write(forTownship, Path.of(out.replace("{township}", township)), count);
            }
        } else {
            write(new DemoHouseholds(villagesOf(county, townships), seed, asOf), Path.of(out), count);
        }
    }

    private DemoHouseholds(DemoHouseholds shared, List<Village> villages) {
        if (villages.isEmpty()) {
            throw new IllegalArgumentException("no villages to generate households for");
        }
        this.villages = List.copyOf(villages);
        this.totals = totalsOf(this.villages);
        this.room = totals.clone();
        this.totalHouseholds = Arrays.stream(totals).sum();
        this.roomLeft = totalHouseholds;
        this.random = shared.random;
        this.asOf = shared.asOf;
        this.county = shared.county;
        this.issued = shared.issued;
        this.sequenceOffset = shared.sequenceOffset;
    }

    /** The same random stream and issued IDs, for other villages, each with its whole total still to fill. */
    public DemoHouseholds restrictedTo(List<Village> villages) {
        return new DemoHouseholds(this, villages);
    }

    private static void write(DemoHouseholds generator, Path file, long count) throws IOException {
        long started = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            generator.writeCsv(out, count);
        }
        System.out.printf("%s: %d households in %.1f s%n", file, count, (System.nanoTime() - started) / 1e9);
    }
}
