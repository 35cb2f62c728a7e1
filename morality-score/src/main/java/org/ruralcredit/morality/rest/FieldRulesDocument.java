package org.ruralcredit.morality.rest;

import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.ruralcredit.commons.validation.FieldRules;
import org.ruralcredit.morality.domain.EntryKind;
import org.ruralcredit.morality.service.NewProposal;
import org.ruralcredit.morality.service.ProposalService;

/**
 * The proposal form's field rules as morality-score applies them to the body of createProposal
 * ({@link NewProposal}), for the field app: the record's constraints, the checks the service makes
 * after them ({@link ProposalService#describedChecks()}), and the texts of every code they answer.
 * Read from the record itself (service-commons' FieldRules), so a constraint added to it is served
 * without further work; the same shape as farmer-registry's household file rules.
 */
final class FieldRulesDocument {

    @Schema(name = "FieldRuleField")
    record FieldView(
            @Schema(description = "Path in the request body, e.g. ruleCode")
            String path,

            @Schema(description = "string, integer, number, boolean, date, date-time, uuid, enum, list or object")
            String type,

            @Schema(description = "Must be present") boolean required,

            @Schema(
                    description = "Each rule: type (Size, NotBlank, NotNull, Pattern, PlainText, Enum, Default, "
                            + "KindFields, NotAfterToday, EvidenceRequired, ...), code (the problem code the service "
                            + "answers; a Default has none: it names the value taken when the field is left out) and "
                            + "its attributes (max, regexp, values, whenKind, absent, orField, zone, serverOnly, ...)")
            List<Map<String, Object>> rules) {}

    @Schema(name = "FieldRules")
    record Document(
            List<FieldView> fields,

            @Schema(
                    description = "The text of every code the rules answer, by code, then language (zh, en); "
                            + "{name} stands for the value of the rule's attribute of that name")
            Map<String, Map<String, String>> messages) {}

    /** The words the forms and the problem texts use for the kinds (积分事项, 一票否决, 冲正). */
    private static final Map<Enum<?>, String> LABELS =
            Map.of(EntryKind.DEED, "积分事项", EntryKind.VETO, "一票否决", EntryKind.REVERSAL, "冲正");

    private FieldRulesDocument() {}

    static Document of(Validator validator) {
        List<FieldRules.Field> described = FieldRules.withChecks(
                FieldRules.of(validator, LABELS::get).describe(NewProposal.class, ""),
                "",
                ProposalService.describedChecks());
        List<FieldView> views = described.stream()
                .map(f -> new FieldView(
                        f.path(),
                        f.type(),
                        f.required(),
                        f.rules().stream().map(FieldRules.Rule::asMap).toList()))
                .toList();
        return new Document(views, FieldRules.texts(described));
    }
}
