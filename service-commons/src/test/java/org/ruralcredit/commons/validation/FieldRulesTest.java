package org.ruralcredit.commons.validation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.identity.PhoneNumber;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.codes.CommonCodes;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field rules of a record are read from its constraints, each with the code the server answers. */
class FieldRulesTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    enum Kind {
        FARM,
        SHOP
    }

    record Item(
            @NotBlank @Size(max = 20) @PlainText String label,
            @PositiveOrZero @DecimalMax("1000") BigDecimal mu) {}

    record Form(
            @NotBlank @Size(max = 50) @PersonName String name,

            @NotNull(message = "{field.required}") @PositiveOrZero @Max(120)
            Integer years,

            @PastOrPresent LocalDate asOf,
            Kind kind,

            @FreeText(max = 200, plainText = true, optional = true, message = "{field.size}")
            String note,

            @NotEmpty @Size(max = 3) List<@NotNull @Valid Item> items,
            @Size(max = 5) List<@NotBlank @Size(max = 10) String> tags,
            @Valid Item extra) {}

    @Target({FIELD, RECORD_COMPONENT, TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Even.Check.class)
    @interface Even {
        String message() default "{field.invalid}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<Even, Integer> {
            @Override
            public boolean isValid(Integer value, ConstraintValidatorContext context) {
                return value == null || value % 2 == 0;
            }
        }
    }

    record Odd(@Even Integer count) {}

    private static List<FieldRules.Field> describe(Class<?> type) {
        return FieldRules.of(VALIDATOR, k -> k == Kind.FARM ? "农场" : null).describe(type, "form");
    }

    private static FieldRules.Field field(List<FieldRules.Field> fields, String path) {
        return fields.stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path + " not described: "
                        + fields.stream().map(FieldRules.Field::path).toList()));
    }

    private static FieldRules.Rule rule(FieldRules.Field field, String type) {
        return field.rules().stream()
                .filter(r -> r.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " not on " + field));
    }

    @Test
    void everyFieldAndEveryValidatedMemberIsDescribedByItsPath() {
        List<FieldRules.Field> fields = describe(Form.class);
        assertEquals(
                List.of(
                        "form.name",
                        "form.years",
                        "form.asOf",
                        "form.kind",
                        "form.note",
                        "form.items",
                        "form.items[]",
                        "form.items[].label",
                        "form.items[].mu",
                        "form.tags",
                        "form.tags[]",
                        "form.extra",
                        "form.extra.label",
                        "form.extra.mu"),
                fields.stream().map(FieldRules.Field::path).toList());
        assertEquals("list", field(fields, "form.items").type());
        assertEquals("object", field(fields, "form.items[]").type());
        assertEquals("number", field(fields, "form.items[].mu").type());
        assertEquals("date", field(fields, "form.asOf").type());
    }

    @Test
    void eachConstraintIsDataWithTheCodeTheServerAnswers() {
        List<FieldRules.Field> fields = describe(Form.class);
        FieldRules.Field name = field(fields, "form.name");
        assertTrue(name.required());
        assertEquals(
                Map.of("type", "Size", "code", "field.size", "min", 0, "max", 50),
                rule(name, "Size").asMap());
        assertEquals("field.not-blank", rule(name, "NotBlank").code());
        FieldRules.Rule personName = rule(name, "PersonName");
        assertEquals("field.person-name", personName.code());
        assertEquals("u", personName.attributes().get("flags"));

        FieldRules.Field years = field(fields, "form.years");
        assertTrue(years.required());
        // a constraint's own message code is the code, not the standard one
        assertEquals("field.required", rule(years, "NotNull").code());
        assertEquals(120L, rule(years, "Max").attributes().get("value"));
        assertEquals("field.not-negative", rule(years, "PositiveOrZero").code());

        FieldRules.Rule asOf = rule(field(fields, "form.asOf"), "PastOrPresent");
        assertEquals("field.not-future", asOf.code());
        assertEquals("Asia/Shanghai", asOf.attributes().get("zone"));
        assertFalse(field(fields, "form.asOf").required());

        FieldRules.Rule kind = rule(field(fields, "form.kind"), "Enum");
        assertEquals("field.wrong-type", kind.code());
        assertEquals(
                List.of(Map.of("value", "FARM", "label", "农场"), Map.of("value", "SHOP")),
                kind.attributes().get("values"));

        FieldRules.Field note = field(fields, "form.note");
        assertFalse(note.required(), "an optional FreeText may be absent");
        assertEquals(200, rule(note, "FreeText").attributes().get("max"));
        assertEquals(
                TextRules.plainTextPattern(),
                rule(note, "FreeText").attributes().get("pattern"));

        assertTrue(field(fields, "form.items[]").required(), "no null element");
        assertEquals(
                "field.not-empty", rule(field(fields, "form.items"), "NotEmpty").code());
        FieldRules.Field mu = field(fields, "form.items[].mu");
        assertEquals("1000", rule(mu, "DecimalMax").attributes().get("value"));
        assertEquals(true, rule(mu, "DecimalMax").attributes().get("inclusive"));
        assertEquals("field.decimal-bounds", rule(mu, "DecimalBounds").code());
        assertEquals(10, rule(field(fields, "form.tags[]"), "Size").attributes().get("max"));
    }

    @Test
    void theSameRecordsGiveTheSameDocument() {
        assertEquals(describe(Form.class), describe(Form.class));
    }

    @Test
    void aRulesAttributesAreWrittenByNameWhateverOrderTheyCameIn() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("max", 5);
        given.put("min", 1);
        assertEquals(
                List.of("type", "code", "max", "min"),
                List.copyOf(
                        new FieldRules.Rule("Size", "field.size", given).asMap().keySet()));
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("min", 1);
        reversed.put("max", 5);
        assertEquals(
                List.copyOf(
                        new FieldRules.Rule("Size", "field.size", given).asMap().entrySet()),
                List.copyOf(new FieldRules.Rule("Size", "field.size", reversed)
                        .asMap()
                        .entrySet()));
    }

    @Test
    void aConstraintItCannotDescribeIsAnErrorNotLeftOut() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> describe(Odd.class));
        assertTrue(refused.getMessage().contains("Even"), refused.getMessage());
        assertTrue(refused.getMessage().contains("form.count"), refused.getMessage());
    }

    @Test
    void theResidentIdCheckNamesTheCodeOfEveryStep() {
        FieldRules.Rule rule = FieldRules.residentId();
        assertNull(rule.code());
        assertEquals(
                List.of(
                        "field.required",
                        "resident-id.length",
                        "resident-id.region-unknown",
                        "resident-id.birth-date",
                        "resident-id.birth-range",
                        "resident-id.check-digit"),
                rule.codes());
        LocalDate today = LocalDate.of(2026, 12, 7);
        String valid = "33028119800101001";
        valid += ResidentId.checkCharacter(valid);
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        for (String bad :
                List.of("", "123", "990281198001010010", "330281198002300010", "330281189912310010", wrongCheck)) {
            String code = ResidentId.parse(bad, today).refusalCode().code();
            assertTrue(rule.codes().contains(code), bad + " is refused with " + code + ", not described");
        }
        assertTrue(ResidentId.parse(valid, today).valid());
        assertEquals("1900-01-01", rule.attributes().get("earliestBirthDate"));
    }

    @Test
    void theCheckCharacterAsDescribedIsTheOneTheServerComputes() {
        List<Integer> weights = FieldRules.checkWeights();
        String characters = FieldRules.checkCharacters();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int n = 0; n < 1000; n++) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                int digit = random.nextInt(10);
                digits.append(digit);
                sum += digit * weights.get(i);
            }
            assertEquals(ResidentId.checkCharacter(digits.toString()), characters.charAt(sum % 11), digits.toString());
        }
    }

    @Test
    void thePhonePatternAcceptsWhatTheServerAccepts() {
        FieldRules.Rule rule = FieldRules.phoneNumber(CommonCodes.FIELD_INVALID);
        Pattern number = Pattern.compile((String) rule.attributes().get("pattern"));
        Pattern ignore = Pattern.compile((String) rule.attributes().get("ignore"));
        for (String phone :
                List.of("13805741234", "138 0574 1234", "0574-62345678", "12345678901", "1380574123", "abc")) {
            boolean accepted =
                    number.matcher(ignore.matcher(phone).replaceAll("")).matches();
            assertEquals(PhoneNumber.normalise(phone) != null, accepted, phone);
        }
    }

    @Test
    void theTextPatternsAcceptWhatTextRulesAccept() {
        Pattern plain = Pattern.compile(TextRules.plainTextPattern());
        Pattern name = Pattern.compile(TextRules.personNamePattern());
        List<String> samples = List.of(
                "临山镇临山村 12 号",
                "𠮷䶮",
                "阿依古丽·买买提",
                "Jean-Luc O.",
                "e\u0301",
                "<script>",
                "a;b",
                "a\"b",
                "x\u202Ey",
                "x\u200By",
                "😀",
                "（一）、【二】《三》",
                "a[b]c^d\\e",
                "100% & 50#",
                "٣",
                "");
        for (String sample : samples) {
            assertEquals(TextRules.isPlainText(sample), plain.matcher(sample).matches(), "plain text: " + sample);
            assertEquals(TextRules.isPersonName(sample), name.matcher(sample).matches(), "name: " + sample);
        }
    }

    @Test
    void aServicesOwnChecksJoinTheirFieldsAndMustNameOne() {
        List<FieldRules.Field> fields = describe(Item.class);
        FieldRules.Rule own = FieldRules.check("Unique", CommonCodes.FIELD_INVALID, Map.of());
        List<FieldRules.Field> checked = FieldRules.withChecks(fields, "form", Map.of("label", List.of(own)));
        assertTrue(field(checked, "form.label").rules().contains(own));
        assertThrows(
                IllegalStateException.class,
                () -> FieldRules.withChecks(fields, "form", Map.of("nothing", List.of(own))));
    }

    @Test
    void theTextsOfEveryCodeComeInBothLanguages() {
        List<FieldRules.Field> fields =
                FieldRules.withChecks(describe(Item.class), "form", Map.of("label", List.of(FieldRules.residentId())));
        Map<String, Map<String, String>> texts = FieldRules.texts(fields);
        assertTrue(texts.containsKey("field.size"));
        assertTrue(texts.containsKey("resident-id.check-digit"));
        assertTrue(
                texts.get("field.size").get("en").contains("{max}"),
                texts.get("field.size").toString());
        texts.values().forEach(t -> assertFalse(t.get("zh").isBlank()));
    }
}
