package org.ruralcredit.commons.problem.codes;

import org.ruralcredit.commons.problem.ProblemCode;

/** Codes morality-score answers. Texts in {@code morality.properties} and {@code morality_zh_CN.properties} beside this class. */
public enum MoralityCodes implements ProblemCode {

    // households and villages of the directory
    HOUSEHOLD_UNKNOWN("household.unknown", 404, "not-found", "householdId"),
    HOUSEHOLD_OUTSIDE_DIVISION("moral-bank.household.outside-division", 403, "forbidden", "householdId"),
    HOUSEHOLD_CLOSED("household.closed", 422, "household-closed", "householdId"),
    VILLAGE_CODE_FORMAT("village.code-format", 400, "validation"),
    VILLAGE_OUTSIDE_DIVISION("moral-bank.village.outside-division", 403, "forbidden", "villageCode"),
    YEAR_OUT_OF_RANGE("year.out-of-range", 400, "validation"),
    MONTH_FORMAT("month.format", 400, "validation"),
    ENTRY_KIND_UNKNOWN("entry.kind-unknown", 400, "validation"),
    INTERNAL_READER_ONLY("moral-bank.internal.reader-only", 403, "forbidden"),

    // proposals (maker side)
    PROPOSER_ROLE("proposal.proposer-role", 403, "forbidden"),
    PROPOSAL_HOUSEHOLD_OUTSIDE_VILLAGE("proposal.household-outside-village", 403, "forbidden", "householdId"),
    PROPOSAL_HOUSEHOLD_OUTSIDE_TOWNSHIP("proposal.household-outside-township", 403, "forbidden", "householdId"),
    PROPOSAL_STATE_UNKNOWN("proposal.state-unknown", 400, "validation"),
    PROPOSAL_UNKNOWN("proposal.unknown", 404, "not-found", "proposalId"),
    PROPOSAL_OUTSIDE_DIVISION("proposal.outside-division", 403, "forbidden", "proposalId"),
    EVIDENCE_HASH_FORMAT("evidence.hash-format", 400, "validation"),
    DEED_DATE_IN_FUTURE("deed.date-in-future", 400, "validation"),
    DEED_DATE_BEFORE_CATALOGUE("deed.date-before-catalogue", 400, "validation"),
    DEED_FIELDS("deed.fields", 400, "validation"),
    DEED_RULE_UNKNOWN("deed.rule-unknown", 400, "validation", "ruleCode", "version", "deedDate"),
    DEED_EVIDENCE_REQUIRED("deed.evidence-required", 400, "validation", "ruleCode"),
    VETO_FIELDS("veto.fields", 400, "validation"),
    VETO_ITEM_UNKNOWN("veto.item-unknown", 400, "validation", "vetoCode", "version"),
    VETO_EVIDENCE_REQUIRED("veto.evidence-required", 400, "validation"),
    REVERSAL_FIELDS("reversal.fields", 400, "validation"),
    REVERSAL_ENTRY_UNKNOWN("reversal.entry-unknown", 400, "validation", "entryId", "householdId"),
    REVERSAL_OF_REVERSAL("reversal.of-reversal", 422, "reversal-of-reversal"),
    ENTRY_REVERSED_OR_PENDING("entry.reversed-or-pending", 409, "already-reversed", "entryId"),
    ENTRY_ALREADY_REVERSED("entry.already-reversed", 409, "already-reversed", "entryId"),

    // reviews (checker side)
    REVIEW_OFFICIAL_ONLY("review.official-only", 403, "forbidden"),
    REVIEW_LIST_OFFICIAL_ONLY("review.list-official-only", 403, "forbidden"),
    REVIEW_OUTSIDE_TOWNSHIP("review.outside-township", 403, "forbidden", "proposalId"),
    REVIEW_OWN_PROPOSAL("review.own-proposal", 403, "forbidden"),
    PROPOSAL_ALREADY_APPROVED("proposal.already-approved", 409, "already-decided", "proposalId"),
    PROPOSAL_ALREADY_REJECTED("proposal.already-rejected", 409, "already-decided", "proposalId"),
    REJECTION_REASON_REQUIRED("rejection.reason-required", 400, "validation"),

    // catalogue versions
    CATALOGUE_ADMIN_ONLY("catalogue.admin-only", 403, "forbidden"),
    CATALOGUE_VERSION_UNKNOWN("catalogue.version-unknown", 404, "not-found", "version"),
    /** The summary of a refused catalogue version; its fields carry their own codes. */
    CATALOGUE_INVALID("catalogue.invalid", 400, "validation", "count"),
    CATALOGUE_EFFECTIVE_IN_PAST("catalogue.effective-in-past", 400, "validation"),
    CATALOGUE_EFFECTIVE_BEFORE_LATEST(
            "catalogue.effective-before-latest", 400, "validation", "version", "effectiveFrom"),
    CATALOGUE_VALUE_RANGE("catalogue.value-range", 400, "validation", "min", "max"),
    CATALOGUE_GREEN_CARD_BELOW_ELIGIBILITY("catalogue.green-card-below-eligibility", 400, "validation"),
    CATALOGUE_STANDARDS("catalogue.standards", 400, "validation", "standards"),
    CATALOGUE_CAPS_TOTAL("catalogue.caps-total", 400, "validation", "total"),
    CATALOGUE_RULES_EMPTY("catalogue.rules-empty", 400, "validation"),
    CATALOGUE_RULE_STANDARD_UNKNOWN("catalogue.rule-standard-unknown", 400, "validation"),
    CATALOGUE_RULE_POINTS("catalogue.rule-points", 400, "validation"),
    CATALOGUE_RULE_CAP_BELOW_POINTS("catalogue.rule-cap-below-points", 400, "validation"),
    CATALOGUE_VETOES_EMPTY("catalogue.vetoes-empty", 400, "validation"),
    CATALOGUE_CREDIT_LINE_NEGATIVE("catalogue.credit-line-negative", 400, "validation"),
    CATALOGUE_BANDS_NOT_RISING("catalogue.bands-not-rising", 400, "validation"),
    CATALOGUE_BAND_POINTS("catalogue.band-points", 400, "validation", "max"),
    CATALOGUE_CODE_FORMAT("catalogue.code-format", 400, "validation"),
    CATALOGUE_CODE_DUPLICATE("catalogue.code-duplicate", 400, "validation"),
    CATALOGUE_NAME_REQUIRED("catalogue.name-required", 400, "validation", "max"),

    // blind panel rounds
    PANEL_OFFICIAL_ONLY("panel.official-only", 403, "forbidden", "villageCode"),
    PANEL_SCORER_SCOPE("panel.scorer-scope", 403, "forbidden"),
    PANEL_ROUND_OUTSIDE_DIVISION("panel.round-outside-division", 403, "forbidden", "roundId"),
    PANEL_VILLAGE_EMPTY("panel.village-empty", 404, "not-found", "villageCode"),
    PANEL_ROUND_UNKNOWN("panel.round-unknown", 404, "not-found", "roundId"),
    PANEL_RATER_UNKNOWN("panel.rater-unknown", 404, "not-found", "raterId", "roundId"),
    PANEL_HOUSEHOLD_OUTSIDE_VILLAGE("panel.household-outside-village", 404, "not-found", "householdId", "villageCode"),
    PANEL_RATER_EXISTS("panel.rater-exists", 409, "rater-exists", "name"),
    PANEL_ALREADY_SCORED("panel.already-scored", 409, "already-scored", "householdId"),
    PANEL_ROUND_CLOSED("panel.round-closed", 409, "round-closed", "roundId"),
    PANEL_ROUND_ALREADY_CLOSED("panel.round-already-closed", 409, "round-closed", "roundId"),
    PANEL_TOO_FEW_RATERS("panel.too-few-raters", 422, "too-few-raters", "min", "count"),
    PANEL_NO_SCORES("panel.no-scores", 422, "no-scores"),
    PANEL_SCORES_MISSING("panel.scores-missing", 422, "scores-missing", "households");

    private final Spec spec;

    MoralityCodes(String code, int status, String type, String... args) {
        this.spec = new Spec(code, status, type, args);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
