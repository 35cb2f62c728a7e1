package org.ruralcredit.registry.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.importfile.ImportTemplate;
import org.ruralcredit.importfile.ImportTemplate.Column;

import static org.ruralcredit.importfile.ImportTemplate.BUSINESS;
import static org.ruralcredit.importfile.ImportTemplate.EDUCATION;
import static org.ruralcredit.importfile.ImportTemplate.HEADERS;
import static org.ruralcredit.importfile.ImportTemplate.HEALTH;
import static org.ruralcredit.importfile.ImportTemplate.LABOUR;
import static org.ruralcredit.importfile.ImportTemplate.ORDER_KINDS;
import static org.ruralcredit.importfile.ImportTemplate.RELATIONS;
import static org.ruralcredit.importfile.ImportTemplate.SEXES;

/**
 * Reads the bulk-import template ({@link ImportTemplate}, the import file's contract): rows to
 * households, cell errors by line and column, and the checker's field errors mapped back to the
 * spreadsheet's cells. Plain Java, no I/O.
 */
public final class TemplateReader {

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

    private TemplateReader() {}

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

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern YUAN = Pattern.compile("-?\\d{1,15}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,9}(\\.\\d{1,4})?");
    private static final Pattern MEMBER = Pattern.compile("^members\\[(\\d+)]\\.?(.*)$");
    private static final Pattern ORDER = Pattern.compile("^publicOrder\\[(\\d+)]\\.?(.*)$");

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
