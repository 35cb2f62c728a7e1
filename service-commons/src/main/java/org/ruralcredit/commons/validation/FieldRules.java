package org.ruralcredit.commons.validation;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import org.ruralcredit.commons.identity.AddressCode;
import org.ruralcredit.commons.identity.PhoneNumber;
import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.json.BoundedDecimals;
import org.ruralcredit.commons.problem.ConstraintCodes;
import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.commons.problem.ProblemCode;
import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.time.ServiceClock;

/**
 * A request record's field rules as data, for a client that checks what it captures by the rules
 * the service applies (an offline form): read from the Bean Validation metadata of the record and
 * of every member it validates with {@code @Valid}, so a constraint added to a record is described
 * without further work. A constraint this class cannot describe is an error, never left out: a
 * client that skipped it would accept what the server refuses. Each rule names the problem code
 * the server answers when it is broken, as {@link ConstraintCodes} reads it. Output is ordered, so
 * the same records always give the same document (and the same hash).
 */
public final class FieldRules {

    /**
     * One field: its path in the JSON body ({@code []} stands for any element of a list), its JSON
     * type, whether it must be present, and its rules.
     */
    public record Field(String path, String type, boolean required, List<Rule> rules) {

        public Field {
            rules = List.copyOf(rules);
        }
    }

    /**
     * One rule: its type (the constraint's simple name, or the name of a service's own check), the
     * code the server answers when it is broken (null for a check of several steps, whose
     * "codes" attribute maps each step to its code), and what it needs (min, max, regexp, values).
     */
    public record Rule(String type, String code, Map<String, Object> attributes) {

        public Rule {
            // by name: the same rule is written the same way in every JVM (a Map.of iterates in no set order)
            attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
        }

        /** The rule as one JSON object: type, code, then the attributes by name. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", type);
            if (code != null) {
                map.put("code", code);
            }
            map.putAll(attributes);
            return map;
        }

        /** Every code the rule can answer. */
        public List<String> codes() {
            List<String> codes = new ArrayList<>();
            if (code != null) {
                codes.add(code);
            }
            if (attributes.get("codes") instanceof Map<?, ?> steps) {
                steps.values().forEach(c -> codes.add(c.toString()));
            }
            return codes;
        }
    }

    /** The constraints described, with the attributes that say what they allow. */
    private static final Map<Class<? extends Annotation>, List<String>> KNOWN = Map.ofEntries(
            Map.entry(NotNull.class, List.of()),
            Map.entry(NotBlank.class, List.of()),
            Map.entry(NotEmpty.class, List.of()),
            Map.entry(Null.class, List.of()),
            Map.entry(AssertTrue.class, List.of()),
            Map.entry(AssertFalse.class, List.of()),
            Map.entry(Size.class, List.of("min", "max")),
            Map.entry(Min.class, List.of("value")),
            Map.entry(Max.class, List.of("value")),
            Map.entry(DecimalMin.class, List.of("value", "inclusive")),
            Map.entry(DecimalMax.class, List.of("value", "inclusive")),
            Map.entry(Digits.class, List.of("integer", "fraction")),
            Map.entry(Positive.class, List.of()),
            Map.entry(PositiveOrZero.class, List.of()),
            Map.entry(Negative.class, List.of()),
            Map.entry(NegativeOrZero.class, List.of()),
            Map.entry(Past.class, List.of()),
            Map.entry(PastOrPresent.class, List.of()),
            Map.entry(Future.class, List.of()),
            Map.entry(FutureOrPresent.class, List.of()),
            Map.entry(Pattern.class, List.of("regexp", "flags")),
            Map.entry(PlainText.class, List.of()),
            Map.entry(PersonName.class, List.of()),
            Map.entry(FreeText.class, List.of("max", "plainText", "optional", "strip")),
            Map.entry(RequiredWithin.class, List.of("min", "max")));

    private static final Set<Class<? extends Annotation>> TIME =
            Set.of(Past.class, PastOrPresent.class, Future.class, FutureOrPresent.class);

    private static final Comparator<Rule> ORDER =
            Comparator.comparing(Rule::type).thenComparing(r -> r.asMap().toString());

    private final Validator validator;
    private final Function<Enum<?>, String> labels;

    private FieldRules(Validator validator, Function<Enum<?>, String> labels) {
        this.validator = validator;
        this.labels = labels;
    }

    /** A describer reading {@code validator}'s metadata; {@code labels} gives an enum constant's words (null: none). */
    public static FieldRules of(Validator validator, Function<Enum<?>, String> labels) {
        return new FieldRules(validator, labels);
    }

    /** The fields of {@code type} and of every member it validates with {@code @Valid}, their paths under {@code prefix}. */
    public List<Field> describe(Class<?> type, String prefix) {
        List<Field> fields = new ArrayList<>();
        walk(type, prefix, fields, new HashSet<>());
        return List.copyOf(fields);
    }

    private void walk(Class<?> type, String prefix, List<Field> out, Set<Class<?>> visiting) {
        if (!visiting.add(type)) {
            throw new IllegalStateException(type.getName() + " contains itself; a form cannot be described endlessly");
        }
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        for (Map.Entry<String, Class<?>> property : properties(type, bean).entrySet()) {
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            PropertyDescriptor described = bean.getConstraintsForProperty(property.getKey());
            if (described == null) {
                out.add(field(path, property.getValue(), Set.of()));
                continue;
            }
            out.add(field(
                    path,
                    property.getValue(),
                    described
                            .findConstraints()
                            .unorderedAndMatchingGroups(Default.class)
                            .getConstraintDescriptors()));
            if (described.isCascaded()) {
                walk(described.getElementClass(), path, out, visiting);
            }
            for (ContainerElementTypeDescriptor element : described.getConstrainedContainerElementTypes()) {
                element(path, element, out, visiting);
            }
        }
        visiting.remove(type);
    }

    private void element(
            String container, ContainerElementTypeDescriptor element, List<Field> out, Set<Class<?>> visiting) {
        String path = container + "[]";
        out.add(field(
                path,
                element.getElementClass(),
                element.findConstraints()
                        .unorderedAndMatchingGroups(Default.class)
                        .getConstraintDescriptors()));
        if (element.isCascaded()) {
            walk(element.getElementClass(), path, out, visiting);
        }
        for (ContainerElementTypeDescriptor inner : element.getConstrainedContainerElementTypes()) {
            element(path, inner, out, visiting);
        }
    }

    /** A record's components in declaration order (unconstrained ones too: their type and values matter); else the constrained properties by name. */
    private static Map<String, Class<?>> properties(Class<?> type, BeanDescriptor bean) {
        Map<String, Class<?>> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(component.getName(), component.getType());
            }
        } else {
            bean.getConstrainedProperties().stream()
                    .sorted(Comparator.comparing(PropertyDescriptor::getPropertyName))
                    .forEach(p -> properties.put(p.getPropertyName(), p.getElementClass()));
        }
        return properties;
    }

    private Field field(String path, Class<?> type, Set<ConstraintDescriptor<?>> constraints) {
        Set<Rule> rules = new LinkedHashSet<>();
        boolean required = false;
        for (ConstraintDescriptor<?> constraint : constraints) {
            rules.add(rule(path, constraint));
            required |= requires(constraint.getAnnotation());
        }
        if (type.isEnum()) {
            rules.add(enumRule(type));
        }
        if (type == BigDecimal.class) {
            // read by the JSON mapper before any constraint (service-commons' BoundedDecimals)
            rules.add(new Rule(
                    "DecimalBounds",
                    CommonCodes.FIELD_DECIMAL_BOUNDS.code(),
                    attributes("precision", BoundedDecimals.MAX_PRECISION, "scale", BoundedDecimals.MAX_SCALE)));
        }
        return new Field(
                path, typeName(type), required, rules.stream().sorted(ORDER).toList());
    }

    private static boolean requires(Annotation constraint) {
        return constraint instanceof NotNull
                || constraint instanceof NotBlank
                || constraint instanceof NotEmpty
                || constraint instanceof RequiredWithin
                || (constraint instanceof FreeText text && !text.optional());
    }

    private static Rule rule(String path, ConstraintDescriptor<?> constraint) {
        Class<? extends Annotation> kind = constraint.getAnnotation().annotationType();
        List<String> names = KNOWN.get(kind);
        if (names == null) {
            throw new IllegalStateException("the field rules cannot describe @" + kind.getName() + " on " + path
                    + ": teach FieldRules what it allows, so a client checks it too");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String name : names) {
            Object value = constraint.getAttributes().get(name);
            if (value instanceof Pattern.Flag[] flags) {
                if (flags.length > 0) {
                    attributes.put(
                            name, Arrays.stream(flags).map(Enum::name).sorted().toList());
                }
            } else {
                attributes.put(name, value);
            }
        }
        if (kind == PlainText.class || (constraint.getAnnotation() instanceof FreeText text && text.plainText())) {
            attributes.putAll(unicodePattern(TextRules.plainTextPattern()));
        } else if (kind == PersonName.class) {
            attributes.putAll(unicodePattern(TextRules.personNamePattern()));
        } else if (TIME.contains(kind)) {
            attributes.put("zone", ServiceClock.CHINA.getId());
        }
        String template = constraint.getMessageTemplate();
        ProblemCode code = ConstraintCodes.codeOf(template).orElse(null);
        if (code == null) {
            attributes.put("message", template);
        }
        return new Rule(kind.getSimpleName(), code == null ? null : code.code(), attributes);
    }

    private static Map<String, Object> unicodePattern(String pattern) {
        return attributes("pattern", pattern, "flags", "u");
    }

    private Rule enumRule(Class<?> type) {
        List<Map<String, String>> values = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            Map<String, String> value = new LinkedHashMap<>();
            value.put("value", ((Enum<?>) constant).name());
            String label = labels.apply((Enum<?>) constant);
            if (label != null) {
                value.put("label", label);
            }
            values.add(value);
        }
        // a value the JSON reader cannot map to a constant answers the wrong-type code
        return new Rule("Enum", CommonCodes.FIELD_WRONG_TYPE.code(), attributes("values", values));
    }

    private static String typeName(Class<?> type) {
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "string";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == BigInteger.class) {
            return "integer";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "date-time";
        }
        if (type == UUID.class) {
            return "uuid";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "object";
    }

    /**
     * A service's own check of a field (one it makes after the record's constraints, such as an
     * identifier's check character), described by name, with the code it answers.
     */
    public static Rule check(String type, ProblemCode code, Map<String, Object> attributes) {
        return new Rule(type, code.code(), attributes);
    }

    /**
     * {@link ResidentId#parse}: the form, the address code's province ({@link AddressCode}), the
     * birth date, the ISO 7064 MOD 11-2 check character, each step with the code it answers.
     */
    public static Rule residentId() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("required", CommonCodes.FIELD_REQUIRED.code());
        codes.put("form", CommonCodes.RESIDENT_ID_LENGTH.code());
        codes.put("region", CommonCodes.RESIDENT_ID_REGION_UNKNOWN.code());
        codes.put("birthDate", CommonCodes.RESIDENT_ID_BIRTH_DATE.code());
        codes.put("birthRange", CommonCodes.RESIDENT_ID_BIRTH_RANGE.code());
        codes.put("checkDigit", CommonCodes.RESIDENT_ID_CHECK_DIGIT.code());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("standard", "GB 11643-1999");
        attributes.put("strip", true);
        attributes.put("upperCase", true);
        attributes.put("pattern", "^" + ResidentId.FORM.pattern() + "$");
        attributes.put(
                "provinces", new TreeSet<>(AddressCode.PROVINCES).stream().toList());
        attributes.put("prefectureNotZeroUnderCounty", true);
        attributes.put("earliestBirthDate", ResidentId.EARLIEST_BIRTH.toString());
        attributes.put("latestBirthDate", "today");
        attributes.put("zone", ServiceClock.CHINA.getId());
        attributes.put("weights", checkWeights());
        attributes.put("checkCharacters", checkCharacters());
        attributes.put("codes", codes);
        return new Rule("ResidentId", null, attributes);
    }

    /** GB 11643's weight of each of the first 17 digits: 2^(17 - position) mod 11. */
    static List<Integer> checkWeights() {
        return IntStream.range(0, 17)
                .map(i -> BigInteger.TWO.pow(17 - i).mod(BigInteger.valueOf(11)).intValue())
                .boxed()
                .toList();
    }

    /** The check character by (weighted sum mod 11): the value (12 - r) mod 11, 10 written X. */
    static String checkCharacters() {
        StringBuilder chars = new StringBuilder();
        for (int r = 0; r < 11; r++) {
            int value = (12 - r) % 11;
            chars.append(value == 10 ? 'X' : (char) ('0' + value));
        }
        return chars.toString();
    }

    /** {@link PhoneNumber#normalise}: separators left out, then a mobile or fixed-line number. */
    public static Rule phoneNumber(ProblemCode code) {
        return check(
                "PhoneNumber",
                code,
                attributes(
                        "ignore",
                        PhoneNumber.SEPARATORS.pattern(),
                        "pattern",
                        "^(?:" + PhoneNumber.NUMBER.pattern() + ")$"));
    }

    /**
     * {@code fields} with the service's own checks added, by path relative to {@code prefix}. A
     * check naming a field the records do not have is a mistake, not something to skip.
     */
    public static List<Field> withChecks(List<Field> fields, String prefix, Map<String, List<Rule>> checks) {
        Map<String, List<Rule>> byPath = new TreeMap<>();
        checks.forEach((path, rules) -> byPath.put(prefix.isEmpty() ? path : prefix + "." + path, rules));
        List<Field> out = new ArrayList<>();
        for (Field field : fields) {
            List<Rule> added = byPath.remove(field.path());
            if (added == null) {
                out.add(field);
            } else {
                List<Rule> rules = new ArrayList<>(field.rules());
                rules.addAll(added);
                out.add(new Field(field.path(), field.type(), field.required(), rules));
            }
        }
        if (!byPath.isEmpty()) {
            throw new IllegalStateException("checks of fields the records do not have: " + byPath.keySet());
        }
        return List.copyOf(out);
    }

    /** The texts of every code the fields' rules answer, by code, then language ({@code zh}, {@code en}). */
    public static Map<String, Map<String, String>> texts(List<Field> fields) {
        Map<Language, List<Properties>> catalogue = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            catalogue.put(
                    language,
                    ProblemCatalogue.AREAS.keySet().stream()
                            .sorted()
                            .map(area -> ProblemCatalogue.areaTexts(area, language))
                            .toList());
        }
        Map<String, Map<String, String>> texts = new TreeMap<>();
        for (Field field : fields) {
            for (Rule rule : field.rules()) {
                for (String code : rule.codes()) {
                    texts.computeIfAbsent(code, c -> {
                        String en = text(catalogue.get(Language.EN), c);
                        if (en == null) {
                            throw new IllegalStateException("problem code " + c + " has no text in the catalogue");
                        }
                        String zh = text(catalogue.get(Language.ZH), c);
                        Map<String, String> byLanguage = new LinkedHashMap<>();
                        byLanguage.put("zh", zh == null ? en : zh);
                        byLanguage.put("en", en);
                        return byLanguage;
                    });
                }
            }
        }
        return texts;
    }

    /** A code's text as written in the catalogue, its values still named ({@code {max}}); null when none. */
    private static String text(List<Properties> areas, String code) {
        return areas.stream()
                .map(texts -> texts.getProperty(code))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> attributes(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
