package org.ruralcredit.gateway.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of sme-archive's answers and requests that the gateway passes through as they are
 * (no-loan list, financing reports, firms' award checks), for the API document only: the gateway
 * forwards the bodies untouched, so a client reads them as sme-archive writes them.
 */
public final class FirmSchemas {

    private FirmSchemas() {}

    @Schema(
            name = "ListedFirm",
            description = "A firm on the no-loan list: public registration facts and the grade only")
    public record ListedFirm(
            String uscc,
            String name,
            String entityType,
            String industryCode,
            String divisionCode,
            LocalDate foundedOn,
            Long registeredCapital,
            Integer employees,
            String size,
            String grade) {}

    @Schema(name = "NoLoanListPage", description = "One page of the no-loan list (无贷户名单)")
    public record NoLoanListPage(List<ListedFirm> items, int page, int size, long total) {}

    @Schema(
            name = "FinancingReportRequest",
            description = "A listed firm obtained financing: its credit code, the amount in yuan and the day")
    public record FinancingReportRequest(String uscc, Long amount, LocalDate financedOn) {}

    @Schema(name = "FinancingReportView", description = "A financing report as sme-archive recorded it")
    public record FinancingReportView(
            UUID id,
            String uscc,
            String institution,
            long amount,
            LocalDate financedOn,
            String reportedBy,
            Instant reportedAt) {}

    @Schema(name = "ConversionRegion", description = "Archived and financed firms of one township")
    public record ConversionRegion(String division, long archived, long financed, BigDecimal conversionPct) {}

    @Schema(name = "ConversionLender", description = "Firms one lender financed and the amount")
    public record ConversionLender(String institution, long firms, long amount) {}

    @Schema(name = "FinancingConversion", description = "Archived versus financed firms per township and per lender")
    public record FinancingConversion(
            String division,
            long archived,
            long financed,
            BigDecimal conversionPct,
            List<ConversionRegion> byTownship,
            List<ConversionLender> byInstitution) {}

    @Schema(name = "FirmAwardCustomRules", description = "The rules of a CUSTOM award check")
    public record FirmAwardCustomRules(String name, Integer lookBackYears, Set<String> disqualifying) {}

    @Schema(
            name = "FirmAwardCheckRequest",
            description = "Credit codes to check against a programme "
                    + "(CONTRACT_ABIDING 守合同重信用, INTEGRITY_STAR 诚信之星 or CUSTOM with its rules)")
    public record FirmAwardCheckRequest(String programme, FirmAwardCustomRules rules, List<String> codes) {}

    @Schema(name = "FirmAwardRuleSet", description = "The rules a firms' award check applied")
    public record FirmAwardRuleSet(String programme, int lookBackYears, Set<String> disqualifying) {}

    @Schema(name = "FirmAwardCodeResult", description = "One credit code's answer: pass or fail with reason categories")
    public record FirmAwardCodeResult(String uscc, boolean passed, List<String> reasons) {}

    @Schema(name = "FirmAwardCheckResult", description = "A firms' award check, logged by sme-archive")
    public record FirmAwardCheckResult(
            UUID checkId,
            String programme,
            FirmAwardRuleSet rules,
            Instant checkedAt,
            int passed,
            int failed,
            List<FirmAwardCodeResult> results) {}
}
