package org.ruralcredit.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.testing.KafkaTail;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The household credit report across the real services: the gateway calls farmer-registry,
 * credit-rating and morality-score with its own service token, gets a complete report, and when a
 * service is stopped still answers 200 with the report marked incomplete and the section named.
 */
class HouseholdReportAcrossServicesTest {

    private static ServiceProcess registry;
    private static ServiceProcess rating;
    private static ServiceProcess morality;
    private static ServiceProcess gateway;

    @BeforeAll
    static void startServices() throws Exception {
        registry = new ServiceProcess("farmer-registry", 18081).start();
        rating = new ServiceProcess("credit-rating", 18082).start();
        morality = new ServiceProcess("morality-score", 18083).start();
        gateway = new ServiceProcess("gateway", 18080, ServiceProcess.GATEWAY_SETTINGS).start();
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (ServiceProcess p : new ServiceProcess[] {gateway, morality, rating, registry}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void aCompleteReportWithAllServicesAndAnIncompleteOneWhenAServiceIsDown() throws Exception {
        String head = SystemFixtures.residentId('M');
        String householdId;
        String grade;
        try (KafkaTail tail = KafkaTail.of("test." + EventCatalog.HOUSEHOLD_RATED.topic())) {
            householdId = given().header("Authorization", bearer(OFFICIAL_LINSHAN)).contentType(ContentType.JSON)
                    .body(Map.of("file", SystemFixtures.householdFile(head, SystemFixtures.residentId('F')),
                            "reason", "入户建档"))
                    .post(registry.baseUrl() + "/api/v1/households")
                    .then().statusCode(201).extract().path("id");
            List<KafkaTail.Received> rated = tail.await(e -> e.aggregateId().equals(householdId), 1, Duration.ofSeconds(60));
            assertEquals(1, rated.size(), "credit-rating rated the new household");
            grade = rated.get(0).event().dataAs(EventCatalog.HOUSEHOLD_RATED).grade();
        }
        String consent = given().header("Authorization", bearer(LOAN_OFFICER)).contentType(ContentType.JSON)
                .body(Map.of("subjectType", "HOUSEHOLD", "subjectId", head, "purpose", "GUARANTEE_REVIEW",
                        "signedOn", LocalDate.now().minusDays(1).toString(),
                        "expiresOn", LocalDate.now().plusDays(30).toString(), "letterSha256", "ab".repeat(32)))
                .post(gateway.baseUrl() + "/api/v1/consents").then().statusCode(201).extract().path("id");

        // morality-score learns of the household from the registry's event; wait until it has
        Response complete = awaitReport(consent, r -> "AVAILABLE".equals(r.path("morality.status")));
        complete.then().statusCode(200)
                .body("complete", equalTo(true))
                .body("missing", empty())
                .body("identity.data.headName", equalTo("陈**"))
                .body("identity.data.headResidentId", equalTo(head.substring(0, 6) + "********" + head.substring(14)))
                .body("household.data.members", equalTo(2))
                .body("rating.data.current.grade", equalTo(grade))
                .body("morality.data.standing.vetoed", equalTo(false))
                // what each of the lender's policies (or the platform's) offers, as credit-rating computes it
                .body("offer.status", equalTo("AVAILABLE"))
                .body("offer.data[0].householdId", equalTo(householdId));
        assertFalse(complete.asString().contains(head), "no plain resident ID in the report");

        morality.close();
        ask(consent).then().statusCode(200)
                .body("complete", equalTo(false))
                .body("missing", contains("morality"))
                .body("rating.data.current.grade", equalTo(grade));

        registry.close();
        ask(consent).then().statusCode(200)
                .body("complete", equalTo(false))
                .body("missing", contains("identity", "household", "morality"))
                .body("rating.data.current.grade", equalTo(grade));
    }

    private static Response ask(String consent) {
        return given().header("Authorization", bearer(LOAN_OFFICER)).contentType(ContentType.JSON)
                .body(Map.of("consentId", consent, "purpose", "GUARANTEE_REVIEW"))
                .post(gateway.baseUrl() + "/api/v1/reports/households");
    }

    private static Response awaitReport(String consent, java.util.function.Predicate<Response> ready)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Response r = ask(consent);
            if (r.statusCode() == 200 && ready.test(r)) {
                return r;
            }
            assertTrue(Instant.now().isBefore(deadline), "the report did not become complete: " + r.asString());
            Thread.sleep(500);
        }
    }
}
