package org.ruralcredit.sme.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-validation of a firm's own figures (IPC method: inspect the figures, the power use and
 * the cost structure against each other). Each check compares what the firm states with what
 * follows from its other figures; a gap over the tolerance, in percentage points, flags the filing.
 */
public final class CrossCheck {

    public static final String GROSS_MARGIN = "GROSS_MARGIN";
    public static final String EQUITY = "EQUITY";
    public static final String SALES_VS_ELECTRICITY = "SALES_VS_ELECTRICITY";

    /** A filing's figures: yuan, and the gross margin as the firm states it, in percent. */
    public record Figures(
            long sales,
            long costOfSales,
            BigDecimal statedGrossMarginPct,
            long assets,
            long liabilities,
            long equity) {}

    /**
     * The same months of electricity use in the filed year and the year before, and the sales the
     * firm filed for the year before; any may be unknown (null).
     */
    public record Trend(Long previousSales, Long electricityKwh, Long previousElectricityKwh) {
        public static final Trend UNKNOWN = new Trend(null, null, null);
    }

    /**
     * One comparison: {@code stated} and {@code computed} in the check's unit (percent for margins
     * and trends, yuan for equity), the gap in points, and whether it exceeds the tolerance.
     * {@code computable} is false when a figure needed is missing or zero.
     */
    public record Result(
            String check,
            boolean computable,
            BigDecimal stated,
            BigDecimal computed,
            BigDecimal gapPoints,
            boolean flagged,
            String explanation) {}

    private CrossCheck() {}

    public static List<Result> run(Figures f, Trend trend, double tolerancePoints) {
        BigDecimal tolerance = BigDecimal.valueOf(tolerancePoints);
        List<Result> results = new ArrayList<>();

        if (f.sales() == 0) {
            results.add(notComputable(GROSS_MARGIN, "no sales, so no gross margin to compare"));
        } else {
            BigDecimal computed = percent(f.sales() - f.costOfSales(), f.sales());
            BigDecimal stated = f.statedGrossMarginPct().setScale(2, RoundingMode.HALF_UP);
            BigDecimal gap = stated.subtract(computed).abs();
            boolean flagged = gap.compareTo(tolerance) > 0;
            results.add(new Result(
                    GROSS_MARGIN,
                    true,
                    stated,
                    computed,
                    gap,
                    flagged,
                    "stated gross margin " + stated + "% vs (sales " + f.sales() + " - cost of sales " + f.costOfSales()
                            + ") / sales = " + computed + "%: gap " + gap + " points"
                            + (flagged ? ", over the tolerance of " + tolerance + " points" : "")));
        }

        if (f.assets() == 0) {
            results.add(notComputable(EQUITY, "no assets, so the equity gap cannot be weighed"));
        } else {
            long computed = f.assets() - f.liabilities();
            // an equity difference is weighed against total assets, to give points comparable to margins
            BigDecimal gap = percent(Math.abs(f.equity() - computed), f.assets());
            boolean flagged = gap.compareTo(tolerance) > 0;
            results.add(new Result(
                    EQUITY,
                    true,
                    BigDecimal.valueOf(f.equity()),
                    BigDecimal.valueOf(computed),
                    gap,
                    flagged,
                    "stated equity " + f.equity() + " vs assets " + f.assets() + " - liabilities " + f.liabilities()
                            + " = " + computed + ": gap " + gap + " points of assets"
                            + (flagged ? ", over the tolerance of " + tolerance + " points" : "")));
        }

        if (trend.previousSales() == null
                || trend.previousSales() == 0
                || trend.electricityKwh() == null
                || trend.previousElectricityKwh() == null
                || trend.previousElectricityKwh() == 0) {
            results.add(notComputable(
                    SALES_VS_ELECTRICITY,
                    "needs the previous year's filed sales and electricity use for the same months of both years"));
        } else {
            BigDecimal salesTrend = percent(f.sales() - trend.previousSales(), trend.previousSales());
            BigDecimal powerTrend =
                    percent(trend.electricityKwh() - trend.previousElectricityKwh(), trend.previousElectricityKwh());
            BigDecimal gap = salesTrend.subtract(powerTrend).abs();
            boolean flagged = gap.compareTo(tolerance) > 0;
            results.add(new Result(
                    SALES_VS_ELECTRICITY,
                    true,
                    salesTrend,
                    powerTrend,
                    gap,
                    flagged,
                    "sales changed " + salesTrend + "% on the year, electricity use " + powerTrend + "%: gap " + gap
                            + " points" + (flagged ? ", over the tolerance of " + tolerance + " points" : "")));
        }
        return List.copyOf(results);
    }

    private static Result notComputable(String check, String why) {
        return new Result(check, false, null, null, null, false, why);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
