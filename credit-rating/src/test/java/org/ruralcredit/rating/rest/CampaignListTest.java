package org.ruralcredit.rating.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.ruralcredit.rating.Fixtures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralcredit.testing.DemoUsers.AUDITOR;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.CREDIT_ADMIN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class CampaignListTest {

    private static final String PATH = "/api/v1/campaigns";

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    private static String start(String division) {
        return given().header("Authorization", bearer(CREDIT_ADMIN))
                .contentType(ContentType.JSON)
                .body(Map.of("division", division))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static List<String> ids(String user, Map<String, ?> query) {
        return given().header("Authorization", bearer(user))
                .queryParams(query)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    private long count(String where) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM campaign WHERE " + where)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void newestFirstWithTheTotalTheCallerSees() {
        String village = fixtures.freshVillage(2);
        fixtures.household(village, null, null);
        String inLinshan = start(village);
        Map.Entry<String, Set<UUID>> township = fixtures.freshTownship(2);
        String elsewhere = start(township.getKey());

        // the credit-admin sees every campaign, the newest first
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("size", 2)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(elsewhere))
                .body("items[0].division", equalTo(township.getKey()))
                .body("items[0].level", equalTo("TOWNSHIP"))
                .body("items[0].householdsTotal", equalTo(2))
                .body("items[0].startedBy", equalTo("credit-admin"))
                .body("items[0].startedAt", Matchers.notNullValue())
                .body("items[1].id", equalTo(inLinshan))
                .body("items[1].level", equalTo("VILLAGE"))
                .body("total", equalTo((int) count("true")));
        // pages do not overlap
        given().header("Authorization", bearer(AUDITOR))
                .queryParams(Map.of("page", 1, "size", 1))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(inLinshan));

        // an official: the campaigns of their township and below, and of the county they object in
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("size", 200)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(inLinshan))
                .body("items.id", not(hasItem(elsewhere)))
                .body(
                        "items.division",
                        everyItem(Matchers.anyOf(Matchers.startsWith(Fixtures.LINSHAN), equalTo("330281"))))
                .body("total", equalTo((int)
                        count("division_code LIKE '330281100%' OR division_code IN ('330281', '33')")));
        // another township's official sees neither, as the single read refuses them
        List<String> mazhu = ids(OFFICIAL_MAZHU, Map.of("size", 200));
        assertEquals(false, mazhu.contains(inLinshan) || mazhu.contains(elsewhere), mazhu.toString());
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get(PATH + "/{id}", inLinshan)
                .then()
                .statusCode(403);

        // by status
        Fixtures.eventually(
                () -> ids(CREDIT_ADMIN, Map.of("status", "POSTED", "size", 200)).contains(inLinshan),
                Duration.ofSeconds(30));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParams(Map.of("status", "POSTED", "size", 200))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.status", everyItem(equalTo("POSTED")))
                .body("items.find { it.id == '" + inLinshan + "' }.householdsRated", equalTo(1))
                .body("items.find { it.id == '" + inLinshan + "' }.postingClosesAt", Matchers.notNullValue())
                .body("items.find { it.id == '" + inLinshan + "' }.openObjections", equalTo(0))
                .body("total", equalTo((int) count("status = 'POSTED'")));
        assertEquals(
                false,
                ids(CREDIT_ADMIN, Map.of("status", "FINALIZED", "size", 200)).contains(inLinshan));
    }

    @Test
    void badPagingOrStatusIsRefusedWithACode() {
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("size", 201)
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors[0].field", containsString("size"))
                .body("errors[0].code", equalTo("field.max"))
                .body("errors[0].args.value", equalTo(200));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("size", 0)
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("field.min"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("page", -1)
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("page"));
        given().header("Authorization", bearer(CREDIT_ADMIN))
                .queryParam("status", "MAYBE")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].code", equalTo("param.unreadable"));
        // the realm: clerks do not read campaigns; nobody without a token
        given().header("Authorization", bearer(CLERK_LINSHAN)).get(PATH).then().statusCode(403);
        given().get(PATH).then().statusCode(401);
    }
}
