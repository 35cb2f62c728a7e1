package org.ruralcredit.creditline;

import java.math.BigDecimal;

/** One line of the arithmetic a loan officer reads, e.g. "资产加成 asset add-on: 10% × 500,000.00 = 50,000.00". */
public record CalculationStep(String chineseLabel, String englishLabel, String arithmetic, BigDecimal result) {

    @Override
    public String toString() {
        return chineseLabel + " " + englishLabel + ": " + arithmetic;
    }
}
