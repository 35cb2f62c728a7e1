package org.ruralcredit.commons.problem;

import java.util.List;
import java.util.Locale;

/**
 * The two languages the platform answers in: Chinese for a caller who asks for it first, English
 * for everyone else (no header, an unknown or malformed one included).
 */
public enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of an {@code Accept-Language} header: the first range by weight that is Chinese or English or {@code *}. */
    public static Language of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 512) {
            return EN;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return EN;
        }
        for (Locale.LanguageRange range : ranges) {
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (tag.equals("zh") || tag.startsWith("zh-")) {
                return ZH;
            }
            if (tag.equals("en") || tag.startsWith("en-") || tag.equals("*")) {
                return EN;
            }
        }
        return EN;
    }
}
