package org.ruralcredit.registry.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.time.ServiceClock;
import org.ruralcredit.commons.validation.ChinaClockProvider;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.registry.support.TestHouseholds.file;
import static org.ruralcredit.registry.support.TestHouseholds.residentId;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

/** Bean Validation's "today" is China's, read from the service's clock, not the server's UTC date. */
@QuarkusTest
class ValidationClockTest {

    @Inject
    ValidatorFactory validators;

    @Test
    void theValidatorsClockIsChinasAndTheServices() {
        assertTrue(
                validators.getClockProvider() instanceof ChinaClockProvider,
                validators.getClockProvider().getClass().getName());
        assertEquals(
                ServiceClock.CHINA, validators.getClockProvider().getClock().getZone());
    }

    @Test
    void aFactDatedChinasTodayIsAcceptedWhileUtcIsStillYesterday() {
        // 23:30 UTC of the real today: in China it is already 07:30 of the next day
        Instant lateEveningUtc = LocalDate.now(ZoneOffset.UTC).atTime(23, 30).toInstant(ZoneOffset.UTC);
        QuarkusMock.installMockForType(Clock.fixed(lateEveningUtc, ServiceClock.CHINA), Clock.class);
        String chinasToday =
                LocalDate.ofInstant(lateEveningUtc, ServiceClock.CHINA).toString();

        Map<String, Object> household = file("330281100202", residentId('M'), residentId('F'));
        household.put(
                "assets",
                new HashMap<>(Map.of(
                        "housing",
                        300000,
                        "machinery",
                        0,
                        "vehicles",
                        0,
                        "livestock",
                        0,
                        "deposits",
                        0,
                        "asOf",
                        chinasToday,
                        "source",
                        "入户调查")));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("file", household, "reason", "入户建档"))
                .post("/api/v1/households")
                .then()
                .statusCode(201);
    }
}
