package org.ruralcredit.commons.validation;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Free text as request records carry it, on both sides of each limit. */
class FreeTextTest {

    record Sample(
            @FreeText(max = 5, plainText = true, message = "{text.required-plain}")
            String required,

            @FreeText(max = 5, plainText = true, optional = true, message = "{loan.product}")
            String optional,

            @FreeText(max = 5, plainText = true, strip = true, message = "{text.required-plain}")
            String stripped,

            @FreeText(max = 5, plainText = false, message = "{firm.text-required}")
            String anyCharacters) {}

    static <A extends Annotation> A on(Class<? extends Record> type, String component, Class<A> annotation) {
        for (var c : type.getRecordComponents()) {
            if (c.getName().equals(component)) {
                return c.getAnnotation(annotation);
            }
        }
        throw new IllegalArgumentException(component);
    }

    private static FreeText.Validator freeText(String component) {
        FreeText.Validator v = new FreeText.Validator();
        v.initialize(on(Sample.class, component, FreeText.class));
        return v;
    }

    @Test
    void plainFreeTextIsThereNotBlankAtMostMaxAndPlain() {
        FreeText.Validator v = freeText("required");
        assertTrue(v.isValid("养殖肉牛", null));
        assertTrue(v.isValid("12345", null));
        assertFalse(v.isValid("123456", null));
        assertFalse(v.isValid(null, null));
        assertFalse(v.isValid("", null));
        assertFalse(v.isValid("   ", null));
        assertFalse(v.isValid("<b>", null));
        assertFalse(v.isValid("a\nb", null));
        // not stripped: the white space counts, and a newline is not plain text
        assertFalse(v.isValid(" 1234 ", null));
        assertFalse(v.isValid("abc\n", null));
    }

    @Test
    void optionalFreeTextMayBeAbsentButNotBlankOrMarkup() {
        FreeText.Validator v = freeText("optional");
        assertTrue(v.isValid(null, null));
        assertTrue(v.isValid("惠农贷", null));
        assertFalse(v.isValid(" ", null));
        assertFalse(v.isValid("123456", null));
        assertFalse(v.isValid("a;b", null));
    }

    @Test
    void strippedFreeTextIsJudgedWithoutTheWhiteSpaceAroundIt() {
        FreeText.Validator v = freeText("stripped");
        assertTrue(v.isValid("  12345 \n", null));
        assertFalse(v.isValid("  123456 ", null));
        assertFalse(v.isValid(" \t ", null));
        assertFalse(v.isValid(null, null));
    }

    @Test
    void textNotJudgedAsPlainIsStillThereNotBlankAndAtMostMax() {
        FreeText.Validator v = freeText("anyCharacters");
        // the characters are another constraint's to judge
        assertTrue(v.isValid("<b>", null));
        assertTrue(v.isValid("王建国", null));
        assertTrue(v.isValid("12345", null));
        assertFalse(v.isValid("123456", null));
        assertFalse(v.isValid(null, null));
        assertFalse(v.isValid("", null));
        assertFalse(v.isValid(" \n ", null));
        // not stripped: the white space counts
        assertFalse(v.isValid(" 12345", null));
    }
}
