package org.ruralcredit.morality.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Constraint;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.problem.ConstraintCodes;
import org.ruralcredit.commons.problem.Problem;
import org.ruralcredit.morality.domain.EntryKind;
import org.ruralcredit.morality.service.NewProposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field app's rules for a proposal are the service's: every constraint of the body's record, the service's own checks, their codes. */
class FieldRulesDocumentTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private static final FieldRulesDocument.Document DOCUMENT = FieldRulesDocument.of(VALIDATOR);

    static FieldRulesDocument.FieldView field(FieldRulesDocument.Document document, String path) {
        return document.fields().stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path + " is not described"));
    }

    private static Map<String, Object> rule(String path, String type) {
        return field(DOCUMENT, path).rules().stream()
                .filter(r -> r.get("type").equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " is not on " + path + ": "
                        + field(DOCUMENT, path).rules()));
    }

    private static Map<String, Object> rule(String path, String type, String code) {
        return field(DOCUMENT, path).rules().stream()
                .filter(r -> r.get("type").equals(type) && code.equals(r.get("code")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " " + code + " is not on " + path));
    }

    /** Every field path with the codes its rules answer. */
    static Map<String, Set<Object>> describedCodes(FieldRulesDocument.Document document) {
        Map<String, Set<Object>> codes = new HashMap<>();
        document.fields().forEach(f -> {
            Set<Object> ofField = codes.computeIfAbsent(f.path(), p -> new LinkedHashSet<>());
            f.rules().forEach(r -> {
                if (r.get("code") != null) {
                    ofField.add(r.get("code"));
                }
            });
        });
        return codes;
    }

    @Test
    void everyConstraintOfTheBodysRecordIsDescribed() throws NoSuchFieldException {
        Set<String> declared = new LinkedHashSet<>();
        // found by reflection apart from the describer: "path Type"
        for (RecordComponent component : NewProposal.class.getRecordComponents()) {
            for (Annotation a :
                    NewProposal.class.getDeclaredField(component.getName()).getAnnotations()) {
                if (a.annotationType().isAnnotationPresent(Constraint.class)) {
                    declared.add(component.getName() + " " + a.annotationType().getSimpleName());
                }
            }
        }
        assertTrue(declared.size() >= 10, "the reflection found the record's constraints: " + declared);
        Set<String> described = new LinkedHashSet<>();
        DOCUMENT.fields().forEach(f -> f.rules().forEach(r -> described.add(f.path() + " " + r.get("type"))));
        assertEquals(
                List.of(),
                declared.stream().filter(c -> !described.contains(c)).toList(),
                "constraints the field app would not check");
        assertEquals(
                List.of(NewProposal.class.getRecordComponents()).stream()
                        .map(RecordComponent::getName)
                        .toList(),
                DOCUMENT.fields().stream()
                        .map(FieldRulesDocument.FieldView::path)
                        .toList(),
                "every field of the body, in its order");
    }

    @Test
    void fieldsSayWhetherTheyAreRequiredAndEachRuleItsCode() {
        assertTrue(field(DOCUMENT, "householdId").required());
        assertEquals("field.not-blank", rule("householdId", "NotBlank").get("code"));
        assertEquals(64, rule("householdId", "Size").get("max"));
        assertTrue(field(DOCUMENT, "deedDate").required());
        assertEquals("date", field(DOCUMENT, "deedDate").type());
        assertEquals("field.not-null", rule("deedDate", "NotNull").get("code"));
        assertTrue(field(DOCUMENT, "description").required());
        assertEquals(500, rule("description", "Size").get("max"));
        assertEquals("field.plain-text", rule("description", "PlainText").get("code"));
        assertFalse(field(DOCUMENT, "evidenceNote").required());
        assertEquals("field.plain-text", rule("evidenceNote", "PlainText").get("code"));
        assertFalse(field(DOCUMENT, "ruleCode").required(), "a veto or a reversal has none");
        assertEquals(20, rule("ruleCode", "Size").get("max"));
        assertEquals("[0-9a-f]{64}", rule("evidenceHash", "Pattern").get("regexp"));
        assertEquals("evidence.hash-format", rule("evidenceHash", "Pattern").get("code"));
        assertEquals("uuid", field(DOCUMENT, "reversesEntryId").type());
    }

    @Test
    void theKindIsAnEnumWithItsWordsAndADeedWhenLeftOut() {
        assertEquals("enum", field(DOCUMENT, "kind").type());
        assertFalse(field(DOCUMENT, "kind").required());
        @SuppressWarnings("unchecked")
        List<Map<String, String>> values =
                (List<Map<String, String>>) rule("kind", "Enum").get("values");
        assertEquals(
                List.of(EntryKind.values()).stream().map(Enum::name).toList(),
                values.stream().map(v -> v.get("value")).toList());
        assertTrue(values.contains(Map.of("value", "VETO", "label", "一票否决")), values.toString());
        Map<String, Object> fallback = rule("kind", "Default");
        assertEquals(
                new NewProposal(null, null, null, null, null, null, null, null, null)
                        .kindOrDeed()
                        .name(),
                fallback.get("value"));
        assertNull(fallback.get("code"), "a default is no check");
    }

    @Test
    void theServicesOwnChecksAreNamedWithTheKindsTheyApplyTo() {
        Map<String, Object> deed = rule("ruleCode", "KindFields");
        assertEquals("deed.fields", deed.get("code"));
        assertEquals(List.of("DEED"), deed.get("whenKind"));
        assertEquals(List.of("reversesEntryId", "vetoCode"), deed.get("absent"));
        assertEquals(
                List.of("reversesEntryId", "ruleCode"),
                rule("vetoCode", "KindFields").get("absent"));
        assertEquals("reversal.fields", rule("reversesEntryId", "KindFields").get("code"));
        assertEquals("deed.date-in-future", rule("deedDate", "NotAfterToday").get("code"));
        assertEquals("Asia/Shanghai", rule("deedDate", "NotAfterToday").get("zone"));
        assertNull(rule("deedDate", "NotAfterToday").get("serverOnly"), "a device knows today");
        Map<String, Object> veto = rule("evidenceNote", "EvidenceRequired", "veto.evidence-required");
        assertEquals("evidenceHash", veto.get("orField"));
        assertNull(veto.get("serverOnly"));
        // the catalogue's and the ledger's
        assertEquals(
                true,
                rule("evidenceNote", "EvidenceRequired", "deed.evidence-required")
                        .get("serverOnly"));
        assertEquals(true, rule("ruleCode", "InCatalogue").get("serverOnly"));
        assertEquals(true, rule("vetoCode", "InCatalogue").get("serverOnly"));
        assertEquals(true, rule("deedDate", "CatalogueInForce").get("serverOnly"));
        assertEquals(true, rule("reversesEntryId", "ApprovedEntryOfHousehold").get("serverOnly"));
    }

    @Test
    void everyCodeTheValidatorAnswersForABadProposalIsDescribedAtItsField() {
        String long501 = "很".repeat(501);
        List<NewProposal> bad = List.of(
                new NewProposal(null, null, null, null, null, null, null, null, null),
                new NewProposal(" ", EntryKind.DEED, "", null, null, LocalDate.of(2026, 1, 1), "  ", null, null),
                new NewProposal(
                        "h".repeat(65),
                        EntryKind.DEED,
                        "R".repeat(21),
                        "V".repeat(21),
                        UUID.randomUUID(),
                        LocalDate.of(2026, 1, 1),
                        long501,
                        long501,
                        "ABC"),
                new NewProposal(
                        "hh-1",
                        EntryKind.VETO,
                        null,
                        "V01",
                        null,
                        LocalDate.of(2026, 1, 1),
                        "<script>alert(1)</script>",
                        "<b>note</b>",
                        "0".repeat(63) + "G"));
        Map<String, Set<Object>> described = describedCodes(DOCUMENT);
        Set<String> seen = new LinkedHashSet<>();
        for (NewProposal proposal : bad) {
            for (Problem.FieldError error : ConstraintCodes.fieldErrors(VALIDATOR.validate(proposal))) {
                assertTrue(
                        described.getOrDefault(error.field(), Set.of()).contains(error.code()),
                        error.field() + " " + error.code() + " is not described at " + error.field());
                seen.add(error.field() + " " + error.code());
            }
        }
        // the bad proposals broke every constraint kind of the record, so the check above saw them all
        assertTrue(
                seen.containsAll(Set.of(
                        "householdId field.not-blank",
                        "householdId field.size",
                        "ruleCode field.size",
                        "vetoCode field.size",
                        "deedDate field.not-null",
                        "description field.not-blank",
                        "description field.size",
                        "description field.plain-text",
                        "evidenceNote field.size",
                        "evidenceNote field.plain-text",
                        "evidenceHash evidence.hash-format")),
                seen.toString());
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
        assertEquals("不能晚于今天", DOCUMENT.messages().get("deed.date-in-future").get("zh"));
        assertEquals(
                "a veto requires evidence: a note or a file hash",
                DOCUMENT.messages().get("veto.evidence-required").get("en"));
    }

    @Test
    void theDocumentIsTheSameEveryTime() {
        assertEquals(DOCUMENT, FieldRulesDocument.of(VALIDATOR));
    }
}
