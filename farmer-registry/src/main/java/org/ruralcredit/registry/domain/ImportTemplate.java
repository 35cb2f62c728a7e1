package org.ruralcredit.registry.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.registry.domain.HouseholdFile.Education;
import org.ruralcredit.registry.domain.HouseholdFile.Health;
import org.ruralcredit.registry.domain.HouseholdFile.LabourStatus;
import org.ruralcredit.registry.domain.HouseholdFile.MainBusiness;
import org.ruralcredit.registry.domain.HouseholdFile.PublicOrderKind;
import org.ruralcredit.registry.domain.HouseholdFile.Relation;

/**
 * The bulk-import template (导入模板): one row per person, Chinese column headers, the household
 * keyed by the head's resident ID. The head's row carries the household's columns; member rows
 * follow it. Officials fill this in a spreadsheet today, so values are the words they use
 * (种植, 户主, 是/否), which this class maps to the file's enums. Plain Java, no I/O.
 */
public final class ImportTemplate {

    /** Every column, in template order. The header text is the contract; the order is not. */
    public enum Column {
        HEAD_ID("户主身份证号", "household key: the head's 18-character resident ID, the same on every row of the household"),
        RELATION("与户主关系", "户主/配偶/子女/父母/兄弟姐妹/孙子女/其他"),
        NAME("姓名", "the person's name"),
        RESIDENT_ID("身份证号", "the person's 18-character resident ID (GB 11643)"),
        SEX("性别", "男/女, optional; checked against the resident ID"),
        BIRTH_DATE("出生日期", "YYYY-MM-DD, optional; checked against the resident ID"),
        EDUCATION("文化程度", "文盲/小学/初中/高中/中专/大专/本科及以上"),
        HEALTH("健康状况", "健康/一般/慢性病/残疾/重病"),
        OCCUPATION("职业", "free text"),
        LABOUR("劳动力状况", "全劳力/半劳力/无劳力"),
        VILLAGE_CODE("村代码", "head's row: the 12-digit statistical village code"),
        ADDRESS("住址", "head's row: address"),
        PHONE("联系电话", "head's row: mobile or landline"),
        YEARS_RESIDENT("居住年限", "head's row: whole years"),
        MAIN_BUSINESS("主业", "head's row: 种植/养殖/加工/商贸/服务/务工"),
        SCALE("经营规模", "head's row: number, e.g. mu of crops or head of livestock"),
        SCALE_UNIT("规模单位", "head's row: 亩/头/只/吨..."),
        YEARS_EXPERIENCE("从业年限", "head's row: whole years"),
        SKILLS("技能证书", "head's row: skills and certificates, separated by ；or ;"),
        CONTRACTED_MU("承包地亩数", "head's row: contracted land, mu"),
        TRANSFERRED_MU("流转入亩数", "head's row: land transferred in, mu"),
        HOUSING("住房价值", "head's row: whole yuan"),
        MACHINERY("农机价值", "head's row: whole yuan"),
        VEHICLES("车辆价值", "head's row: whole yuan"),
        LIVESTOCK("畜禽价值", "head's row: whole yuan"),
        DEPOSITS("存款", "head's row: whole yuan"),
        BUSINESS_INCOME("经营收入", "head's row: yearly, whole yuan"),
        WAGE_INCOME("工资收入", "head's row: yearly, whole yuan"),
        TRANSFER_INCOME("转移收入", "head's row: yearly, whole yuan"),
        PRODUCTION_EXPENSES("生产支出", "head's row: yearly, whole yuan"),
        LIVING_EXPENSES("生活支出", "head's row: yearly, whole yuan"),
        BANK_LOANS("银行贷款", "head's row: outstanding, whole yuan"),
        PRIVATE_LOANS("民间借款", "head's row: outstanding, whole yuan"),
        GUARANTEES("对外担保", "head's row: guarantees given, whole yuan"),
        PARTY_MEMBER("党员户", "head's row: 是/否"),
        VILLAGE_CADRE("村干部户", "head's row: 是/否"),
        MILITARY_FAMILY("军属户", "head's row: 是/否"),
        WELFARE("公益活动次数", "head's row: public-welfare activities in the last year"),
        AS_OF("信息日期", "head's row: YYYY-MM-DD, the as-of date of every fact group above"),
        SOURCE("信息来源", "head's row: where the facts come from, e.g. 入户调查"),
        ORDER_KIND("公共秩序类型", "any row, optional, one fact per row: 违反村规民约/治安处罚/法院强制执行/失信被执行人/提供虚假信息"),
        ORDER_DATE("公共秩序日期", "YYYY-MM-DD, required with 公共秩序类型"),
        ORDER_SOURCE("公共秩序来源", "required with 公共秩序类型, e.g. 派出所, 法院"),
        ORDER_DESCRIPTION("公共秩序说明", "optional"),
        ORDER_ONGOING("公共秩序是否持续", "是/否");

        public final String header;
        public final String meaning;

        Column(String header, String meaning) {
            this.header = header;
            this.meaning = meaning;
        }

        /** The column's position in the template: the columns are declared in the template's order. */
        @SuppressWarnings("EnumOrdinal") // the declaration order is the template's column order, on purpose
        public int index() {
            return ordinal();
        }
    }

    public static final List<String> HEADERS =
            Arrays.stream(Column.values()).map(c -> c.header).toList();

    public static final Map<String, Relation> RELATIONS =
            words(Relation.values(), "户主", "配偶", "子女", "父母", "兄弟姐妹", "孙子女", "其他");
    public static final Map<String, Education> EDUCATION =
            words(Education.values(), "文盲", "小学", "初中", "高中", "中专", "大专", "本科及以上");
    public static final Map<String, Health> HEALTH = words(Health.values(), "健康", "一般", "慢性病", "残疾", "重病");
    public static final Map<String, LabourStatus> LABOUR = words(LabourStatus.values(), "全劳力", "半劳力", "无劳力");
    public static final Map<String, MainBusiness> BUSINESS =
            words(MainBusiness.values(), "种植", "养殖", "加工", "商贸", "服务", "务工");
    public static final Map<String, PublicOrderKind> ORDER_KINDS =
            words(PublicOrderKind.values(), "违反村规民约", "治安处罚", "法院强制执行", "失信被执行人", "提供虚假信息");
    public static final Map<String, ResidentId.Sex> SEXES = Map.of("男", ResidentId.Sex.M, "女", ResidentId.Sex.F);

    /** A data row: its line (the header is line 1, as a spreadsheet numbers it) and its cells by header. */
    public record Row(long line, Map<String, String> cells) {
        public String get(Column column) {
            String value = cells.get(column.header);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /**
     * One problem of one row, named by its template column: its code, the values its text names,
     * and the text in English as stored. Rows stored before their values were kept have no values.
     */
    public record RowError(long line, String column, String code, Map<String, Object> args, String reason) {

        /** The reason in {@code language}, written again from the code and values; the stored text when they are missing. */
        public String reasonIn(Language language) {
            if (code == null
                    || ProblemCatalogue.byCode(code).isEmpty()
                    || !args.keySet()
                            .containsAll(ProblemCatalogue.byCode(code).get().args())) {
                return reason;
            }
            return ProblemCatalogue.message(code, args, language);
        }

        public static RowError of(long line, String column, ProblemCode code, Object... args) {
            return of(line, column, code.code(), ProblemCatalogue.args(code, args));
        }

        public static RowError of(long line, String column, String code, Map<String, Object> args) {
            return new RowError(line, column, code, args, ProblemCatalogue.message(code, args, Language.EN));
        }
    }

    /** A household read from consecutive rows: the file when all rows parsed, else the errors. */
    public record Household(String key, List<Row> rows, HouseholdFile file, List<RowError> errors) {
        public boolean bad() {
            return !errors.isEmpty();
        }

        public long firstLine() {
            return rows.get(0).line();
        }
    }

    private ImportTemplate() {}

    /** Headers the template does not know, and template headers the file lacks; both empty when fine. */
    public record HeaderCheck(List<String> unknown, List<String> missing) {
        public boolean ok() {
            return unknown.isEmpty() && missing.isEmpty();
        }
    }

    public static HeaderCheck checkHeaders(List<String> headers) {
        List<String> cleaned =
                headers.stream().map(h -> h == null ? "" : h.strip()).toList();
        List<String> unknown =
                cleaned.stream().filter(h -> !HEADERS.contains(h)).toList();
        List<String> missing =
                HEADERS.stream().filter(h -> !cleaned.contains(h)).toList();
        return new HeaderCheck(unknown, missing);
    }

    /**
     * Builds one household from its rows (all with the same 户主身份证号). Cell errors (a word
     * that is not an allowed value, a number or date that does not parse) are collected; the
     * household's file is then null. Rules on the file itself are the checker's.
     */
    public static Household assemble(String key, List<Row> rows) {
        List<RowError> errors = new ArrayList<>();
        if (key == null) {
            rows.forEach(r ->
                    errors.add(RowError.of(r.line(), Column.HEAD_ID.header, RegistryCodes.IMPORT_HEAD_ID_REQUIRED)));
            return new Household(null, rows, null, errors);
        }
        List<Row> heads =
                rows.stream().filter(r -> "户主".equals(r.get(Column.RELATION))).toList();
        if (heads.isEmpty()) {
            rows.forEach(r -> errors.add(RowError.of(
                    r.line(), Column.RELATION.header, RegistryCodes.IMPORT_NO_HEAD_ROW, ResidentId.mask(key))));
            return new Household(key, rows, null, errors);
        }
        Row head = heads.get(0);
        // more public-order facts than people: further 户主 rows that repeat the head and carry only a fact
        List<Row> continuations =
                heads.stream().skip(1).filter(r -> isContinuation(key, r)).toList();
        heads.stream()
                .skip(1)
                .filter(r -> !continuations.contains(r))
                .forEach(r -> errors.add(RowError.of(
                        r.line(),
                        Column.RELATION.header,
                        RegistryCodes.IMPORT_SEVERAL_HEAD_ROWS,
                        ResidentId.mask(key))));
        // the head's row first, so members[i] is rows[i] and errors map back to lines; continuations last
        List<Row> ordered = new ArrayList<>(rows.size());
        ordered.add(head);
        rows.stream()
                .filter(r -> !r.equals(head) && !continuations.contains(r))
                .forEach(ordered::add); // a row's line is its own
        int memberRows = ordered.size();
        ordered.addAll(continuations);

        Cells h = new Cells(head, errors);
        if (h.text(Column.RESIDENT_ID) != null && !key.equalsIgnoreCase(h.text(Column.RESIDENT_ID))) {
            errors.add(RowError.of(head.line(), Column.RESIDENT_ID.header, RegistryCodes.IMPORT_HEAD_ID_DIFFERS));
        }
        List<HouseholdFile.Member> members = new ArrayList<>();
        List<HouseholdFile.PublicOrderFact> order = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Row row = ordered.get(i);
            Cells c = new Cells(row, errors);
            if (i < memberRows) {
                members.add(new HouseholdFile.Member(
                        c.text(Column.NAME),
                        c.word(Column.RELATION, RELATIONS),
                        c.text(Column.RESIDENT_ID),
                        c.word(Column.SEX, SEXES),
                        c.date(Column.BIRTH_DATE),
                        c.word(Column.EDUCATION, EDUCATION),
                        c.word(Column.HEALTH, HEALTH),
                        c.text(Column.OCCUPATION),
                        c.word(Column.LABOUR, LABOUR)));
            }
            if (c.any(Column.ORDER_KIND, Column.ORDER_DATE, Column.ORDER_SOURCE, Column.ORDER_DESCRIPTION)) {
                order.add(new HouseholdFile.PublicOrderFact(
                        c.word(Column.ORDER_KIND, ORDER_KINDS),
                        c.date(Column.ORDER_DATE),
                        c.text(Column.ORDER_SOURCE),
                        c.text(Column.ORDER_DESCRIPTION),
                        c.yesNo(Column.ORDER_ONGOING)));
            }
        }
        LocalDate asOf = h.date(Column.AS_OF);
        String source = h.text(Column.SOURCE);
        HouseholdFile.Production production = h.any(Column.MAIN_BUSINESS, Column.SCALE, Column.YEARS_EXPERIENCE)
                ? new HouseholdFile.Production(
                        h.word(Column.MAIN_BUSINESS, BUSINESS),
                        h.decimal(Column.SCALE),
                        h.text(Column.SCALE_UNIT),
                        h.integer(Column.YEARS_EXPERIENCE),
                        h.list(Column.SKILLS),
                        asOf,
                        source)
                : null;
        HouseholdFile.Land land = h.any(Column.CONTRACTED_MU, Column.TRANSFERRED_MU)
                ? new HouseholdFile.Land(
                        h.decimal(Column.CONTRACTED_MU), h.decimal(Column.TRANSFERRED_MU), asOf, source)
                : null;
        HouseholdFile.Assets assets =
                h.any(Column.HOUSING, Column.MACHINERY, Column.VEHICLES, Column.LIVESTOCK, Column.DEPOSITS)
                        ? new HouseholdFile.Assets(
                                h.yuan(Column.HOUSING),
                                h.yuan(Column.MACHINERY),
                                h.yuan(Column.VEHICLES),
                                h.yuan(Column.LIVESTOCK),
                                h.yuan(Column.DEPOSITS),
                                asOf,
                                source)
                        : null;
        HouseholdFile.IncomeAndExpenses income = h.any(
                        Column.BUSINESS_INCOME,
                        Column.WAGE_INCOME,
                        Column.TRANSFER_INCOME,
                        Column.PRODUCTION_EXPENSES,
                        Column.LIVING_EXPENSES)
                ? new HouseholdFile.IncomeAndExpenses(
                        h.yuan(Column.BUSINESS_INCOME),
                        h.yuan(Column.WAGE_INCOME),
                        h.yuan(Column.TRANSFER_INCOME),
                        h.yuan(Column.PRODUCTION_EXPENSES),
                        h.yuan(Column.LIVING_EXPENSES),
                        asOf,
                        source)
                : null;
        HouseholdFile.Liabilities liabilities = h.any(Column.BANK_LOANS, Column.PRIVATE_LOANS, Column.GUARANTEES)
                ? new HouseholdFile.Liabilities(
                        h.yuan(Column.BANK_LOANS),
                        h.yuan(Column.PRIVATE_LOANS),
                        h.yuan(Column.GUARANTEES),
                        asOf,
                        source)
                : null;
        HouseholdFile.Social social =
                h.any(Column.PARTY_MEMBER, Column.VILLAGE_CADRE, Column.MILITARY_FAMILY, Column.WELFARE)
                        ? new HouseholdFile.Social(
                                h.yesNo(Column.PARTY_MEMBER),
                                h.yesNo(Column.VILLAGE_CADRE),
                                h.yesNo(Column.MILITARY_FAMILY),
                                h.integer(Column.WELFARE),
                                asOf,
                                source)
                        : null;
        HouseholdFile file = new HouseholdFile(
                h.text(Column.VILLAGE_CODE),
                h.text(Column.ADDRESS),
                h.text(Column.PHONE),
                h.integer(Column.YEARS_RESIDENT),
                members,
                production,
                land,
                assets,
                income,
                liabilities,
                social,
                order);
        return new Household(key, ordered, errors.isEmpty() ? file : null, errors);
    }

    /** A further 户主 row of the same head with no person data of its own: it only carries a public-order fact. */
    private static boolean isContinuation(String key, Row row) {
        String id = row.get(Column.RESIDENT_ID);
        boolean samePerson = id == null || key.equalsIgnoreCase(id);
        boolean noPersonData = Stream.of(
                        Column.SEX,
                        Column.BIRTH_DATE,
                        Column.EDUCATION,
                        Column.HEALTH,
                        Column.OCCUPATION,
                        Column.LABOUR)
                .allMatch(c -> row.get(c) == null);
        boolean carriesFact = Stream.of(
                        Column.ORDER_KIND, Column.ORDER_DATE, Column.ORDER_SOURCE, Column.ORDER_DESCRIPTION)
                .anyMatch(c -> row.get(c) != null);
        return samePerson && noPersonData && carriesFact;
    }

    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?\\d{1,9}");
    private static final java.util.regex.Pattern YUAN = java.util.regex.Pattern.compile("-?\\d{1,15}");
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?\\d{1,9}(\\.\\d{1,4})?");
    private static final java.util.regex.Pattern MEMBER =
            java.util.regex.Pattern.compile("^members\\[(\\d+)]\\.?(.*)$");
    private static final java.util.regex.Pattern ORDER =
            java.util.regex.Pattern.compile("^publicOrder\\[(\\d+)]\\.?(.*)$");

    private static final Map<String, Column> HOUSEHOLD_FIELDS = Map.ofEntries(
            Map.entry("villageCode", Column.VILLAGE_CODE),
            Map.entry("address", Column.ADDRESS),
            Map.entry("phone", Column.PHONE),
            Map.entry("yearsResident", Column.YEARS_RESIDENT),
            Map.entry("members", Column.RELATION),
            Map.entry("production.mainBusiness", Column.MAIN_BUSINESS),
            Map.entry("production.scale", Column.SCALE),
            Map.entry("production.scaleUnit", Column.SCALE_UNIT),
            Map.entry("production.yearsExperience", Column.YEARS_EXPERIENCE),
            Map.entry("production.skillsAndCertificates", Column.SKILLS),
            Map.entry("land.contractedMu", Column.CONTRACTED_MU),
            Map.entry("land.transferredInMu", Column.TRANSFERRED_MU),
            Map.entry("assets.housing", Column.HOUSING),
            Map.entry("assets.machinery", Column.MACHINERY),
            Map.entry("assets.vehicles", Column.VEHICLES),
            Map.entry("assets.livestock", Column.LIVESTOCK),
            Map.entry("assets.deposits", Column.DEPOSITS),
            Map.entry("income.businessIncome", Column.BUSINESS_INCOME),
            Map.entry("income.wageIncome", Column.WAGE_INCOME),
            Map.entry("income.transferIncome", Column.TRANSFER_INCOME),
            Map.entry("income.productionExpenses", Column.PRODUCTION_EXPENSES),
            Map.entry("income.livingExpenses", Column.LIVING_EXPENSES),
            Map.entry("liabilities.bankLoans", Column.BANK_LOANS),
            Map.entry("liabilities.privateLoans", Column.PRIVATE_LOANS),
            Map.entry("liabilities.guaranteesGiven", Column.GUARANTEES),
            Map.entry("social.partyMember", Column.PARTY_MEMBER),
            Map.entry("social.villageCadre", Column.VILLAGE_CADRE),
            Map.entry("social.militaryFamily", Column.MILITARY_FAMILY),
            Map.entry("social.publicWelfareActivities", Column.WELFARE));

    private static final Map<String, Column> MEMBER_FIELDS = Map.of(
            "name",
            Column.NAME,
            "relation",
            Column.RELATION,
            "residentId",
            Column.RESIDENT_ID,
            "sex",
            Column.SEX,
            "birthDate",
            Column.BIRTH_DATE,
            "education",
            Column.EDUCATION,
            "health",
            Column.HEALTH,
            "occupation",
            Column.OCCUPATION,
            "labourStatus",
            Column.LABOUR);

    private static final Map<String, Column> ORDER_FIELDS = Map.of(
            "kind",
            Column.ORDER_KIND,
            "date",
            Column.ORDER_DATE,
            "source",
            Column.ORDER_SOURCE,
            "description",
            Column.ORDER_DESCRIPTION);

    /**
     * Maps a field path of the file's checker (members[2].residentId, assets.housing) back to the
     * row and template column an official can find in their spreadsheet, with the field's code.
     */
    public static RowError locate(Household household, Problem.FieldError error) {
        String fieldPath = error.field();
        long headLine = household.rows().get(0).line();
        Matcher member = MEMBER.matcher(fieldPath);
        if (member.matches()) {
            int index = Integer.parseInt(member.group(1));
            long line = index < household.rows().size()
                    ? household.rows().get(index).line()
                    : headLine;
            Column column = MEMBER_FIELDS.get(member.group(2));
            return RowError.of(line, column != null ? column.header : Column.NAME.header, error.code(), error.args());
        }
        Matcher order = ORDER.matcher(fieldPath);
        if (order.matches()) {
            Column column = ORDER_FIELDS.get(order.group(2));
            long line = orderLine(household, Integer.parseInt(order.group(1)));
            return RowError.of(
                    line, column != null ? column.header : Column.ORDER_KIND.header, error.code(), error.args());
        }
        if (fieldPath.endsWith(".asOf")) {
            return RowError.of(headLine, Column.AS_OF.header, error.code(), error.args());
        }
        if (fieldPath.endsWith(".source")) {
            return RowError.of(headLine, Column.SOURCE.header, error.code(), error.args());
        }
        Column column = HOUSEHOLD_FIELDS.get(fieldPath.replaceAll("\\[\\d+]$", ""));
        return RowError.of(headLine, column != null ? column.header : fieldPath, error.code(), error.args());
    }

    private static long orderLine(Household household, int index) {
        int seen = 0;
        for (Row row : household.rows()) {
            if (row.get(Column.ORDER_KIND) != null
                    || row.get(Column.ORDER_DATE) != null
                    || row.get(Column.ORDER_SOURCE) != null
                    || row.get(Column.ORDER_DESCRIPTION) != null) {
                if (seen++ == index) {
                    return row.line();
                }
            }
        }
        return household.rows().get(0).line();
    }

    /**
     * The rows of one household in template order, head first: what an import file holds for
     * this file. The inverse of {@link #assemble}; the demo generator and the template use it.
     */
    @SuppressWarnings("ReferenceEquality") // the head itself, not another member with the same facts
    public static List<List<String>> toRows(HouseholdFile file) {
        HouseholdFile.Member head = file.head();
        List<HouseholdFile.Member> members = new ArrayList<>();
        members.add(head);
        file.members().stream().filter(m -> m != head).forEach(members::add);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(members.size(), file.publicOrder().size()); i++) {
            Map<Column, String> cells = new java.util.EnumMap<>(Column.class);
            HouseholdFile.Member member = i < members.size() ? members.get(i) : head;
            cells.put(Column.HEAD_ID, head.residentId());
            if (i < members.size()) {
                cells.put(Column.RELATION, wordOf(RELATIONS, member.relation()));
                cells.put(Column.NAME, member.name());
                cells.put(Column.RESIDENT_ID, member.residentId());
                cells.put(Column.SEX, member.sex() == null ? "" : member.sex() == ResidentId.Sex.M ? "男" : "女");
                cells.put(Column.BIRTH_DATE, text(member.birthDate()));
                cells.put(Column.EDUCATION, wordOf(EDUCATION, member.education()));
                cells.put(Column.HEALTH, wordOf(HEALTH, member.health()));
                cells.put(Column.OCCUPATION, member.occupation());
                cells.put(Column.LABOUR, wordOf(LABOUR, member.labourStatus()));
            } else {
                // more public-order facts than people: extra rows of the head carry them
                cells.put(Column.RELATION, "户主");
                cells.put(Column.NAME, head.name());
                cells.put(Column.RESIDENT_ID, head.residentId());
            }
            if (i == 0) {
                householdCells(file, cells);
            }
            if (i < file.publicOrder().size()) {
                HouseholdFile.PublicOrderFact fact = file.publicOrder().get(i);
                cells.put(Column.ORDER_KIND, wordOf(ORDER_KINDS, fact.kind()));
                cells.put(Column.ORDER_DATE, text(fact.date()));
                cells.put(Column.ORDER_SOURCE, fact.source());
                cells.put(Column.ORDER_DESCRIPTION, fact.description());
                cells.put(Column.ORDER_ONGOING, fact.ongoing() ? "是" : "否");
            }
            List<String> row = new ArrayList<>(Column.values().length);
            for (Column column : Column.values()) {
                String value = cells.get(column);
                row.add(value == null ? "" : value);
            }
            rows.add(row);
        }
        return rows;
    }

    private static void householdCells(HouseholdFile file, Map<Column, String> cells) {
        cells.put(Column.VILLAGE_CODE, file.villageCode());
        cells.put(Column.ADDRESS, file.address());
        cells.put(Column.PHONE, file.phone());
        cells.put(Column.YEARS_RESIDENT, text(file.yearsResident()));
        LocalDate asOf = null;
        String source = null;
        if (file.production() != null) {
            HouseholdFile.Production p = file.production();
            cells.put(Column.MAIN_BUSINESS, wordOf(BUSINESS, p.mainBusiness()));
            cells.put(Column.SCALE, p.scale() == null ? "" : p.scale().toPlainString());
            cells.put(Column.SCALE_UNIT, p.scaleUnit());
            cells.put(Column.YEARS_EXPERIENCE, text(p.yearsExperience()));
            cells.put(
                    Column.SKILLS,
                    p.skillsAndCertificates() == null ? "" : String.join("；", p.skillsAndCertificates()));
            asOf = p.asOf();
            source = p.source();
        }
        if (file.land() != null) {
            cells.put(Column.CONTRACTED_MU, file.land().contractedMu().toPlainString());
            cells.put(Column.TRANSFERRED_MU, file.land().transferredInMu().toPlainString());
            asOf = file.land().asOf();
            source = file.land().source();
        }
        if (file.assets() != null) {
            HouseholdFile.Assets a = file.assets();
            cells.put(Column.HOUSING, text(a.housing()));
            cells.put(Column.MACHINERY, text(a.machinery()));
            cells.put(Column.VEHICLES, text(a.vehicles()));
            cells.put(Column.LIVESTOCK, text(a.livestock()));
            cells.put(Column.DEPOSITS, text(a.deposits()));
            asOf = a.asOf();
            source = a.source();
        }
        if (file.income() != null) {
            HouseholdFile.IncomeAndExpenses in = file.income();
            cells.put(Column.BUSINESS_INCOME, text(in.businessIncome()));
            cells.put(Column.WAGE_INCOME, text(in.wageIncome()));
            cells.put(Column.TRANSFER_INCOME, text(in.transferIncome()));
            cells.put(Column.PRODUCTION_EXPENSES, text(in.productionExpenses()));
            cells.put(Column.LIVING_EXPENSES, text(in.livingExpenses()));
            asOf = in.asOf();
            source = in.source();
        }
        if (file.liabilities() != null) {
            HouseholdFile.Liabilities l = file.liabilities();
            cells.put(Column.BANK_LOANS, text(l.bankLoans()));
            cells.put(Column.PRIVATE_LOANS, text(l.privateLoans()));
            cells.put(Column.GUARANTEES, text(l.guaranteesGiven()));
            asOf = l.asOf();
            source = l.source();
        }
        if (file.social() != null) {
            HouseholdFile.Social s = file.social();
            cells.put(Column.PARTY_MEMBER, s.partyMember() ? "是" : "否");
            cells.put(Column.VILLAGE_CADRE, s.villageCadre() ? "是" : "否");
            cells.put(Column.MILITARY_FAMILY, s.militaryFamily() ? "是" : "否");
            cells.put(Column.WELFARE, text(s.publicWelfareActivities()));
            asOf = s.asOf();
            source = s.source();
        }
        // the template has one date and source for all fact groups of a household
        cells.put(Column.AS_OF, text(asOf));
        cells.put(Column.SOURCE, source);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** The template's words for an enum value, e.g. for writing a file. */
    public static <E extends Enum<E>> String wordOf(Map<String, E> words, E value) {
        if (value == null) {
            return "";
        }
        return words.entrySet().stream()
                .filter(e -> e.getValue() == value)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private static <E extends Enum<E>> Map<String, E> words(E[] values, String... words) {
        if (values.length != words.length) {
            throw new IllegalStateException("one word per value");
        }
        Map<String, E> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(words[i], values[i]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Reads typed values from one row, recording every cell that does not parse. */
    private static final class Cells {
        private final Row row;
        private final List<RowError> errors;

        Cells(Row row, List<RowError> errors) {
            this.row = row;
            this.errors = errors;
        }

        String text(Column column) {
            return row.get(column);
        }

        boolean any(Column... columns) {
            return Arrays.stream(columns).anyMatch(c -> row.get(c) != null);
        }

        <E> E word(Column column, Map<String, E> words) {
            return parse(column, words::get, RegistryCodes.IMPORT_CELL_WORD, List.copyOf(words.keySet()));
        }

        LocalDate date(Column column) {
            return parse(
                    column,
                    v -> {
                        try {
                            return LocalDate.parse(v);
                        } catch (DateTimeParseException e) {
                            return null;
                        }
                    },
                    RegistryCodes.IMPORT_CELL_DATE);
        }

        Integer integer(Column column) {
            return parse(
                    column,
                    v -> INTEGER.matcher(v).matches() ? Integer.valueOf(v) : null,
                    RegistryCodes.IMPORT_CELL_WHOLE_NUMBER);
        }

        Long yuan(Column column) {
            return parse(
                    column,
                    v -> {
                        String plain = v.replace(",", "");
                        return YUAN.matcher(plain).matches() ? Long.valueOf(plain) : null;
                    },
                    RegistryCodes.IMPORT_CELL_YUAN);
        }

        BigDecimal decimal(Column column) {
            return parse(
                    column,
                    v -> DECIMAL.matcher(v).matches() ? new BigDecimal(v) : null,
                    RegistryCodes.IMPORT_CELL_NUMBER);
        }

        boolean yesNo(Column column) {
            Boolean value = parse(
                    column,
                    v -> "是".equals(v) ? Boolean.TRUE : "否".equals(v) ? Boolean.FALSE : null,
                    RegistryCodes.IMPORT_CELL_YES_NO);
            return Boolean.TRUE.equals(value);
        }

        List<String> list(Column column) {
            String value = row.get(column);
            return value == null
                    ? List.of()
                    : Arrays.stream(value.split("[；;]"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }

        /** The value of a cell, or null and an error with {@code code}: its leading values, then the cell as written. */
        private <T> T parse(Column column, Function<String, T> parser, ProblemCode code, Object... leading) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            T parsed = parser.apply(value);
            if (parsed == null) {
                Object[] args = Arrays.copyOf(leading, leading.length + 1);
                args[leading.length] = shorten(value);
                errors.add(RowError.of(row.line(), column.header, code, args));
            }
            return parsed;
        }

        private static String shorten(String value) {
            return value.length() > 30 ? value.substring(0, 30) + "…" : value;
        }
    }
}
