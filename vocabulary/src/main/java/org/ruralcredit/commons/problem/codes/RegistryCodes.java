package org.ruralcredit.commons.problem.codes;

import org.ruralcredit.commons.problem.ProblemCode;

/** Codes farmer-registry answers. Texts in {@code registry.properties} and {@code registry_zh_CN.properties} beside this class. */
public enum RegistryCodes implements ProblemCode {
    BODY_JSON_REQUIRED("body.json-required", 400, "validation"),
    HOUSEHOLD_FILE_REQUIRED("household.file-required", 400, "validation"),
    HOUSEHOLD_EXPECTED_VERSION_REQUIRED("household.expected-version-required", 400, "validation"),
    HOUSEHOLD_FILE_INVALID("household.file-invalid", 400, "validation", "count"),
    HOUSEHOLD_ONE_HEAD("household.one-head", 400, "validation", "heads"),
    HOUSEHOLD_VILLAGE_UNKNOWN("household.village-unknown", 400, "validation"),
    /**
     * A person already in an active household, filed again (a field of a file or an import row) or
     * looked up outside the caller's division: one answer, which never says where.
     */
    PERSON_FILED_ELSEWHERE("person.filed-elsewhere", 409, "person-filed-elsewhere"),
    MEMBER_SEX_DISAGREES("member.sex-disagrees", 400, "validation", "sex"),
    MEMBER_BIRTH_DATE_DISAGREES("member.birth-date-disagrees", 400, "validation", "birthDate"),
    MEMBER_RESIDENT_ID_REPEATED("member.resident-id-repeated", 400, "validation", "index"),
    PHONE_INVALID("phone.invalid", 400, "validation"),
    HOUSEHOLD_HEAD_HAS_ACTIVE_FILE("household.head-has-active-file", 409, "household-exists"),
    HOUSEHOLD_ALREADY_CLOSED("household.already-closed", 409, "household-closed"),
    HOUSEHOLD_NOT_FOUND("household.not-found", 404, "not-found", "id"),
    HOUSEHOLD_VERSION_NOT_FOUND("household.version-not-found", 404, "not-found", "version"),
    HOUSEHOLD_HEAD_NOT_IN_DIVISION("household.head-not-in-division", 404, "not-found"),
    HOUSEHOLD_HEAD_NOT_FOUND("household.head-not-found", 404, "not-found"),
    HOUSEHOLD_OUTSIDE_DIVISION("household.outside-division", 403, "forbidden"),
    HOUSEHOLD_STALE_VERSION("household.stale-version", 409, "stale-version", "current", "expected"),
    DIVISION_CODE_FORMAT("division.code-format", 400, "validation"),
    DIVISION_QUERY_CODE("division.query-code", 400, "validation"),
    DIVISION_COVERAGE_CODE("division.coverage-code", 400, "validation"),
    DIVISION_NOT_FOUND("division.not-found", 404, "not-found", "code"),
    DIVISION_OUTSIDE_SCOPE("division.outside-scope", 403, "forbidden", "division"),
    VILLAGE_NOT_FOUND("village.not-found", 404, "not-found", "code"),
    VILLAGE_OUTSIDE_DIVISION("village.outside-division", 403, "forbidden", "village"),
    VILLAGE_OUTSIDE_TOWNSHIP("village.outside-township", 403, "forbidden", "village"),
    VILLAGE_PROFILE_NOT_FOUND("village-profile.not-found", 404, "not-found", "village"),
    VILLAGE_PROFILE_NOT_CREATED("village-profile.not-created", 409, "stale-revision", "village"),
    VILLAGE_PROFILE_STALE_REVISION(
            "village-profile.stale-revision", 409, "stale-revision", "village", "current", "expected"),
    INTERNAL_READER_ONLY("internal.reader-only", 403, "forbidden"),
    IMPORT_FILE_REQUIRED("import.file-required", 400, "validation"),
    IMPORT_REPORT_FORMAT("import.report-format", 400, "validation"),
    IMPORT_TOWNSHIP_OFFICIAL_ONLY("import.township-official-only", 403, "forbidden"),
    IMPORT_NOT_TEMPLATE("import.not-template", 400, "import-headers"),
    IMPORT_COLUMN_UNKNOWN("import.column-unknown", 400, "validation"),
    IMPORT_COLUMN_MISSING("import.column-missing", 400, "validation"),
    IMPORT_UNREADABLE("import.unreadable", 400, "unreadable-import"),
    /** An XLSX whose XML parts declare a document type (a DTD): refused before any part is parsed. */
    IMPORT_FILE_UNSAFE("import.file-unsafe", 400, "unreadable-import"),
    IMPORT_NOT_FOUND("import.not-found", 404, "not-found", "id"),
    IMPORT_OTHER_TOWNSHIP("import.other-township", 403, "forbidden"),
    IMPORT_HEAD_ID_REQUIRED("import.head-id-required", 400, "validation"),
    IMPORT_NO_HEAD_ROW("import.no-head-row", 400, "validation", "household"),
    IMPORT_SEVERAL_HEAD_ROWS("import.several-head-rows", 400, "validation", "household"),
    IMPORT_HEAD_ID_DIFFERS("import.head-id-differs", 400, "validation"),
    IMPORT_CELL_WORD("import.cell-word", 400, "validation", "values", "value"),
    IMPORT_CELL_DATE("import.cell-date", 400, "validation", "value"),
    IMPORT_CELL_WHOLE_NUMBER("import.cell-whole-number", 400, "validation", "value"),
    IMPORT_CELL_YUAN("import.cell-yuan", 400, "validation", "value"),
    IMPORT_CELL_NUMBER("import.cell-number", 400, "validation", "value"),
    IMPORT_CELL_YES_NO("import.cell-yes-no", 400, "validation", "value"),
    IMPORT_VILLAGE_OUTSIDE_TOWNSHIP("import.village-outside-township", 400, "validation", "village", "township"),
    /** A run announcing the files again is asked for while one is in progress (one at a time). */
    ANNOUNCEMENT_RUNNING("announcement.running", 409, "announcement-running", "id"),
    ANNOUNCEMENT_NOT_FOUND("announcement.not-found", 404, "not-found", "id");

    private final Spec spec;

    RegistryCodes(String code, int status, String type, String... args) {
        this.spec = new Spec(code, status, type, args);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
