package org.ruralcredit.gateway.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.ruralcredit.gateway.service.sources.MoralityClient;
import org.ruralcredit.gateway.service.sources.RatingClient;

/**
 * A household's credit report (农户信用报告) as it leaves the gateway. Each section says whether its
 * source answered; {@code complete} is false and {@code missing} names the sections when a service did
 * not answer in time.
 */
public record HouseholdReport(
        long registerSeq,
        Instant generatedAt,
        UUID consentId,
        String purpose,
        String institution,
        String subject,
        boolean complete,
        List<String> missing,
        Section<Identity> identity,
        Section<Profile> household,
        Section<Ratings> rating,
        Section<MoralityClient.Profile> morality,
        Section<LoanRecord> loans,
        Section<List<QueryRecord>> queries,
        Section<List<StatementView>> objections,
        Section<Object> offer) {

    /** Identity, masked: family name only, resident ID starred in the middle. */
    public record Identity(String headName, String headResidentId, String villageCode, String townshipCode) {}

    /**
     * The registry's file summary: the facts pass through as the registry wrote them, each with its
     * as-of date and source, except public-order facts that ended over five years ago, which are left
     * out and counted in {@code publicOrderExcluded}.
     */
    @Schema(name = "HouseholdProfile")
    public record Profile(
            String status,
            int members,
            int yearsResident,
            JsonNode facts,
            int fileVersion,
            Instant fileUpdatedAt,
            int publicOrderExcluded) {}

    public record Ratings(RatingClient.Rating current, List<RatingClient.Rating> history) {}

    /** Loans reported by any lender; adverse records that ended over five years ago are left out and counted. */
    public record LoanRecord(List<LoanLine> loans, int adverseRecordsExcluded) {}

    /** overdueHistory: the dated statuses of each overdue spell and the one that ended it, oldest first. */
    public record LoanLine(
            String institution,
            BigDecimal amount,
            LocalDate startDate,
            LocalDate maturityDate,
            String purpose,
            BigDecimal outstanding,
            int overdueDays,
            int maxOverdueDays,
            String classification,
            String classificationZh,
            String worstClassification,
            boolean nonPerforming,
            boolean settled,
            LocalDate settledOn,
            List<OverdueStatus> overdueHistory) {}

    /** One dated status of a loan's overdue history. */
    public record OverdueStatus(
            LocalDate asOf, int overdueDays, String classification, String classificationZh, boolean settled) {}

    /** Who asked for this subject's report and when: the institution, not the officer. */
    public record QueryRecord(Instant at, String institution, String purpose) {}

    /** An objection or personal statement on the report, with its state and outcome. */
    public record StatementView(
            UUID id,
            String kind,
            String section,
            String text,
            String status,
            Instant raisedAt,
            LocalDate answerDueOn,
            boolean overdue,
            String outcome,
            Instant answeredAt) {}
}
