package org.ruralcredit.creditline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What a lender's policy offers a household: the line (0 when none), the yearly rate (empty when
 * no line) and every step of the arithmetic.
 */
public record CreditLineOffer(
        String policyId,
        int policyVersion,
        CreditGrade grade,
        BigDecimal creditLine,
        Optional<BigDecimal> annualRate,
        List<CalculationStep> steps) {

    public CreditLineOffer {
        steps = List.copyOf(steps);
    }

    public boolean hasLine() {
        return creditLine.signum() > 0;
    }

    /** The explanation as the lines a loan officer reads. */
    public String explanation() {
        return String.join("\n", steps.stream().map(CalculationStep::toString).toList());
    }
}
