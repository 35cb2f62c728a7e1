package org.ruralcredit.commons.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ruralcredit.commons.problem.codes.CommonCodes;
import org.ruralcredit.commons.problem.codes.GatewayCodes;
import org.ruralcredit.commons.problem.codes.MoralityCodes;
import org.ruralcredit.commons.problem.codes.RatingCodes;
import org.ruralcredit.commons.problem.codes.RegistryCodes;
import org.ruralcredit.commons.problem.codes.SmeCodes;

/**
 * The one catalogue of problem codes and their texts in Chinese and English, for every service.
 * Each area is an enum of codes beside a pair of property files ({@code <area>.properties},
 * {@code <area>_zh_CN.properties}, UTF-8); a text names its values as {@code {name}}, formatted
 * here as a Chinese or an English office writes them (dates in Asia/Shanghai; a count with
 * thousands separators, so a year is passed as {@link java.time.Year}).
 */
public final class ProblemCatalogue {

    /** The areas and the file name of their texts. */
    public static final Map<String, List<? extends ProblemCode>> AREAS = areas();

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Map<String, ProblemCode> BY_CODE = AREAS.values().stream()
            .flatMap(List::stream)
            .collect(Collectors.toMap(
                    ProblemCode::code,
                    Function.identity(),
                    (a, b) -> {
                        throw new IllegalStateException("problem code " + a.code() + " is declared twice");
                    },
                    LinkedHashMap::new));
    private static final Map<Language, Properties> TEXTS = Map.of(Language.EN, load(""), Language.ZH, load("_zh_CN"));

    private ProblemCatalogue() {}

    private static Map<String, List<? extends ProblemCode>> areas() {
        Map<String, List<? extends ProblemCode>> areas = new LinkedHashMap<>();
        areas.put("common", List.of(CommonCodes.values()));
        areas.put("registry", List.of(RegistryCodes.values()));
        areas.put("rating", List.of(RatingCodes.values()));
        areas.put("morality", List.of(MoralityCodes.values()));
        areas.put("sme", List.of(SmeCodes.values()));
        areas.put("gateway", List.of(GatewayCodes.values()));
        return Map.copyOf(areas);
    }

    /** The texts of one area in one language, as written in its file (for the catalogue's own test). */
    public static Properties areaTexts(String area, Language language) {
        return read(area + (language == Language.ZH ? "_zh_CN" : "") + ".properties");
    }

    private static Properties load(String suffix) {
        Properties all = new Properties();
        AREAS.keySet().forEach(area -> all.putAll(read(area + suffix + ".properties")));
        return all;
    }

    private static Properties read(String file) {
        Properties texts = new Properties();
        try (InputStream in = CommonCodes.class.getResourceAsStream(file)) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    public static Optional<ProblemCode> byCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    public static Stream<ProblemCode> all() {
        return BY_CODE.values().stream();
    }

    /** The names a text mentions, in order of appearance. */
    public static List<String> placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** A code's arguments by name, checked against what the code declares. */
    public static Map<String, Object> args(ProblemCode code, Object... values) {
        if (values.length != code.args().size()) {
            throw new IllegalArgumentException("problem code " + code.code() + " takes " + code.args()
                    + " but was given " + values.length + " value(s)");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            args.put(code.args().get(i), values[i]);
        }
        return args;
    }

    /** The message of a code with its arguments, in the language asked for. */
    public static String message(String code, Map<String, Object> args, Language language) {
        String text = TEXTS.get(language).getProperty(code);
        if (text == null) {
            text = TEXTS.get(Language.EN).getProperty(code, code);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = args == null ? null : args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(format(value, language)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A problem's title: its code's own title if it has one, else its status's. */
    public static String title(String code, int status, Language language) {
        Properties texts = TEXTS.get(language);
        String own = code == null ? null : texts.getProperty(code + ".title");
        return own != null ? own : texts.getProperty("status." + status, texts.getProperty("status.other"));
    }

    /** A value as a Chinese or an English office writes it. */
    public static String format(Object value, Language language) {
        Locale locale = language.locale();
        boolean zh = language == Language.ZH;
        if (value == null) {
            return "";
        }
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof BigInteger) {
            return NumberFormat.getIntegerInstance(locale).format(value);
        }
        if (value instanceof Year year) {
            return year.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDate date) {
            return date.format(DateTimeFormatter.ofPattern(zh ? "yyyy年M月d日" : "d MMM yyyy", locale));
        }
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            ZonedDateTime at = value instanceof Instant i
                    ? i.atZone(CHINA)
                    : value instanceof OffsetDateTime o
                            ? o.atZoneSameInstant(CHINA)
                            : ((ZonedDateTime) value).withZoneSameInstant(CHINA);
            return at.format(DateTimeFormatter.ofPattern(zh ? "yyyy年M月d日 HH:mm" : "d MMM yyyy, HH:mm", locale));
        }
        if (value instanceof LocalDateTime || value instanceof LocalTime) {
            String pattern = value instanceof LocalTime ? "HH:mm" : (zh ? "yyyy年M月d日 HH:mm" : "d MMM yyyy, HH:mm");
            return DateTimeFormatter.ofPattern(pattern, locale).format((TemporalAccessor) value);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> format(item, language)).collect(Collectors.joining(zh ? "、" : ", "));
        }
        return value.toString();
    }
}
