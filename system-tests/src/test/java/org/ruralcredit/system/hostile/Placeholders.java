package org.ruralcredit.system.hostile;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.identity.Uscc;

/**
 * Resolves the corpus placeholders: fresh valid identifiers (so only the mutation under test can
 * be the reason for a refusal), deliberately broken ones, dates relative to today and fixtures.
 * {@code ${serial}} is a fresh positive number (a model version), {@code ${ref}} a fresh loan number.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z]+)(?::([A-Za-z]+))?([+-]\\d+)?}");
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final Random random;
    private final Map<String, String> fixtures;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    Placeholders(long seed, Map<String, String> fixtures) {
        this.random = new Random(seed);
        this.fixtures = fixtures;
    }

    String resolve(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2), m.group(3))));
        }
        return m.appendTail(out).toString();
    }

    private String value(String kind, String variant, String offset) {
        return switch (kind) {
            case "rid" ->
                switch (variant) {
                    case "M", "F" ->
                        residentId(
                                variant.charAt(0),
                                LocalDate.of(
                                        1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)));
                    case "badcheck" -> breakCheck(residentId('M', LocalDate.of(1980, 5, 12)));
                    case "future" -> residentId('M', today.plusDays(1));
                    default -> throw new IllegalArgumentException("unknown resident-ID placeholder " + variant);
                };
            case "uscc" -> variant == null ? uscc() : breakCheck(uscc());
            case "today" ->
                today.plusDays(offset == null ? 0 : Integer.parseInt(offset)).toString();
            case "serial" -> String.valueOf(1_000_000 + random.nextInt(1_000_000_000));
            case "ref" -> "HOSTILE-" + Long.toString(System.nanoTime(), 36) + "-" + random.nextInt(1000);
            default -> {
                String fixture = fixtures.get(kind);
                if (fixture == null) {
                    throw new IllegalArgumentException("unknown placeholder " + kind);
                }
                yield fixture;
            }
        };
    }

    private String residentId(char sex, LocalDate birth) {
        int sequence = random.nextInt(500) * 2 + (sex == 'M' ? 1 : 0);
        String first17 = "330281" + birth.format(BASIC) + String.format("%03d", sequence);
        return first17 + ResidentId.checkCharacter(first17);
    }

    private String uscc() {
        StringBuilder code = new StringBuilder("93330281");
        for (int i = 0; i < 9; i++) {
            code.append(USCC_ALPHABET.charAt(random.nextInt(USCC_ALPHABET.length())));
        }
        return code.append(Uscc.checkCharacter(code.toString())).toString();
    }

    private static String breakCheck(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '0' ? '1' : '0');
    }
}
