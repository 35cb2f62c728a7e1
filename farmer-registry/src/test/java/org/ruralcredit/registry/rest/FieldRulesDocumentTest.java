package org.ruralcredit.registry.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.registry.domain.HouseholdFileRules;
import org.ruralcredit.registry.support.TestHouseholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field app's rules are the registry's: every constraint of the form's records, the file's own checks, their codes. */
class FieldRulesDocumentTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private static final FieldRulesDocument.Document DOCUMENT = FieldRulesDocument.of(VALIDATOR);

    private static FieldRulesDocument.FieldView field(String path) {
        return DOCUMENT.fields().stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path + " is not described"));
    }

    private static Map<String, Object> rule(String path, String type) {
        return field(path).rules().stream()
                .filter(r -> r.get("type").equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        type + " is not on " + path + ": " + field(path).rules()));
    }

    /** Every constraint annotation of the records, found by reflection apart from the describer: "path Type". */
    private static void constraintsOf(Class<?> type, String prefix, Set<String> out) {
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
            Field field;
            try {
                field = type.getDeclaredField(component.getName());
            } catch (NoSuchFieldException e) {
                throw new AssertionError(e);
            }
            for (Annotation a : field.getAnnotations()) {
                if (a.annotationType().isAnnotationPresent(Constraint.class)) {
                    out.add(path + " " + a.annotationType().getSimpleName());
                }
            }
            if (field.isAnnotationPresent(Valid.class)) {
                constraintsOf(component.getType(), path, out);
            }
            if (field.getAnnotatedType() instanceof AnnotatedParameterizedType list) {
                AnnotatedType element = list.getAnnotatedActualTypeArguments()[0];
                for (Annotation a : element.getAnnotations()) {
                    if (a.annotationType().isAnnotationPresent(Constraint.class)) {
                        out.add(path + "[] " + a.annotationType().getSimpleName());
                    }
                }
                if (element.isAnnotationPresent(Valid.class)) {
                    constraintsOf((Class<?>) element.getType(), path + "[]", out);
                }
            }
        }
    }

    @Test
    void everyConstraintOfTheFormsRecordsIsDescribed() {
        Set<String> declared = new LinkedHashSet<>();
        constraintsOf(HouseholdResource.HouseholdWrite.class, "", declared);
        // the file is validated whole by the service, under the body's "file"
        constraintsOf(HouseholdFile.class, "file", declared);
        assertTrue(declared.size() > 80, "the reflection found the records' constraints: " + declared.size());
        Set<String> described = new LinkedHashSet<>();
        DOCUMENT.fields().forEach(f -> f.rules().forEach(r -> described.add(f.path() + " " + r.get("type"))));
        List<String> missing =
                declared.stream().filter(c -> !described.contains(c)).toList();
        assertEquals(List.of(), missing, "constraints the field app would not check");
    }

    @Test
    void fieldsSayWhetherTheyAreRequiredAndEachRuleItsCode() {
        assertTrue(field("file").required());
        assertEquals("household.file-required", rule("file", "NotNull").get("code"));
        assertFalse(field("reason").required());
        assertFalse(field("expectedVersion").required(), "not when a file is opened");
        assertEquals(
                "household.expected-version-required",
                rule("expectedVersion", "RequiredToCorrect").get("code"));
        assertEquals(500, rule("reason", "Size").get("max"));
        assertEquals("field.plain-text", rule("reason", "PlainText").get("code"));
        assertEquals("\\d{12}", rule("file.villageCode", "Pattern").get("regexp"));
        assertEquals("field.village-code", rule("file.villageCode", "Pattern").get("code"));
        assertEquals(120L, rule("file.yearsResident", "Max").get("value"));
        assertEquals(
                "field.person-name", rule("file.members[].name", "PersonName").get("code"));
        assertEquals("100000", rule("file.land.contractedMu", "DecimalMax").get("value"));
        assertTrue(field("file.members[].relation").required());
        assertEquals("enum", field("file.members[].relation").type());
    }

    @Test
    void enumValuesCarryTheirChineseWords() {
        @SuppressWarnings("unchecked")
        List<Map<String, String>> values = (List<Map<String, String>>)
                rule("file.members[].relation", "Enum").get("values");
        assertTrue(values.contains(Map.of("value", "HEAD", "label", "户主")), values.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, String>> business = (List<Map<String, String>>)
                rule("file.production.mainBusiness", "Enum").get("values");
        assertTrue(business.contains(Map.of("value", "PLANTING", "label", "种植")), business.toString());
    }

    @Test
    void theResidentIdRuleCarriesItsCodesAndTheFilesOwnChecksTheirs() {
        Map<String, Object> residentId = rule("file.members[].residentId", "ResidentId");
        @SuppressWarnings("unchecked")
        Map<String, String> codes = (Map<String, String>) residentId.get("codes");
        assertEquals("resident-id.check-digit", codes.get("checkDigit"));
        assertEquals("resident-id.birth-date", codes.get("birthDate"));
        assertEquals(
                "member.resident-id-repeated",
                rule("file.members[].residentId", "UniqueInFile").get("code"));
        assertEquals("phone.invalid", rule("file.phone", "PhoneNumber").get("code"));
        assertEquals("household.one-head", rule("file.members", "OneHead").get("code"));
        assertEquals(true, rule("file.villageCode", "KnownVillage").get("serverOnly"));
        assertEquals(
                "person.filed-elsewhere",
                rule("file.members[].residentId", "NotFiledElsewhere").get("code"));
    }

    @Test
    void everyCodeTheFilesRulesAnswerIsDescribedAtItsField() {
        String head = TestHouseholds.residentId('M');
        String spouse = TestHouseholds.residentId('F');
        List<HouseholdFile.Member> members = new ArrayList<>();
        members.add(member("王建国", HouseholdFile.Relation.SPOUSE, head, ResidentId.Sex.F, null));
        members.add(member("李秀英", HouseholdFile.Relation.SPOUSE, spouse, null, LocalDate.of(1900, 1, 2)));
        members.add(member("王小", HouseholdFile.Relation.CHILD, spouse, null, null));
        members.add(member("王二", HouseholdFile.Relation.CHILD, "330281201313130013", null, null));
        HouseholdFile file = new HouseholdFile(
                "330281100202", "临山村", "12345", 3, members, null, null, null, null, null, null, List.of());
        List<Problem.FieldError> errors = HouseholdFileRules.check(file, LocalDate.of(2026, 12, 7), new ArrayList<>());
        assertTrue(errors.size() >= 5, errors.toString());
        Map<String, Set<Object>> describedCodes = new HashMap<>();
        DOCUMENT.fields()
                .forEach(f -> f.rules().forEach(r -> {
                    Set<Object> codes = describedCodes.computeIfAbsent(f.path(), p -> new LinkedHashSet<>());
                    if (r.get("code") != null) {
                        codes.add(r.get("code"));
                    }
                    if (r.get("codes") instanceof Map<?, ?> steps) {
                        codes.addAll(steps.values());
                    }
                }));
        for (Problem.FieldError error : errors) {
            String path = "file." + error.field().replaceAll("\\[\\d+]", "[]");
            assertTrue(
                    describedCodes.getOrDefault(path, Set.of()).contains(error.code()),
                    error.field() + " " + error.code() + " is not described at " + path);
        }
    }

    private static HouseholdFile.Member member(
            String name, HouseholdFile.Relation relation, String id, ResidentId.Sex sex, LocalDate birth) {
        return new HouseholdFile.Member(name, relation, id, sex, birth, null, null, null, null);
    }

    @Test
    void theMessagesGiveEveryCodeInChineseAndEnglish() {
        DOCUMENT.fields()
                .forEach(f -> f.rules().forEach(r -> {
                    if (r.get("code") != null) {
                        Map<String, String> texts = DOCUMENT.messages().get((String) r.get("code"));
                        assertTrue(
                                texts != null
                                        && !texts.get("zh").isBlank()
                                        && !texts.get("en").isBlank(),
                                r.toString());
                    }
                }));
        assertEquals(
                "校验码错误（GB 11643）",
                DOCUMENT.messages().get("resident-id.check-digit").get("zh"));
    }

    @Test
    void theDocumentIsTheSameEveryTime() {
        assertEquals(DOCUMENT, FieldRulesDocument.of(VALIDATOR));
    }
}
