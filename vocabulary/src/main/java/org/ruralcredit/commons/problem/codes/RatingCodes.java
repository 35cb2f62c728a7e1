package org.ruralcredit.commons.problem.codes;

import org.ruralcredit.commons.problem.ProblemCode;

/** Codes credit-rating answers. Texts in {@code rating.properties} and {@code rating_zh_CN.properties} beside this class. */
public enum RatingCodes implements ProblemCode {

    // campaigns
    CAMPAIGN_NOT_FOUND("campaign.not-found", 404, "not-found", "campaign"),
    CAMPAIGN_ALREADY_OPEN("campaign.already-open", 409, "campaign-open", "division"),
    CAMPAIGN_OUTSIDE_DIVISION("campaign.outside-division", 403, "forbidden"),
    CAMPAIGN_POSTING_DAYS_MIN("campaign.posting-days.min", 400, "validation", "value"),
    CAMPAIGN_POSTING_DAYS_MAX("campaign.posting-days.max", 400, "validation", "value"),
    CAMPAIGN_FINALIZE_NOT_POSTED("campaign.finalize-not-posted", 409, "campaign-not-posted", "status"),
    CAMPAIGN_POSTING_WINDOW_OPEN("campaign.posting-window-open", 409, "posting-window-open", "closes"),
    CAMPAIGN_OBJECTIONS_OPEN("campaign.objections-open", 409, "objections-open", "count"),
    OBJECTION_TOWNSHIP_OFFICIAL_ONLY("objection.township-official-only", 403, "forbidden"),
    OBJECTION_OTHER_TOWNSHIP("objection.other-township", 403, "forbidden"),
    OBJECTION_HOUSEHOLD_NOT_IN_CAMPAIGN("objection.household-not-in-campaign", 404, "not-found", "household"),
    OBJECTION_RESULTS_NOT_POSTED("objection.results-not-posted", 409, "outside-posting-window"),
    OBJECTION_OUTSIDE_POSTING_WINDOW(
            "objection.outside-posting-window", 409, "outside-posting-window", "opens", "closes"),
    OBJECTION_ALREADY_FILED("objection.already-filed", 409, "objection-exists"),
    OBJECTION_NOT_FOUND("rating.objection.not-found", 404, "not-found", "objection", "campaign"),
    OBJECTION_ALREADY_RESOLVED("objection.already-resolved", 409, "objection-resolved", "resolvedBy"),
    OBJECTION_CAMPAIGN_NOT_POSTED("objection.campaign-not-posted", 409, "campaign-not-posted", "status"),
    OBJECTION_DECISION_REQUIRED("objection.decision-required", 400, "validation"),
    HOUSEHOLD_FILE_CLOSED("household.file-closed", 409, "household-closed"),

    // households
    HOUSEHOLD_NOT_RATED("household.not-rated", 404, "not-found", "household"),
    HOUSEHOLD_OUTSIDE_DIVISION("rating.household.outside-division", 403, "forbidden"),

    // divisions and their ratings
    DIVISION_OUTSIDE_SCOPE("rating.division.outside-scope", 403, "forbidden", "division"),
    DIVISION_CODE_LEVEL("division.code-level", 400, "validation"),
    DIVISION_NO_VILLAGE_KNOWN("division.no-village-known", 404, "not-found", "division"),
    DIVISION_INCONSISTENT_FIGURES("division.inconsistent-figures", 409, "inconsistent-figures", "division", "reason"),
    DIVISION_RATING_NOT_FOUND("division-rating.not-found", 404, "not-found", "rating"),
    DIVISION_RATING_NONE_APPROVED("division-rating.none-approved", 404, "not-found", "division"),
    DIVISION_RATING_ALREADY_APPROVED("division-rating.already-approved", 409, "already-decided", "decidedBy"),
    DIVISION_RATING_ALREADY_REJECTED("division-rating.already-rejected", 409, "already-decided", "decidedBy"),
    DIVISION_RATING_SAME_PERSON("division-rating.same-person", 403, "forbidden"),
    DIVISION_RATING_MAY_NOT_COMPUTE("division-rating.may-not-compute", 403, "forbidden", "division"),
    DIVISION_RATING_VILLAGE_APPROVER("division-rating.village-approver", 403, "forbidden"),
    DIVISION_RATING_TOWNSHIP_APPROVER("division-rating.township-approver", 403, "forbidden"),
    RULE_SET_UNKNOWN("rule-set.unknown", 400, "validation", "ruleSet"),
    RULE_SET_WRONG_LEVEL("rule-set.wrong-level", 400, "validation", "ruleSet", "ruleSetLevel", "division", "level"),
    GRADE_DISTRIBUTION_BY("grade-distribution.by", 400, "validation"),
    GRADE_DISTRIBUTION_BY_LEVEL("grade-distribution.by-level", 400, "validation", "division"),
    VILLAGE_NOT_KNOWN("village.not-known", 404, "not-found", "village"),
    VILLAGE_CODE("rating.village.code", 400, "validation"),

    // lender policies and offers
    LENDER_POLICY_LOAN_OFFICER_ONLY("lender-policy.loan-officer-only", 403, "forbidden"),
    LENDER_POLICY_NONE("lender-policy.none", 404, "not-found", "institution"),
    LENDER_POLICY_NOT_FOUND("lender-policy.not-found", 404, "not-found", "institution", "policy"),
    LENDER_POLICY_SEVERAL("lender-policy.several", 400, "validation", "institution"),
    LENDER_POLICY_ID("lender-policy.id", 400, "validation"),
    LENDER_POLICY_VALUE_MISSING("lender-policy.value-missing", 400, "validation"),
    LENDER_POLICY_GRADE_WITHOUT_LINE("lender-policy.grade-without-line", 400, "validation", "grade"),
    LENDER_POLICY_FRACTION("lender-policy.fraction", 400, "validation"),
    LENDER_POLICY_FRACTION_DECIMALS("lender-policy.fraction-decimals", 400, "validation", "decimals"),
    LENDER_POLICY_AMOUNT("lender-policy.amount", 400, "validation", "max"),
    LENDER_POLICY_TERM_MIN("lender-policy.term-min", 400, "validation"),
    LENDER_POLICY_TERM_MAX("lender-policy.term-max", 400, "validation", "months"),
    LENDER_POLICY_RATE_MAX("lender-policy.rate-max", 400, "validation", "max", "decimals"),
    OFFER_SERVICE_ONLY("offer.service-only", 403, "forbidden"),
    INSTITUTION_ID("rating.institution.id", 400, "validation"),
    DOCUMENT_VERSION_MIN("document.version-min", 400, "validation"),

    // scorecard models
    MODEL_NOT_FOUND("model.not-found", 404, "not-found", "model", "version"),
    MODEL_UNREADABLE("model.unreadable", 400, "validation"),
    MODEL_DOCUMENT_UNREADABLE("model.document-unreadable", 400, "validation", "reason"),
    MODEL_DOCUMENT_REQUIRED("model.document-required", 400, "validation"),
    MODEL_INVALID("model.invalid", 400, "validation", "count"),
    MODEL_VERSION_EXISTS("model.version-exists", 409, "model-version-exists", "model"),
    MODEL_CODE_NOT_RATED("model.code-not-rated", 409, "model-code-not-rated", "householdModel", "model"),
    MODEL_ALREADY_ACTIVE("model.already-active", 409, "model-already-active", "model"),
    MODEL_CODE("model.code", 400, "validation"),
    MODEL_PART_CODE("model.part-code", 400, "validation"),
    MODEL_NAME("model.name", 400, "validation"),
    MODEL_DESCRIPTION("model.description", 400, "validation"),
    MODEL_GROUPS_EMPTY("model.groups-empty", 400, "validation"),
    MODEL_INDICATORS_EMPTY("model.indicators-empty", 400, "validation"),
    MODEL_INDICATOR_CODE_TWICE("model.indicator-code-twice", 400, "validation", "code"),
    MODEL_MAX_POINTS_SUM("model.max-points-sum", 400, "validation", "maxPoints", "sum"),
    MODEL_SCALING("model.scaling", 400, "validation"),
    MODEL_VETOES_REQUIRED("model.vetoes-required", 400, "validation"),
    MODEL_VETO_UNKNOWN("model.veto-unknown", 400, "validation"),
    MODEL_INPUT_UNKNOWN("model.input-unknown", 400, "validation"),
    MODEL_POSITIVE("model.positive", 400, "validation"),
    MODEL_MISSING_POINTS("model.missing-points", 400, "validation"),
    MODEL_BINS_EMPTY("model.bins-empty", 400, "validation"),
    MODEL_POINTS_RANGE("model.points-range", 400, "validation", "max"),
    MODEL_BIN_NUMERIC("model.bin-numeric", 400, "validation", "input"),
    MODEL_BIN_VALUES("model.bin-values", 400, "validation", "input"),
    MODEL_BIN_ORDER("model.bin-order", 400, "validation"),
    MODEL_BEST_BIN("model.best-bin", 400, "validation", "maxPoints", "best"),
    MODEL_VALUE_TWICE("model.value-twice", 400, "validation", "value"),
    MODEL_BINS_OVERLAP("model.bins-overlap", 400, "validation", "at"),
    MODEL_BINS_GAP("model.bins-gap", 400, "validation", "from", "to"),
    MODEL_GRADE_BANDS_EMPTY("model.grade-bands-empty", 400, "validation"),
    MODEL_GRADE_REQUIRED("model.grade-required", 400, "validation"),
    MODEL_BAND_ORDER("model.band-order", 400, "validation"),
    MODEL_LOWEST_GRADE("model.lowest-grade", 400, "validation"),

    // risk analytics
    PERIOD_FROM_REQUIRED("period.from-required", 400, "validation"),
    PERIOD_TO_REQUIRED("period.to-required", 400, "validation"),
    PERIOD_ORDER("period.order", 400, "validation"),
    ANALYTICS_INSUFFICIENT_DATA(
            "analytics.insufficient-data", 409, "insufficient-data", "reason", "withOutcomes", "scored", "baseline"),
    MEASURE_UNKNOWN("rating.measure-unknown", 400, "validation", "measure"),
    FIGURE_OUT_OF_RANGE("rating.figure-out-of-range", 400, "validation", "min", "max"),
    FIGURE_STATED_TWICE("rating.figure-stated-twice", 400, "validation", "measure"),
    COUNTS_INVALID("rating.counts-invalid", 400, "validation"),
    PRICING_ODDS_NOT_POSITIVE("rating.pricing.odds-not-positive", 400, "validation"),
    PRICING_MARGIN_OUT_OF_RANGE("rating.pricing.margin-out-of-range", 400, "validation", "min", "max"),
    PRICING_MARGIN_OR_POLICY("rating.pricing.margin-or-policy", 400, "validation"),
    PRICING_INSTITUTION_REQUIRED("rating.pricing.institution-required", 400, "validation"),
    POLICY_NOT_FOUND("rating.policy-not-found", 404, "not-found", "institution", "policy"),
    MODEL_NOT_ACTIVE("rating.model-not-active", 404, "not-found", "model"),
    POLICY_OF_OTHER_INSTITUTION("rating.policy-of-other-institution", 403, "forbidden"),
    LENDER_POLICY_TARGET_MARGIN("lender-policy.target-margin", 400, "validation", "max", "decimals");

    private final Spec spec;

    RatingCodes(String code, int status, String type, String... args) {
        this.spec = new Spec(code, status, type, args);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
