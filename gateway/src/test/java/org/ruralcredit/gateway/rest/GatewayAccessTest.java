package org.ruralcredit.gateway.rest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.SHARED_COUNTER;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class GatewayAccessTest {

    @Inject
    DataSource dataSource;

    @Test
    void meEchoesTheTokensClaims() {
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(OFFICIAL_LINSHAN))
                .body("division", equalTo("330281100"))
                .body("roles", contains("township-official"))
                .body("accountType", equalTo("named"));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("institution", equalTo("YYRCB"));
        given().header("Authorization", bearer(SHARED_COUNTER))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("accountType", equalTo("shared"));
    }

    @Test
    void onlyAuditorsReadTheQueryRegister() {
        given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/query-register")
                .then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(0));
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/query-register")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/query-register").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theRegisterRefusesUpdatesAndDeletesInTheDatabaseItself() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String tampering : new String[] {
                "DELETE FROM query_register", "UPDATE query_register SET outcome = 'GRANTED'", "TRUNCATE query_register"
            }) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(tampering), tampering);
                assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            }
        }
    }

    @Test
    void onlyAuditorsVerifyTheRegisterAndAnUntouchedChainIsValid() throws SQLException {
        long entries;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM query_register")) {
            rows.next();
            entries = rows.getLong(1);
        }
        // every entry is walked, none skipped (the register is append-only, so no other test can lower the count)
        int checked = given().header("Authorization", bearer(AUDITOR))
                .get("/api/v1/query-register/verification")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .extract()
                .path("entriesChecked");
        assertTrue(checked >= entries, "verified " + checked + " of " + entries + " entries");
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/query-register/verification")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
