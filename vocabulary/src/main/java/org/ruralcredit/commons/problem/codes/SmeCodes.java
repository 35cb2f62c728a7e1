package org.ruralcredit.commons.problem.codes;

import org.ruralcredit.commons.problem.ProblemCode;

/** Codes sme-archive answers. Texts in {@code sme.properties} and {@code sme_zh_CN.properties} beside this class. */
public enum SmeCodes implements ProblemCode {
    REPRESENTATIVE_SEARCH_FORBIDDEN("firm.representative-search-forbidden", 403, "forbidden"),
    DIVISION_FILTER("firm.division-filter", 400, "validation"),
    CREDIT_CODE_FORMAT("firm.credit-code-format", 400, "validation"),
    FIRM_NOT_ARCHIVED("firm.not-archived", 404, "not-found", "uscc"),
    FIRM_RECORD_REQUIRED("firm.record-required", 400, "validation"),
    FIRM_CODE_UNCHANGEABLE("firm.code-unchangeable", 400, "validation"),
    FIRM_ALREADY_ARCHIVED("firm.already-archived", 409, "firm-exists", "uscc"),
    FIRM_STALE_VERSION("firm.stale-version", 409, "stale-version", "uscc", "version", "expectedVersion"),
    FIRM_OUTSIDE_AREA("firm.division-outside-area", 403, "forbidden", "division", "area"),
    FIRM_TEXT_REQUIRED("firm.text-required", 400, "validation", "max"),
    FIRM_INDUSTRY_CODE("firm.industry-code", 400, "validation"),
    FIRM_FIGURE_NEGATIVE("firm.figure-negative", 400, "validation"),
    FIRM_FOUNDED_IN_FUTURE("firm.founded-in-future", 400, "validation"),
    FIRM_DIVISION("firm.division", 400, "validation"),
    FIRM_TEXT_TOO_LONG("firm.text-too-long", 400, "validation", "max"),
    FIRM_PHONE("firm.phone", 400, "validation"),
    FILING_FIGURES_REQUIRED("filing.figures-required", 400, "validation"),
    FILING_FISCAL_YEAR("filing.fiscal-year", 400, "validation"),
    FILING_MARGIN_REQUIRED("filing.margin-required", 400, "validation"),
    FILING_MARGIN_PERCENTAGE("filing.margin-percentage", 400, "validation"),
    FILING_AMOUNT_REQUIRED("filing.amount-required", 400, "validation"),
    FILING_FIGURE_NEGATIVE("filing.figure-negative", 400, "validation"),
    FILING_FIRM_OUTSIDE_AREA("filing.firm-outside-area", 403, "forbidden", "uscc", "area"),
    FINANCING_REPORT_REQUIRED("financing.report-required", 400, "validation"),
    FINANCING_NO_INSTITUTION("financing.no-institution", 403, "forbidden"),
    FINANCING_NAMED_ACCOUNT("financing.named-account-required", 403, "forbidden", "accountType"),
    FINANCING_AMOUNT("financing.amount", 400, "validation"),
    FINANCING_FINANCED_ON("financing.financed-on", 400, "validation"),
    FINANCING_FIRM_NOT_ON_LIST("financing.firm-not-on-list", 409, "not-on-list", "uscc"),
    NO_LOAN_LIST_DIVISION("no-loan-list.division", 400, "validation"),
    NO_LOAN_LIST_INDUSTRY("no-loan-list.industry", 400, "validation"),
    NO_LOAN_LIST_GRADE("no-loan-list.grade", 400, "validation"),
    NO_LOAN_LIST_SIZE("no-loan-list.size", 400, "validation"),
    AWARD_CHECK_REQUEST_REQUIRED("award-check.request-required", 400, "validation"),
    AWARD_CHECK_NOT_FOUND("award-check.not-found", 404, "not-found", "id"),
    AWARD_CHECK_PROGRAMME("award-check.programme", 400, "validation"),
    AWARD_CHECK_RULES_REQUIRED("award-check.rules-required", 400, "validation"),
    AWARD_CHECK_RULES_NAME("award-check.rules-name", 400, "validation", "max"),
    AWARD_CHECK_LOOK_BACK_YEARS("award-check.look-back-years", 400, "validation", "min", "max"),
    AWARD_CHECK_DISQUALIFYING_REQUIRED("award-check.disqualifying-required", 400, "validation", "facts"),
    AWARD_CHECK_DISQUALIFYING_UNKNOWN("award-check.disqualifying-unknown", 400, "validation", "name", "facts"),
    AWARD_CHECK_CODES_REQUIRED("award-check.codes-required", 400, "validation"),
    AWARD_CHECK_TOO_MANY_CODES("award-check.too-many-codes", 400, "validation", "max", "count"),
    AWARD_DECISION_REQUIRED("award.decision-required", 400, "validation"),
    AWARD_PROGRAMME("award.programme", 400, "validation", "max"),
    AWARD_OUTCOME("award.outcome", 400, "validation"),
    AWARD_DECIDED_ON("award.decided-on", 400, "validation"),
    AWARD_DECISION_EXISTS("award.decision-exists", 409, "decision-exists"),
    FEED_SOURCE_UNKNOWN("feed.source-unknown", 404, "not-found", "source", "sources"),
    FEED_SOURCE_FILTER("feed.source-filter", 400, "validation"),
    FEED_AS_OF_REQUIRED("feed.as-of-required", 400, "validation"),
    FEED_AS_OF_FUTURE("feed.as-of-future", 400, "validation"),
    FEED_AS_OF_DATE("feed.as-of-date", 400, "validation"),
    FEED_FILE_REQUIRED("feed.file-required", 400, "validation"),
    FEED_FILE_TYPE("feed.file-type", 400, "validation"),
    FEED_FILE_MALFORMED("feed.file-malformed", 400, "validation", "format", "line"),
    FEED_FILE_UNREADABLE("feed.file-unreadable", 400, "validation"),
    FEED_FILE_EMPTY("feed.file-empty", 400, "validation", "columns"),
    FEED_JSON_NOT_ARRAY("feed.json-not-array", 400, "validation", "columns"),
    FEED_TOO_MANY_ROWS("feed.too-many-rows", 400, "validation", "max"),
    FEED_HEADER_UNKNOWN_COLUMN("feed.header-unknown-column", 400, "validation", "column"),
    FEED_HEADER_DUPLICATE_COLUMN("feed.header-duplicate-column", 400, "validation", "column"),
    FEED_HEADER_MISSING_COLUMN("feed.header-missing-column", 400, "validation", "column");

    private final Spec spec;

    SmeCodes(String code, int status, String type, String... args) {
        this.spec = new Spec(code, status, type, args);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
