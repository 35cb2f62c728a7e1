package org.ruralcredit.registry.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.validation.FieldRules;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.importfile.ImportTemplate;
import org.ruralcredit.registry.domain.HouseholdFileRules;
import org.ruralcredit.registry.service.HouseholdFileChecker;

/**
 * The household file's field rules as the registry applies them to a form's body
 * ({@link HouseholdResource.HouseholdWrite}), for the field app: the record's constraints, the
 * file's (which the service checks whole, with the rules across its fields), the checks only the
 * registry can make, and the texts of every code they answer. Read from the records themselves
 * (service-commons' FieldRules), so a constraint added to them is served without further work.
 */
final class FieldRulesDocument {

    @Schema(name = "FieldRuleField")
    record FieldView(
            @Schema(description = "Path in the request body, e.g. file.members[].residentId; [] stands for any element")
            String path,

            @Schema(description = "string, integer, number, boolean, date, date-time, uuid, enum, list or object")
            String type,

            @Schema(
                    description = "Must be present, when the object or list element holding it is (file.production "
                            + "may be left out; given, it needs its mainBusiness)")
            boolean required,

            @Schema(
                    description =
                            "Each rule: type (Size, Pattern, Min, Max, DecimalMin, DecimalMax, PositiveOrZero, NotBlank, "
                                    + "Enum, PlainText, PersonName, ResidentId, PhoneNumber, ...), code (the problem code the "
                                    + "registry answers; a ResidentId rule has codes by step) and its attributes (min, max, "
                                    + "value, pattern, flags, values with their Chinese labels, ...)")
            List<Map<String, Object>> rules) {}

    @Schema(name = "FieldRules")
    record Document(
            List<FieldView> fields,

            @Schema(
                    description = "The text of every code the rules answer, by code, then language (zh, en); "
                            + "{name} stands for the value of the rule's attribute of that name")
            Map<String, Map<String, String>> messages) {}

    /** The words the import template and the forms use for the file's enums (户主, 种植, ...). */
    private static final Map<Enum<?>, String> LABELS = labels();

    private FieldRulesDocument() {}

    static Document of(Validator validator) {
        FieldRules describer = FieldRules.of(validator, LABELS::get);
        List<FieldRules.Field> fields = new ArrayList<>();
        boolean fileDescribed = false;
        for (FieldRules.Field field : describer.describe(HouseholdResource.HouseholdWrite.class, "")) {
            fields.add(field);
            if (field.path().equals("file")) {
                // the service validates the file as a whole (HouseholdFileChecker), not the resource
                List<FieldRules.Field> file = describer.describe(HouseholdFile.class, "file");
                file = FieldRules.withChecks(file, "file", HouseholdFileRules.described());
                fields.addAll(FieldRules.withChecks(file, "file", HouseholdFileChecker.describedServerChecks()));
                fileDescribed = true;
            }
        }
        if (!fileDescribed) {
            throw new IllegalStateException("HouseholdWrite has no field 'file' to describe the household file under");
        }
        // optional when a file is opened, required when it is corrected (HouseholdResource.correct)
        List<FieldRules.Field> described = FieldRules.withChecks(
                fields,
                "",
                Map.of(
                        "expectedVersion",
                        List.of(FieldRules.check(
                                "RequiredToCorrect",
                                RegistryCodes.HOUSEHOLD_EXPECTED_VERSION_REQUIRED,
                                Map.of("operation", "correctHousehold")))));
        List<FieldView> views = described.stream()
                .map(f -> new FieldView(
                        f.path(),
                        f.type(),
                        f.required(),
                        f.rules().stream().map(FieldRules.Rule::asMap).toList()))
                .toList();
        return new Document(views, FieldRules.texts(described));
    }

    private static Map<Enum<?>, String> labels() {
        Map<Enum<?>, String> labels = new HashMap<>();
        for (Map<String, ? extends Enum<?>> words : List.<Map<String, ? extends Enum<?>>>of(
                ImportTemplate.RELATIONS,
                ImportTemplate.EDUCATION,
                ImportTemplate.HEALTH,
                ImportTemplate.LABOUR,
                ImportTemplate.BUSINESS,
                ImportTemplate.ORDER_KINDS,
                ImportTemplate.SEXES)) {
            words.forEach((word, constant) -> labels.put(constant, word));
        }
        return Map.copyOf(labels);
    }
}
