package org.ruralcredit.creditline;

import java.math.BigDecimal;
import java.util.Map;

/**
 * DESIGN §4's default policy. The term (3 years) and base rate (6.00% a year) are this platform's
 * defaults for an unsecured rural credit loan; lenders override them with their own policy.
 */
public final class DefaultLenderPolicy {

    public static final LenderPolicy POLICY = new LenderPolicy(
            "default",
            1,
            "默认授信政策",
            Map.of(
                    CreditGrade.AAA,
                    new BigDecimal("100000"),
                    CreditGrade.AA,
                    new BigDecimal("80000"),
                    CreditGrade.A,
                    new BigDecimal("50000")),
            new BigDecimal("0.10"),
            new BigDecimal("0.30"),
            new BigDecimal("200000"),
            36,
            new BigDecimal("0.0600"),
            Map.of(
                    CreditGrade.AAA,
                    new BigDecimal("0.15"),
                    CreditGrade.AA,
                    new BigDecimal("0.10"),
                    CreditGrade.A,
                    new BigDecimal("0.05")),
            new BigDecimal("0.70"),
            new BigDecimal("100"));

    private DefaultLenderPolicy() {}
}
