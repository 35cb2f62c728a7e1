package org.ruralcredit.console.view;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The candidates of an award check as an agency clerk gives them: a CSV file (saved by Excel or
 * WPS, in UTF-8 or the Chinese GB18030/GBK, with or without a header row, any column) or IDs typed
 * one per line. Each candidate keeps where it came from (line of the file or of the typing) and,
 * when it cannot be a resident ID, why — before anything is sent to the platform.
 */
public final class AwardIds {

    /** Where a candidate was given. */
    public enum Origin {
        FILE,
        TYPED
    }

    /** Why a value is not sent: not 18 characters of digits (and a final X), a wrong check digit, or a number Excel rewrote. */
    public enum Problem {
        NOT_AN_ID,
        CHECK_DIGIT,
        EXCEL_NUMBER
    }

    public record Candidate(Origin origin, int line, String value, Problem problem) {
        public boolean sendable() {
            return problem == null;
        }
    }

    private static final Set<String> HEADERS = Set.of(
            "身份证号", "身份证号码", "公民身份号码", "户主身份证号", "户主身份证号码", "证件号码", "residentid", "resident_id", "resident id", "id");
    private static final Pattern ID = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern ID_LIKE = Pattern.compile("\\d{15,18}[\\dXx]?");
    /** What Excel shows of an 18-digit number: 3.30281E+17. */
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[Ee]\\+\\d+");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private AwardIds() {}

    /** The file's text: UTF-8 (a BOM is dropped) when it is valid UTF-8, else GB18030 as Excel saves "CSV" on Chinese Windows. */
    public static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /**
     * The candidates of a CSV file: the column headed 身份证号 (or a like name) when there is a
     * header; otherwise the first column in which some row holds an 18-digit ID. Blank cells are
     * left out; every other cell of that column is a candidate, numbered by its line in the file.
     */
    public static List<Candidate> fromCsv(String text) {
        List<List<String>> rows = rows(text);
        int column = -1;
        int first = 0;
        if (!rows.isEmpty()) {
            List<String> header = rows.get(0);
            for (int i = 0; i < header.size(); i++) {
                if (HEADERS.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
                    column = i;
                    first = 1;
                    break;
                }
            }
        }
        if (column < 0) {
            column = idColumn(rows);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int r = first; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String cell = column < row.size() ? clean(row.get(column)) : "";
            if (cell.isEmpty()
                    || (r == 0
                            && !looksLikeAnId(cell)
                            && !SCIENTIFIC.matcher(cell).matches())) {
                continue; // a blank cell, or a header row of another wording
            }
            candidates.add(candidate(Origin.FILE, r + 1, cell));
        }
        return candidates;
    }

    /** The candidates typed one per line (commas, semicolons and spaces between IDs also separate them). */
    public static List<Candidate> fromLines(String typed) {
        List<Candidate> candidates = new ArrayList<>();
        if (typed == null) {
            return candidates;
        }
        String[] lines = typed.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            for (String part : lines[i].split("[,，;；\\s\\t]+")) {
                String value = clean(part);
                if (!value.isEmpty()) {
                    candidates.add(candidate(Origin.TYPED, i + 1, value));
                }
            }
        }
        return candidates;
    }

    /** {@code 330281********1234}, as the platform masks an ID; a value that is no ID is shown as given. */
    public static String mask(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            return value == null ? "" : value;
        }
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    static Candidate candidate(Origin origin, int line, String value) {
        String id = value.toUpperCase(Locale.ROOT);
        if (SCIENTIFIC.matcher(value).matches()) {
            return new Candidate(origin, line, value, Problem.EXCEL_NUMBER);
        }
        if (!ID.matcher(id).matches()) {
            return new Candidate(origin, line, value, Problem.NOT_AN_ID);
        }
        if (checkCharacter(id) != id.charAt(17)) {
            return new Candidate(origin, line, id, Problem.CHECK_DIGIT);
        }
        return new Candidate(origin, line, id, null);
    }

    static char checkCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static boolean looksLikeAnId(String cell) {
        return ID_LIKE.matcher(cell).matches();
    }

    private static int idColumn(List<List<String>> rows) {
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = clean(row.get(i));
                if (looksLikeAnId(cell) || SCIENTIFIC.matcher(cell).matches()) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** A cell without the quotes, spaces and the apostrophe or tab Excel users put before a long number. */
    private static String clean(String cell) {
        String value = cell.strip();
        while (value.startsWith("'") || value.startsWith("\t") || value.startsWith("=")) {
            value = value.substring(1).strip();
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value;
    }

    /** CSV rows: commas (or semicolons or tabs, when the first line has no comma), double quotes with "" inside. */
    static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        String first =
                Arrays.stream(lines).filter(l -> !l.isBlank()).findFirst().orElse("");
        char separator = first.indexOf(',') >= 0
                ? ','
                : first.indexOf(';') >= 0 ? ';' : first.strip().indexOf('\t') >= 0 ? '\t' : ',';
        for (String line : lines) {
            if (line.isBlank()) {
                rows.add(List.of());
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == separator) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    /** A cell of a CSV the console writes: quoted when needed, and never read by a spreadsheet as a formula. */
    public static String csvCell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
