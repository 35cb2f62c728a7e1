package org.ruralcredit.gateway.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.ruralcredit.gateway.config.QueryConfig;
import org.ruralcredit.gateway.config.ServicesConfig;
import org.ruralcredit.gateway.domain.Consent;
import org.ruralcredit.gateway.service.sources.FirmRecordClient;

/**
 * A firm's report under the firm's consent: sme-archive's record, read with the gateway's service
 * token within the sme timeout, plus the gateway's own records.
 */
@ApplicationScoped
public class FirmReportService {

    public record FirmReport(
            long registerSeq,
            Instant generatedAt,
            UUID consentId,
            String purpose,
            String institution,
            String subject,
            boolean complete,
            List<String> missing,
            Section<JsonNode> enterprise,
            Section<HouseholdReport.LoanRecord> loans,
            Section<List<HouseholdReport.QueryRecord>> queries,
            Section<List<HouseholdReport.StatementView>> objections) {}

    private static final String SOURCE = "sme-archive";

    private final FirmRecordClient firms;
    private final HouseholdReportService.Records records;
    private final StatementService statements;
    private final Subjects subjects;
    private final QueryConfig queryConfig;
    private final ServicesConfig services;

    public FirmReportService(
            @RestClient FirmRecordClient firms,
            HouseholdReportService.Records records,
            StatementService statements,
            Subjects subjects,
            QueryConfig queryConfig,
            ServicesConfig services) {
        this.firms = firms;
        this.records = records;
        this.statements = statements;
        this.subjects = subjects;
        this.queryConfig = queryConfig;
        this.services = services;
    }

    public FirmReport build(long registerSeq, Instant generatedAt, Consent consent, String purpose) {
        String uscc = subjects.identifier(consent.subjectIdEnc);
        Section<JsonNode> enterprise = enterprise(uscc);
        LocalDate today = LocalDate.ofInstant(generatedAt, queryConfig.zone());
        List<String> missing = enterprise.missing() ? List.of("enterprise") : List.of();
        return new FirmReport(
                registerSeq,
                generatedAt,
                consent.id,
                purpose,
                consent.institution,
                uscc,
                missing.isEmpty(),
                missing,
                enterprise,
                Section.available("gateway", records.loanRecord(consent.subjectHash, today)),
                Section.available("gateway", records.queryRecords("FIRM", consent.subjectHash)),
                Section.available("gateway", statements.onReport(consent.subjectType, consent.subjectHash, today)));
    }

    private Section<JsonNode> enterprise(String uscc) {
        HouseholdReportService.Outcome<JsonNode> o = HouseholdReportService.guarded(
                        SOURCE, () -> firms.enterprise(uscc), services.sme().timeout())
                .join();
        if (o.ok()) {
            return Section.available(SOURCE, o.value());
        }
        return o.notFound()
                ? Section.notFound(SOURCE, "The archive has no record of this firm.")
                : Section.unavailable(SOURCE, o.problem());
    }
}
