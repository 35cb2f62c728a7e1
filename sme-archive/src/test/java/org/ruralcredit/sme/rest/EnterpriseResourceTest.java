package org.ruralcredit.sme.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.ruralcredit.sme.TestFirms;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.GATEWAY_SERVICE;
import static org.ruralcredit.testing.DemoUsers.GOV_CLERK;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.SHARED_COUNTER;
import static org.ruralcredit.testing.DemoUsers.bearer;
import static org.ruralcredit.testing.DemoUsers.serviceBearer;

@QuarkusTest
class EnterpriseResourceTest {

    @Test
    void anAgencyPagesThroughTheArchive() {
        String village = "330281100203";
        Set<String> archived = Set.of(
                TestFirms.archive("临山镇翻页甲", village, "A0111", 80_000, 4),
                TestFirms.archive("临山镇翻页乙", village, "A0111", 90_000, 6),
                TestFirms.archive("临山镇翻页丙", village, "A0111", 70_000, 3));
        // two a page: every firm on exactly one page, the pages adding up to the total
        List<String> seen = new ArrayList<>();
        long total = Long.MAX_VALUE;
        for (int page = 0; seen.size() < total && page < 100; page++) {
            ExtractableResponse<Response> answer = given().header("Authorization", bearer(GOV_CLERK))
                    .queryParam("division", village)
                    .queryParam("size", 2)
                    .queryParam("page", page)
                    .get("/api/v1/enterprises")
                    .then()
                    .statusCode(200)
                    .body("page", equalTo(page))
                    .body("size", equalTo(2))
                    .extract();
            total = answer.jsonPath().getLong("total");
            List<String> codes = answer.jsonPath().getList("items.uscc");
            assertEquals(
                    Math.min(2, total - seen.size()), codes.size(), "page " + page + ": " + codes + " of " + total);
            seen.addAll(codes);
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no firm on two pages: " + seen);
        assertEquals(total, seen.size(), "the pages add up to the total");
        assertTrue(seen.containsAll(archived), "the three new firms are listed: " + seen);
    }

    @Test
    void unknownFirmIsNotFoundAndBadCodeIsInvalid() {
        given().header("Authorization", bearer(GOV_CLERK))
                .get("/api/v1/enterprises/91330281MA2AAAAA0X")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(GOV_CLERK))
                .get("/api/v1/enterprises/91330281-IO")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("uscc"));
        given().header("Authorization", bearer(GOV_CLERK))
                .queryParam("size", 100_000)
                .get("/api/v1/enterprises")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void aRefusalCarriesItsCodeAndIsWrittenInTheCallersLanguage() {
        String unknown = "91330281MA2AAAAA0X";
        given().header("Authorization", bearer(GOV_CLERK))
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/enterprises/" + unknown)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:not-found"))
                .body("code", equalTo("firm.not-archived"))
                .body("args.uscc", equalTo(unknown))
                .body("detail", equalTo("未找到统一社会信用代码为" + unknown + "的企业档案。"));
        given().header("Authorization", bearer(GOV_CLERK))
                .get("/api/v1/enterprises/" + unknown)
                .then()
                .statusCode(404)
                .body("code", equalTo("firm.not-archived"))
                .body("detail", equalTo("No firm with credit code " + unknown + " is archived."));
        given().header("Authorization", bearer(GOV_CLERK))
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/enterprises/91330281-IO")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("uscc"))
                .body("errors[0].code", equalTo("firm.credit-code-format"))
                .body("errors[0].message", equalTo("须为18位统一社会信用代码"));
        given().header("Authorization", bearer(GOV_CLERK))
                .get("/api/v1/enterprises/91330281-IO")
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("must be an 18-character unified social credit code"));
    }

    @Test
    void anUnreadableQueryParameterIsNamed() {
        given().header("Authorization", bearer(GOV_CLERK))
                .queryParam("division", "330281")
                .queryParam("page", "abc")
                .get("/api/v1/enterprises")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].code", equalTo("param.unreadable"));
    }

    /**
     * A lender reads a firm's record only through the gateway's firm report, under the firm's consent
     * and with a query register entry; the gateway reads it here with its own service token.
     */
    @Test
    void lendersReadFirmRecordsOnlyThroughTheGateway() {
        for (String lender : new String[] {LOAN_OFFICER, SHARED_COUNTER}) {
            given().header("Authorization", bearer(lender))
                    .get("/api/v1/enterprises/91330281MA2AAAAA0X")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().header("Authorization", bearer(lender))
                    .queryParam("division", "330281")
                    .get("/api/v1/enterprises")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", serviceBearer(GATEWAY_SERVICE))
                .get("/api/v1/enterprises/91330281MA2AAAAA0X")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // the no-loan list stays the lenders' own
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/no-loan-list")
                .then()
                .statusCode(200);
    }

    @Test
    void villageClerksAndAnonymousCallersAreRefused() {
        given().header("Authorization", bearer(CLERK_LINSHAN))
                .get("/api/v1/enterprises")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/enterprises").then().statusCode(401).contentType("application/problem+json");
    }
}
