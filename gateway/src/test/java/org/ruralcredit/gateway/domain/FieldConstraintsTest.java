package org.ruralcredit.gateway.domain;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's own field constraints, on both sides of each limit. */
class FieldConstraintsTest {

    /** The constraints as request records carry them. */
    record Sample(
            @YuanAmount(positive = true, message = "{amount.positive}")
            BigDecimal amount,

            @YuanAmount(max = 100, message = "{amount.not-negative}")
            BigDecimal balance) {}

    private static <A extends Annotation> A on(String component, Class<A> type) {
        for (var c : Sample.class.getRecordComponents()) {
            if (c.getName().equals(component)) {
                return c.getAnnotation(type);
            }
        }
        throw new IllegalArgumentException(component);
    }

    private static YuanAmount.Validator yuan(String component) {
        YuanAmount.Validator v = new YuanAmount.Validator();
        v.initialize(on(component, YuanAmount.class));
        return v;
    }

    @Test
    void aPositiveAmountIsMoreThanZeroWithTwoDecimalsAtMostTheLimit() {
        YuanAmount.Validator v = yuan("amount");
        assertTrue(v.isValid(null, null)); // absent is @NotNull's to answer
        assertTrue(v.isValid(new BigDecimal("0.01"), null));
        assertTrue(v.isValid(new BigDecimal("100000000"), null));
        assertTrue(v.isValid(new BigDecimal("5.100"), null)); // trailing zeros are not decimals
        assertFalse(v.isValid(BigDecimal.ZERO, null));
        assertFalse(v.isValid(new BigDecimal("-0.01"), null));
        assertFalse(v.isValid(new BigDecimal("100000000.01"), null));
        assertFalse(v.isValid(new BigDecimal("5.001"), null));
    }

    @Test
    void aBalanceMayBeZeroButNotNegativeOrAboveItsLimit() {
        YuanAmount.Validator v = yuan("balance");
        assertTrue(v.isValid(BigDecimal.ZERO, null));
        assertTrue(v.isValid(new BigDecimal("100.00"), null));
        assertFalse(v.isValid(new BigDecimal("-0.01"), null));
        assertFalse(v.isValid(new BigDecimal("100.01"), null));
        assertFalse(v.isValid(new BigDecimal("0.001"), null));
    }

    @Test
    void anAnnualRateIsAboveZeroAtMostThirtySixPercentWithFiveDecimals() {
        AnnualRate.Validator v = new AnnualRate.Validator();
        assertTrue(v.isValid(null, null));
        assertTrue(v.isValid(new BigDecimal("0.00001"), null));
        assertTrue(v.isValid(new BigDecimal("0.36"), null));
        assertTrue(v.isValid(new BigDecimal("0.0435000"), null));
        assertFalse(v.isValid(BigDecimal.ZERO, null));
        assertFalse(v.isValid(new BigDecimal("-0.01"), null));
        assertFalse(v.isValid(new BigDecimal("0.36001"), null));
        assertFalse(v.isValid(new BigDecimal("0.043501"), null));
    }

    @Test
    void aClassificationIsNamedInEnglishOrChineseWhenGiven() {
        ClassificationName.Validator v = new ClassificationName.Validator();
        assertTrue(v.isValid(null, null));
        assertTrue(v.isValid("substandard", null));
        assertTrue(v.isValid(" 可疑 ", null));
        assertFalse(v.isValid("BAD", null));
        assertFalse(v.isValid("", null));
    }

    @Test
    void aLetterHashIsSixtyFourHexDigitsInEitherCaseAndStoredLowerCase() {
        Sha256Hex.Validator v = new Sha256Hex.Validator();
        assertTrue(v.isValid(null, null)); // absent is @NotNull's to answer
        assertTrue(v.isValid("ab".repeat(32), null));
        assertTrue(v.isValid("  " + "AB".repeat(32) + "\u3000", null));
        assertFalse(v.isValid("ab".repeat(31) + "a", null));
        assertFalse(v.isValid("ab".repeat(32) + "a", null));
        assertFalse(v.isValid("ab".repeat(31) + "ag", null));
        assertEquals("ab".repeat(32), Sha256Hex.Validator.normalised(" " + "AB".repeat(32) + " "));
    }
}
