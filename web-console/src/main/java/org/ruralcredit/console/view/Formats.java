package org.ruralcredit.console.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Values as a Chinese office writes them (English on the switch): instants in China's time to the
 * minute, amounts with thousands separators in 元 (万元 from ten thousand up), rates as percentages.
 * Pure functions of the value and the language ("zh" or "en").
 */
public final class Formats {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Formats() {}

    /** An ISO instant (2026-12-06T16:39:42.647829Z) as China's local time, 2026-12-07 00:39; anything else unchanged. */
    public static String instant(String iso) {
        if (iso == null || !INSTANT.matcher(iso).matches()) {
            return iso == null ? "" : iso;
        }
        try {
            return MINUTE.format(OffsetDateTime.parse(iso).atZoneSameInstant(CHINA));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    public static boolean isInstant(String text) {
        return text != null && INSTANT.matcher(text).matches();
    }

    /** A coded value (ACTIVE, LOAN_APPLICATION, AAA): upper-case words joined by underscores. */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    /** An amount in yuan: 2,620,700.0 → 262.07万元 (zh) or CNY 2,620,700.00 (en); below 10,000: 8,500元. */
    public static String money(BigDecimal yuan, String language) {
        if (yuan == null) {
            return "";
        }
        if ("en".equals(language)) {
            return "CNY " + pattern("#,##0.00").format(yuan);
        }
        if (yuan.abs().compareTo(TEN_THOUSAND) >= 0) {
            return pattern("#,##0.##").format(yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP)) + "万元";
        }
        return pattern("#,##0.##").format(yuan) + "元";
    }

    /** A rate or share given as a fraction: 0.037 → 3.7%, 0.0435 → 4.35%. */
    public static String fractionAsPercent(BigDecimal fraction) {
        return fraction == null ? "" : percent(fraction.movePointRight(2));
    }

    /** A share already in percent: 72.5 → 72.5%. */
    public static String percent(BigDecimal percent) {
        return percent == null ? "" : pattern("#,##0.##").format(percent) + "%";
    }

    /** A count with thousands separators: 10207 → 10,207. */
    public static String count(long n) {
        return pattern("#,##0").format(n);
    }

    /** Today in China, for the default of a date field (the UTC date is a day behind before 08:00). */
    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, CHINA);
    }

    private static DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
