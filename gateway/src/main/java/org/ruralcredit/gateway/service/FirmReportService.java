package org.ruralcredit.gateway.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.ruralcredit.gateway.config.QueryConfig;
import org.ruralcredit.gateway.domain.Consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A firm's report under the firm's consent: sme-archive's record plus the gateway's own records. */
@ApplicationScoped
public class FirmReportService {

    public record FirmReport(long registerSeq, Instant generatedAt, UUID consentId, String purpose, String institution,
                             String subject, boolean complete, List<String> missing, Section<JsonNode> enterprise,
                             Section<HouseholdReport.LoanRecord> loans, Section<List<HouseholdReport.QueryRecord>> queries,
                             Section<List<HouseholdReport.StatementView>> objections) {
    }

    private final FirmPassThrough sme;
    private final HouseholdReportService.Records records;
    private final StatementService statements;
    private final Subjects subjects;
    private final QueryConfig queryConfig;
    private final ObjectMapper json;

    public FirmReportService(FirmPassThrough sme, HouseholdReportService.Records records, StatementService statements,
                             Subjects subjects, QueryConfig queryConfig, ObjectMapper json) {
        this.sme = sme;
        this.records = records;
        this.statements = statements;
        this.subjects = subjects;
        this.queryConfig = queryConfig;
        this.json = json;
    }

    /** {@code authorization}: the lender's own bearer token, which sme-archive accepts for firm reads. */
    public FirmReport build(long registerSeq, Instant generatedAt, Consent consent, String purpose, String authorization) {
        String uscc = subjects.identifier(consent.subjectIdEnc);
        Section<JsonNode> enterprise = enterprise(uscc, authorization);
        LocalDate today = LocalDate.ofInstant(generatedAt, queryConfig.zone());
        List<String> missing = enterprise.missing() ? List.of("enterprise") : List.of();
        return new FirmReport(registerSeq, generatedAt, consent.id, purpose, consent.institution, uscc, missing.isEmpty(),
                missing, enterprise, Section.available("gateway", records.loanRecord(consent.subjectHash, today)),
                Section.available("gateway", records.queryRecords("FIRM", consent.subjectHash)),
                Section.available("gateway", statements.onReport(consent.subjectType, consent.subjectHash, today)));
    }

    private Section<JsonNode> enterprise(String uscc, String authorization) {
        try (Response r = FirmPassThrough.answer(() -> sme.client().enterprise(authorization, uscc))) {
            if (r.getStatus() == 200) {
                return Section.available("sme-archive", json.readTree(r.readEntity(String.class)));
            }
            if (r.getStatus() == 404) {
                return Section.notFound("sme-archive", "The archive has no record of this firm.");
            }
            return Section.unavailable("sme-archive", "sme-archive answered " + r.getStatus() + ".");
        } catch (ProcessingException | java.io.IOException e) {
            return Section.unavailable("sme-archive", "sme-archive could not be reached.");
        }
    }
}
