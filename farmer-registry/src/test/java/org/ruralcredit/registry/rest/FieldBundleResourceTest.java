package org.ruralcredit.registry.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.registry.support.TestHouseholds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

/**
 * A village's bundle for the field app, against the real database and tokens. The files are made
 * in 湖堤村 (临山镇), which no other test writes, and closed afterwards: a closed file leaves the bundle.
 */
@QuarkusTest
class FieldBundleResourceTest {

    private static final String HUDI_VILLAGE = "330281100200";
    private static final String CLERKS_VILLAGE = "330281100202";
    private static final String BUNDLES = "/api/v1/field-bundles/{code}";

    @TestHTTPResource("/api/v1/field-bundles/" + HUDI_VILLAGE)
    URI hudiBundle;

    /** Head's resident ID and spouse's by file id, of the files this test made. */
    private final Map<String, List<String>> made = new HashMap<>();

    @BeforeEach
    void threeHouseholds() {
        for (int i = 0; i < 3; i++) {
            String head = TestHouseholds.residentId('M');
            String spouse = TestHouseholds.residentId('F');
            String id = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .contentType(ContentType.JSON)
                    .body(Map.of("file", TestHouseholds.file(HUDI_VILLAGE, head, spouse), "reason", "入户建档"))
                    .post("/api/v1/households")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            made.put(id, List.of(head, spouse));
        }
    }

    @AfterEach
    void closeThem() {
        for (String id : made.keySet()) {
            int version = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .get("/api/v1/households/{id}", id)
                    .then()
                    .extract()
                    .path("version");
            given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "MOVED_AWAY", "expectedVersion", version))
                    .post("/api/v1/households/{id}/close", id)
                    .then()
                    .statusCode(200);
        }
    }

    private static Response page(String user, int page, int size) {
        return given().header("Authorization", bearer(user))
                .queryParam("page", page)
                .queryParam("size", size)
                .get(BUNDLES, HUDI_VILLAGE);
    }

    @Test
    void theBundleShowsMaskedIdentitiesOnly() {
        Response response = page(OFFICIAL_LINSHAN, 0, 1000);
        response.then()
                .statusCode(200)
                .header("ETag", startsWith("W/\""))
                .header("Cache-Control", equalTo(FieldBundleResource.CACHE_CONTROL))
                .body("village.code", equalTo(HUDI_VILLAGE))
                .body("village.name", equalTo("湖堤村委会"))
                .body("village.townshipCode", equalTo("330281100"))
                .body("village.townshipName", equalTo("临山镇"));
        String body = response.asString();
        made.forEach((id, people) -> {
            // the township's official writes these files and sees them whole elsewhere; not here
            people.forEach(person -> assertFalse(body.contains(person), "a full resident ID in the bundle"));
            String at = "households.find { it.id == '" + id + "' }.";
            response.then()
                    .body(at + "headName", equalTo("王**"))
                    .body(at + "headResidentId", equalTo(ResidentId.mask(people.get(0))))
                    .body(at + "version", equalTo(1))
                    .body(at + "members", equalTo(2))
                    .body(at + "mainBusiness", equalTo("PLANTING"))
                    .body(at + "factsAsOf", equalTo("2026-05-01"));
        });
        assertFalse(body.contains("王建国") || body.contains("李秀英"), "a full name in the bundle");
        assertFalse(body.contains("13805741234") || body.contains("临山镇临山村"), "the phone or the address in the bundle");
    }

    @Test
    void aVillageComesInPagesThatTogetherHoldEveryFileOnce() {
        int total =
                page(OFFICIAL_LINSHAN, 0, 1).then().statusCode(200).extract().path("total");
        assertTrue(total >= 3, "this test's files: " + total);
        int size = (total + 1) / 2;
        List<String> first =
                page(OFFICIAL_LINSHAN, 0, size).then().statusCode(200).extract().path("households.id");
        List<String> second =
                page(OFFICIAL_LINSHAN, 1, size).then().statusCode(200).extract().path("households.id");
        List<String> third =
                page(OFFICIAL_LINSHAN, 2, size).then().statusCode(200).extract().path("households.id");
        assertEquals(size, first.size());
        assertEquals(total - size, second.size());
        assertEquals(List.of(), third);
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        assertEquals(total, all.size(), "no file on two pages");
        assertTrue(all.containsAll(made.keySet()));
        page(OFFICIAL_LINSHAN, 1, size)
                .then()
                .body("page", equalTo(1))
                .body("size", equalTo(size))
                .body("total", equalTo(total));
        assertNotEquals(
                page(OFFICIAL_LINSHAN, 0, size).header("ETag"),
                page(OFFICIAL_LINSHAN, 1, size).header("ETag"),
                "each page has its own tag");
    }

    @Test
    void theTagHoldsUntilAFileOnThePageIsCorrected() {
        String tag =
                page(OFFICIAL_LINSHAN, 0, 1000).then().statusCode(200).extract().header("ETag");
        String unchanged = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .header("If-None-Match", tag)
                .queryParam("size", 1000)
                .get(BUNDLES, HUDI_VILLAGE)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(tag))
                .extract()
                .asString();
        assertEquals("", unchanged);

        String id = made.keySet().iterator().next();
        Map<String, Object> file = TestHouseholds.file(
                HUDI_VILLAGE, made.get(id).get(0), made.get(id).get(1));
        file.put("address", "临山镇湖堤村 8 号");
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("file", file, "reason", "地址更正", "expectedVersion", 1))
                .put("/api/v1/households/{id}", id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));

        String corrected = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .header("If-None-Match", tag)
                .queryParam("size", 1000)
                .get(BUNDLES, HUDI_VILLAGE)
                .then()
                .statusCode(200)
                .body("households.find { it.id == '" + id + "' }.version", equalTo(2))
                .extract()
                .header("ETag");
        assertNotEquals(tag, corrected);
    }

    @Test
    void theBundleArrivesCompressedWhenAskedFor() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(hudiBundle)
                                .header("Authorization", bearer(OFFICIAL_LINSHAN))
                                .header("Accept-Encoding", "gzip")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse("none"));
        byte[] compressed = response.body();
        assertEquals(0x1f, compressed[0] & 0xff, "gzip magic");
        String json;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(json.contains("\"code\":\"" + HUDI_VILLAGE + "\""), json);
        assertTrue(compressed.length < json.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void onlyTheVillagesClerkAndItsTownshipsOfficialsGetIt() {
        page(CLERK_LINSHAN, 0, 10)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("village.outside-division"));
        page(OFFICIAL_MAZHU, 0, 10).then().statusCode(403).body("code", equalTo("village.outside-division"));
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get(BUNDLES, CLERKS_VILLAGE)
                .then()
                .statusCode(200)
                .body("village.code", equalTo(CLERKS_VILLAGE))
                .body("size", equalTo(FieldBundleResource.DEFAULT_SIZE));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get(BUNDLES, "330281100999")
                .then()
                .statusCode(404)
                .body("code", equalTo("village.not-found"));
    }

    @Test
    void aBadPageOrSizeOrCodeIsRefusedWithItsCode() {
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"page", "-1", "field.min"});
        cases.add(new Object[] {"size", "0", "field.min"});
        cases.add(new Object[] {"size", "5000", "field.max"});
        cases.add(new Object[] {"page", "x", "param.unreadable"});
        for (Object[] c : cases) {
            given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .queryParam((String) c[0], c[1])
                    .get(BUNDLES, HUDI_VILLAGE)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo(c[0]))
                    .body("errors[0].code", equalTo(c[2]));
        }
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get(BUNDLES, "3302811002")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("field.village-code"));
    }
}
