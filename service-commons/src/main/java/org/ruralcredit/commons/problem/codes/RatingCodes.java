package org.ruralcredit.commons.problem.codes;

import java.util.List;

import org.ruralcredit.commons.problem.ProblemCode;

/** Codes credit-rating answers. Texts in {@code rating.properties} and {@code rating_zh_CN.properties} beside this class. */
public enum RatingCodes implements ProblemCode {
    RULE_SET_UNKNOWN("rating.rule-set-unknown", 400, "validation", "ruleSet"),
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
    ;

    private final String code;
    private final int status;
    private final String type;
    private final List<String> args;

    RatingCodes(String code, int status, String type, String... args) {
        this.code = code;
        this.status = status;
        this.type = type;
        this.args = Codes.args(args);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public List<String> args() {
        return args;
    }
}
