package org.ruralcredit.events.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.ruralcredit.events.EventFormatException;

/**
 * A lender registered a version of one of its credit-line policies (评分、授信分离: the platform
 * rates, the lender decides), so a reader can size the lender's offers itself with the platform's
 * one calculator. Keyed by {@code institution/policyId} on a compacted topic: the newest version
 * of every policy stays. The content is the policy as the lender wrote it: amounts in yuan, shares
 * and rates as fractions, grades (AAA, AA, A) by name; {@code targetMargin} is null when the lender
 * left the platform's default.
 */
public record LenderPolicyRegistered(
        String institution,
        String policyId,
        int version,
        String name,
        Map<String, BigDecimal> baseLineByGrade,
        BigDecimal assetShare,
        BigDecimal businessIncomeShare,
        BigDecimal lineCap,
        int termMonths,
        BigDecimal baseAnnualRate,
        Map<String, BigDecimal> rateDiscountByGrade,
        BigDecimal repaymentShareOfNetIncome,
        BigDecimal roundingUnit,
        BigDecimal targetMargin,
        String registeredBy,
        Instant registeredAt) {

    public LenderPolicyRegistered {
        if (institution == null || policyId == null || version < 1 || registeredAt == null) {
            throw new EventFormatException("institution, policyId, a version from 1 and registeredAt are required");
        }
        baseLineByGrade = baseLineByGrade == null ? Map.of() : Map.copyOf(baseLineByGrade);
        rateDiscountByGrade = rateDiscountByGrade == null ? Map.of() : Map.copyOf(rateDiscountByGrade);
    }

    /** The key of the policy's events: the compacted topic keeps the newest version of each policy. */
    public String key() {
        return key(institution, policyId);
    }

    public static String key(String institution, String policyId) {
        return institution + "/" + policyId;
    }
}
