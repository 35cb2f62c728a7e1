package org.ruralcredit.importfile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.importfile.HouseholdFile.Education;
import org.ruralcredit.importfile.HouseholdFile.Health;
import org.ruralcredit.importfile.HouseholdFile.LabourStatus;
import org.ruralcredit.importfile.HouseholdFile.MainBusiness;
import org.ruralcredit.importfile.HouseholdFile.PublicOrderKind;
import org.ruralcredit.importfile.HouseholdFile.Relation;

/**
 * The bulk-import template (导入模板): one row per person, Chinese column headers, the household
 * keyed by the head's resident ID. The head's row carries the household's columns; member rows
 * follow it. Officials fill this in a spreadsheet today, so values are the words they use
 * (种植, 户主, 是/否), which this class maps to the file's enums. Plain Java, no I/O. The
 * contract between who writes import files (the demo generator, the registry's template) and who
 * reads them (the registry's TemplateReader).
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

    /**
     * The rows of one household in template order, head first: what an import file holds for
     * this file. The inverse of the registry's reading; the demo generator and the template use it.
     */
    @SuppressWarnings("ReferenceEquality") // the head itself, not another member with the same facts
    public static List<List<String>> toRows(HouseholdFile file) {
        HouseholdFile.Member head = file.head();
        List<HouseholdFile.Member> members = new ArrayList<>();
        members.add(head);
        file.members().stream().filter(m -> m != head).forEach(members::add);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(members.size(), file.publicOrder().size()); i++) {
            Map<Column, String> cells = new EnumMap<>(Column.class);
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
        return Collections.unmodifiableMap(map);
    }

    private ImportTemplate() {}
}
