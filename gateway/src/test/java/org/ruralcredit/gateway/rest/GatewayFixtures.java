package org.ruralcredit.gateway.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.quarkus.arc.Arc;

import org.ruralcredit.gateway.domain.ConsentPurpose;
import org.ruralcredit.gateway.domain.SubjectType;
import org.ruralcredit.gateway.service.ReportRequestService;
import org.ruralcredit.testing.DemoUsers;

import static io.restassured.RestAssured.given;

/** Small steps the gateway's resource tests share: record a consent, read a register entry. */
final class GatewayFixtures {

    /** The test clock's date (see SettableClock). */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    private GatewayFixtures() {}

    static String recordConsent(String user, String residentId, String purpose) {
        return recordConsent(user, "HOUSEHOLD", residentId, purpose);
    }

    static String recordConsent(String user, String subjectType, String subjectId, String purpose) {
        return given().header("Authorization", DemoUsers.bearer(user))
                .contentType("application/json")
                .body(Map.of(
                        "subjectType",
                        subjectType,
                        "subjectId",
                        subjectId,
                        "purpose",
                        purpose,
                        "signedOn",
                        TODAY.minusDays(2).toString(),
                        "expiresOn",
                        TODAY.plusDays(60).toString(),
                        "letterSha256",
                        TestData.letterHash()))
                .post("/api/v1/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * YYRCB's loan officer queries the borrower with a loan-application consent (a granted entry in
     * the query register), as a lender does before granting a loan: the loan may then be reported.
     */
    static void queriedBeforeLending(String subjectType, String subjectId) {
        String consent = recordConsent(DemoUsers.LOAN_OFFICER, subjectType, subjectId, "LOAN_APPLICATION");
        ReportRequestService.Decision d = Arc.container()
                .instance(ReportRequestService.class)
                .get()
                .decide(
                        ReportRequestService.Asker.fromToken(DemoUsers.LOAN_OFFICER, "YYRCB", null),
                        UUID.fromString(consent),
                        ConsentPurpose.LOAN_APPLICATION,
                        SubjectType.valueOf(subjectType));
        if (d.refusal().isPresent()) {
            throw new IllegalStateException(
                    "the query was refused: " + d.refusal().get());
        }
    }

    static void queriedBeforeLending(String residentId) {
        queriedBeforeLending("HOUSEHOLD", residentId);
    }

    /** outcome, reason, username, institution, subject_type, subject_ref of the newest entry for a consent id. */
    static Map<String, String> lastEntryFor(DataSource ds, String consentId) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("""
                SELECT outcome, reason, username, institution, subject_type, subject_ref, purpose FROM query_register
                WHERE consent_id = ? ORDER BY seq DESC LIMIT 1""")) {
            s.setObject(1, UUID.fromString(consentId));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Map.of();
                }
                HashMap<String, String> row = new HashMap<>();
                for (String col : new String[] {
                    "outcome", "reason", "username", "institution", "subject_type", "subject_ref", "purpose"
                }) {
                    row.put(col, r.getString(col));
                }
                return row;
            }
        }
    }

    static long count(DataSource ds, String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
