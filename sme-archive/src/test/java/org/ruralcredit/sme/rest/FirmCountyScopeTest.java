package org.ruralcredit.sme.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.sme.TestFirms;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** A firm's filings and facts are read in its own county: Yuyao's credit-admin (330281) reads no firm of Cixi. */
@QuarkusTest
class FirmCountyScopeTest {

    private static final String[] READS = {"/api/v1/filings/", "/api/v1/facts/"};

    @Inject
    DataSource dataSource;

    @Test
    void aCreditAdminOfAnotherCountyReadsNeitherFilingsNorFacts() throws SQLException {
        // no credit-admin may archive a firm outside their county, so the Cixi firm is written directly
        String cixi = TestFirms.freshCode('2');
        insert(cixi, "慈溪某店", "330282104");
        try {
            for (String read : READS) {
                given().header("Authorization", bearer(CREDIT_ADMIN))
                        .get(read + cixi)
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json")
                        .body("code", equalTo("filing.firm-outside-area"));
                // auditors read every county
                given().header("Authorization", bearer(AUDITOR))
                        .get(read + cixi)
                        .then()
                        .statusCode(200);
            }
        } finally {
            delete(cixi);
        }
    }

    @Test
    void theCreditAdminOfTheFirmsCountyAndAuditorsRead() {
        String yuyao = TestFirms.archive("马渚镇壬店", "330281106", "F52", 10_000, 2);
        for (String user : new String[] {CREDIT_ADMIN, AUDITOR}) {
            given().header("Authorization", bearer(user))
                    .get("/api/v1/filings/" + yuyao)
                    .then()
                    .statusCode(200)
                    .body("$", hasSize(0));
            given().header("Authorization", bearer(user))
                    .get("/api/v1/facts/" + yuyao)
                    .then()
                    .statusCode(200)
                    .body("uscc", equalTo(yuyao));
        }
    }

    private void insert(String uscc, String name, String division) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO enterprise (uscc, name, entity_type, division_code) VALUES (?, ?, 'SOLE_TRADER', ?)")) {
            s.setString(1, uscc);
            s.setString(2, name);
            s.setString(3, division);
            s.executeUpdate();
        }
    }

    private void delete(String uscc) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM enterprise WHERE uscc = ?")) {
            s.setString(1, uscc);
            s.executeUpdate();
        }
    }
}
