package org.ruralcredit.commons.validation;

/**
 * What free text the platform stores. Names and free text come from forms and spreadsheets typed
 * by officials; none of them needs markup, quotes, statement separators or control characters,
 * and refusing those keeps injection attempts and invisible tricks (bidi overrides, zero-width
 * characters, broken surrogates) out of files that lenders and agencies will read. Every letter
 * of every script is accepted, including the rare CJK characters of the supplementary planes.
 */
public final class TextRules {

    /** Punctuation free text may carry besides letters, digits and spaces (ASCII and full-width). */
    private static final String TEXT_PUNCTUATION = ",.:()-_/#&+%@!?·，。、；：？！“”‘’（）《》【】〔〕—…～・";

    /** Joiners inside a person's name: the middle dots of transcribed names, and a hyphen. */
    private static final String NAME_PUNCTUATION = "·・-.";

    public static final String PLAIN_TEXT_MESSAGE =
            "must be plain text: letters, digits, spaces and common punctuation, "
                    + "without angle brackets, quotes, semicolons, backslashes or control characters";

    public static final String PERSON_NAME_MESSAGE = "must be a name: letters, spaces and the middle dot (·) only";

    private TextRules() {}

    public static boolean isPlainText(CharSequence value) {
        return value == null || allowed(value, TEXT_PUNCTUATION, true);
    }

    public static boolean isPersonName(CharSequence value) {
        return value == null || allowed(value, NAME_PUNCTUATION, false);
    }

    /**
     * {@link #isPlainText} as a regular expression that Java and ECMAScript (with the {@code u}
     * flag) read alike, for a client that checks text before sending it.
     */
    public static String plainTextPattern() {
        return pattern(TEXT_PUNCTUATION, true);
    }

    /** {@link #isPersonName} as a regular expression, read alike by Java and ECMAScript ({@code u} flag). */
    public static String personNamePattern() {
        return pattern(NAME_PUNCTUATION, false);
    }

    // letters, marks (non-spacing and combining spacing), decimal digits: the categories allowed() reads
    private static String pattern(String punctuation, boolean digits) {
        StringBuilder chars = new StringBuilder("^[\\p{L}\\p{Mn}\\p{Mc}");
        if (digits) {
            chars.append("\\p{Nd}");
        }
        chars.append(" \\u3000");
        punctuation.chars().forEach(c -> {
            // only these are special inside a class for either reader (a single '&' is plain to both)
            if ("\\[]^-".indexOf(c) >= 0) {
                chars.append('\\');
            }
            chars.append((char) c);
        });
        return chars.append("]*$").toString();
    }

    private static boolean allowed(CharSequence value, String punctuation, boolean digits) {
        String text = value.toString();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                return false; // a lone half of a pair: not a character at all
            }
            if (Character.isLetter(c) || c == ' ' || c == '\u3000' || punctuation.indexOf(c) >= 0) {
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (digits && Character.isDigit(c)) {
                continue;
            }
            return false;
        }
        return true;
    }
}
