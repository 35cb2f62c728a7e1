package org.ruralcredit.commons.problem.codes;

import org.ruralcredit.commons.problem.ProblemCode;

/** Codes the gateway answers. Texts in {@code gateway.properties} and {@code gateway_zh_CN.properties} beside this class. */
public enum GatewayCodes implements ProblemCode {
    NO_INSTITUTION_NAMED("account.no-institution", 403, "forbidden"),
    NO_INSTITUTION("account.belongs-to-no-institution", 403, "forbidden"),
    HOUSEHOLD_QUERIES_OFFICIAL_ONLY("household-queries.official-only", 403, "forbidden"),
    PORTFOLIO_OWN_INSTITUTION_ONLY("portfolio.own-institution-only", 403, "forbidden"),
    OBJECTION_ANSWERED_BY_CREDIT_ADMIN("objection.answered-by-credit-admin", 403, "forbidden"),
    CONSENT_OFFICIAL_WITHOUT_DIVISION("consent.official-without-division", 403, "forbidden"),
    CONSENT_HOUSEHOLD_NOT_IN_TOWNSHIP("consent.household-not-in-township", 403, "household-not-in-township"),
    STATEMENT_FIRM_BY_CREDIT_ADMIN("statement.firm-by-credit-admin", 403, "forbidden"),
    STATEMENT_HOUSEHOLD_BY_OFFICIAL("statement.household-by-official", 403, "forbidden"),
    CONSENT_NOT_FOUND("consent.not-found", 404, "not-found"),
    LOAN_NOT_FOUND("loan.not-found", 404, "not-found", "loanRef"),
    WARNING_NOT_FOUND("warning.not-found", 404, "not-found", "id"),
    HOUSEHOLD_NOT_IN_TOWNSHIP("household.not-in-township", 404, "not-found"),
    OBJECTION_NOT_FOUND("objection.not-found", 404, "not-found", "id"),
    LOAN_TERMS_DIFFER("loan.terms-differ", 409, "loan-terms-differ", "loanRef"),
    LOAN_SETTLED("loan.settled", 409, "loan-settled", "loanRef"),
    OBJECTION_ALREADY_ANSWERED("objection.already-answered", 409, "objection-answered", "answeredAt", "answeredBy"),
    REPORTS_BUSY("reports.busy", 503, "reports-busy", "limit"),
    FIRM_ARCHIVE_UNAVAILABLE("source.firm-archive-unavailable", 503, "source-unavailable"),
    REGISTRY_UNAVAILABLE("source.registry-unavailable", 503, "source-unavailable"),
    QUERY_ACCOUNT_NOT_PERSONAL("query.account-not-personal", 403, "account-not-personal", "accountType", "entry"),
    QUERY_NO_INSTITUTION("query.no-institution", 403, "no-institution", "entry"),
    QUERY_OUTSIDE_WORKING_HOURS("query.outside-working-hours", 403, "outside-working-hours", "hours", "entry"),
    QUERY_CONSENT_MISSING("query.consent-missing", 403, "consent-missing", "entry"),
    QUERY_CONSENT_OF_ANOTHER_INSTITUTION(
            "query.consent-of-another-institution", 403, "consent-of-another-institution", "entry"),
    QUERY_CONSENT_ABOUT_HOUSEHOLD("query.consent-about-household", 403, "consent-subject-mismatch", "entry"),
    QUERY_CONSENT_ABOUT_FIRM("query.consent-about-firm", 403, "consent-subject-mismatch", "entry"),
    QUERY_CONSENT_REVOKED("query.consent-revoked", 403, "consent-revoked", "entry"),
    QUERY_CONSENT_EXPIRED("query.consent-expired", 403, "consent-expired", "expiresOn", "entry"),
    QUERY_CONSENT_NOT_YET_VALID("query.consent-not-yet-valid", 403, "consent-not-yet-valid", "signedOn", "entry"),
    QUERY_CONSENT_USED("query.consent-used", 403, "consent-used", "entry"),
    QUERY_PURPOSE_MISMATCH(
            "query.purpose-mismatch", 403, "purpose-mismatch", "consentPurpose", "requestPurpose", "entry"),
    QUERY_NO_ACTIVE_LOAN("query.no-active-loan", 403, "no-active-loan", "entry"),
    SUBJECT_TYPE_REQUIRED("subject-type.required", 400, "validation"),
    PURPOSE_REQUIRED("purpose.required", 400, "validation"),
    DATE_NOT_FUTURE("date.not-future", 400, "validation"),
    CONSENT_EXPIRES_AFTER_SIGNED("consent.expires-after-signed", 400, "validation"),
    CONSENT_LETTER_HASH("consent.letter-hash", 400, "validation"),
    CONSENT_INSTITUTION_REQUIRED("consent.institution-required", 400, "validation"),
    INSTITUTION_ID("institution.id", 400, "validation"),
    CONSENT_OFFICIAL_HOUSEHOLDS_ONLY("consent.official-households-only", 400, "validation"),
    CONSENT_OWN_INSTITUTION_ONLY("consent.own-institution-only", 400, "validation"),
    LOAN_START_IN_FUTURE("loan.start-in-future", 400, "validation"),
    LOAN_TERM_MONTHS("loan.term-months", 400, "validation", "min", "max"),
    LOAN_ANNUAL_RATE("loan.annual-rate", 400, "validation"),
    LOAN_PRODUCT("loan.product", 400, "validation", "max"),
    TEXT_REQUIRED_PLAIN("text.required-plain", 400, "validation", "max"),
    LOAN_OVERDUE_DAYS("loan.overdue-days", 400, "validation"),
    LOAN_CLASSIFICATION("loan.classification", 400, "validation"),
    LOAN_OUTSTANDING_ABOVE_AMOUNT("loan.outstanding-above-amount", 400, "validation"),
    LOAN_REF("loan.ref", 400, "validation", "max"),
    AMOUNT_REQUIRED("amount.required", 400, "validation"),
    AMOUNT_POSITIVE("amount.positive", 400, "validation", "max"),
    AMOUNT_NOT_NEGATIVE("amount.not-negative", 400, "validation", "max"),
    AWARD_CHECK_RESIDENT_IDS("award-check.resident-ids", 400, "validation", "max"),
    STATEMENT_KIND_REQUIRED("statement.kind-required", 400, "validation"),
    STATEMENT_SECTION("statement.section", 400, "validation", "sections"),
    OBJECTION_OUTCOME_REQUIRED("objection.outcome-required", 400, "validation"),
    SUBJECT_RESIDENT_ID_REQUIRED("subject.resident-id.required", 400, "validation"),
    SUBJECT_RESIDENT_ID_LENGTH("subject.resident-id.length", 400, "validation"),
    SUBJECT_RESIDENT_ID_BIRTH_DATE("subject.resident-id.birth-date", 400, "validation"),
    SUBJECT_RESIDENT_ID_BIRTH_RANGE("subject.resident-id.birth-range", 400, "validation"),
    SUBJECT_RESIDENT_ID_CHECK_DIGIT("subject.resident-id.check-digit", 400, "validation"),
    SUBJECT_USCC_REQUIRED("subject.uscc.required", 400, "validation"),
    SUBJECT_USCC_LENGTH("subject.uscc.length", 400, "validation", "length"),
    SUBJECT_USCC_CHARACTER("subject.uscc.character", 400, "validation", "position", "character"),
    SUBJECT_USCC_AUTHORITY("subject.uscc.authority", 400, "validation"),
    SUBJECT_USCC_CHECK_CHARACTER("subject.uscc.check-character", 400, "validation", "actual", "expected"),
    VILLAGE_CODE("village.code", 400, "validation"),
    PORTFOLIO_BY("portfolio.by", 400, "validation"),
    PORTFOLIO_DIVISION("portfolio.division", 400, "validation"),
    PORTFOLIO_INSTITUTION("portfolio.institution", 400, "validation"),
    CONSENT_ACCOUNT_NOT_PERSONAL("consent.account-not-personal", 403, "account-not-personal", "accountType"),
    LOAN_ACCOUNT_NOT_PERSONAL("loan.account-not-personal", 403, "account-not-personal", "accountType"),
    LOAN_BORROWER_NOT_QUERIED("loan.borrower-not-queried", 403, "loan-borrower-not-queried"),
    LOAN_OVERDUE_SINCE_START("loan.overdue-since-start", 400, "validation", "days", "startDate"),
    LOAN_CLASSIFICATION_BELOW_OVERDUE("loan.classification-below-overdue", 400, "validation", "overdueDays", "least"),
    LOAN_DATE_BEFORE_START("loan.date-before-start", 400, "validation", "startDate"),
    LOAN_ADVERSE_OPEN("loan.adverse.open", 409, "adverse-report-open", "loanRef", "id"),
    LOAN_ADVERSE_NOT_FOUND("loan.adverse.not-found", 404, "not-found", "id"),
    LOAN_ADVERSE_MAKER_CANNOT_APPROVE("loan.adverse.maker-cannot-approve", 403, "four-eyes", "proposedBy"),
    LOAN_ADVERSE_DECIDED("loan.adverse.decided", 409, "adverse-report-decided", "decidedBy", "decidedAt"),
    LOAN_ADVERSE_NOTICE_RECORDED(
            "loan.adverse.notice-recorded", 409, "adverse-notice-recorded", "noticedOn", "recordedBy"),
    LOAN_ADVERSE_WITHDRAWN("loan.adverse.withdrawn", 409, "adverse-report-withdrawn", "reason"),
    LOAN_ADVERSE_DECISION_REQUIRED("loan.adverse.decision-required", 400, "validation"),
    LOAN_ADVERSE_NOTICE_CHANNEL("loan.adverse.notice-channel", 400, "validation"),
    LOAN_ADVERSE_NOTICE_DATE("loan.adverse.notice-date", 400, "validation", "proposedOn"),
    CAMPAIGN_ACCOUNT_NOT_PERSONAL("campaign.account-not-personal", 403, "account-not-personal", "accountType", "entry");

    private final Spec spec;

    GatewayCodes(String code, int status, String type, String... args) {
        this.spec = new Spec(code, status, type, args);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
