package org.ruralcredit.rating.domain.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;

import org.ruralcredit.events.registry.HouseholdChanged;

/**
 * Turns a household's registry facts into scorecard inputs. Moral points, the panel score and the
 * loan record come from other sources; until they are known they are left missing, and the
 * model's missing points apply.
 */
public final class HouseholdInputs {

    /** Public-order facts that are vetoes of their own rather than violations to count. */
    private static final Set<String> NOT_VIOLATIONS = Set.of("DISHONEST_DEBTOR", "FALSE_INFORMATION");

    private HouseholdInputs() {}

    public static ScorecardInputs.Builder fromRegistry(HouseholdChanged facts, LocalDate today) {
        ScorecardInputs.Builder in = ScorecardInputs.builder();
        if (facts.head() != null) {
            in.number(Input.HEAD_AGE, facts.head().ageYears())
                    .category(Input.HEAD_EDUCATION, facts.head().education());
        }
        in.number(Input.LABOUR_COUNT, facts.labourCount()).number(Input.YEARS_RESIDENT, facts.yearsResident());
        if (facts.production() != null) {
            in.category(Input.MAIN_BUSINESS, facts.production().mainBusiness())
                    .number(Input.YEARS_EXPERIENCE, facts.production().yearsExperience())
                    .category(
                            Input.HAS_CERTIFICATES,
                            Boolean.toString(facts.production().hasCertificates()))
                    .asOf("production", facts.production().asOf());
        }
        long debt = facts.liabilities() == null ? 0 : facts.liabilities().total();
        if (facts.assets() != null) {
            long assets = facts.assets().total();
            in.number(Input.NET_ASSETS, assets - debt)
                    .asOf("assets", facts.assets().asOf());
            if (assets > 0 && facts.liabilities() != null) {
                in.number(Input.DEBT_TO_ASSET_RATIO, ratio(debt, assets));
            }
        }
        if (facts.liabilities() != null) {
            in.asOf("liabilities", facts.liabilities().asOf());
        }
        if (facts.income() != null) {
            long net = facts.income().netIncome();
            in.number(Input.NET_INCOME_PER_CAPITA, ratio(net, Math.max(1, facts.memberCount())))
                    .asOf("income", facts.income().asOf());
            if (net > 0 && facts.liabilities() != null) {
                in.number(Input.DEBT_SERVICE_RATIO, ratio(debt, net));
            }
        }
        if (facts.social() != null) {
            in.number(Input.PUBLIC_WELFARE_ACTIVITIES, facts.social().publicWelfareActivities())
                    .asOf("social", facts.social().asOf());
        }
        LocalDate threeYearsAgo = today.minusYears(3);
        LocalDate aYearAgo = today.minusYears(1);
        long violations = facts.publicOrder().stream()
                .filter(f -> !NOT_VIOLATIONS.contains(f.kind()) && !f.date().isBefore(threeYearsAgo))
                .count();
        in.number(Input.PUBLIC_ORDER_VIOLATIONS_3Y, violations)
                .veto(
                        Veto.DISHONEST_DEBTOR,
                        facts.publicOrder().stream().anyMatch(f -> "DISHONEST_DEBTOR".equals(f.kind()) && f.ongoing()))
                .veto(
                        Veto.SERIOUS_PUBLIC_ORDER,
                        facts.publicOrder().stream()
                                .anyMatch(f -> "PUBLIC_SECURITY_PENALTY".equals(f.kind())
                                        && !f.date().isBefore(aYearAgo)))
                .veto(
                        Veto.FACTS_FOUND_FALSE,
                        facts.publicOrder().stream()
                                .anyMatch(f -> "FALSE_INFORMATION".equals(f.kind())
                                        && !f.date().isBefore(threeYearsAgo)));
        return in;
    }

    /** Adds the moral bank's standing: points, the panel's trimmed mean, and a moral-bank veto. */
    public static ScorecardInputs.Builder withMoralStanding(
            ScorecardInputs.Builder in, int points, boolean vetoed, BigDecimal panelScore, LocalDate asOf) {
        return in.number(Input.MORAL_POINTS, points)
                .number(Input.PANEL_SCORE, panelScore)
                .veto(Veto.MORAL_VETO, vetoed)
                .asOf("moral-bank", asOf);
    }

    /**
     * Adds the loan record: overdue loans and the on-time share. A household without reported
     * loans keeps both missing, so the model's missing points apply rather than a perfect record.
     */
    public static ScorecardInputs.Builder withLoanRecord(ScorecardInputs.Builder in, LoanRecord record) {
        return in.number(Input.OVERDUE_COUNT_5Y, record.everOverdue())
                .number(Input.ON_TIME_REPAYMENT_RATE, ratio(record.loans() - record.everOverdue(), record.loans()))
                .veto(Veto.MALICIOUS_DEFAULT, record.maliciousDefault())
                .asOf("loan-record", record.asOf());
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }
}
