package org.ruralcredit.registry.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class DivisionResourceTest {

    @Test
    void looksUpATownshipByItsCode() {
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/divisions/330281100")
                .then()
                .statusCode(200)
                .body("name", equalTo("临山镇"))
                .body("level", equalTo("TOWNSHIP"))
                .body("parentCode", equalTo("330281"))
                .body("edition", equalTo(2023));
    }

    @Test
    void listsTheVillagesOfATownship() {
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/divisions/330281100/children")
                .then()
                .statusCode(200)
                .body("code", hasItem("330281100202"))
                .body("find { it.code == '330281100202' }.name", equalTo("临山村委会"));
    }

    @Test
    void listsTheProvinces() {
        given().header("Authorization", bearer(LOAN_OFFICER))
                .get("/api/v1/divisions")
                .then()
                .statusCode(200)
                .body("$", hasSize(31))
                .body("find { it.code == '33' }.name", equalTo("浙江省"));
    }

    @Test
    void malformedCodeIsAProblemNamingTheField() {
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/divisions/33028110")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void refusalsCarryTheirCodeAndAreWordedInTheCallersLanguage() {
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/divisions/330281199")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("division.not-found"))
                .body("args.code", equalTo("330281199"))
                .body("detail", equalTo("没有代码为 330281199 的行政区划。"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/divisions/330281199")
                .then()
                .statusCode(404)
                .body("code", equalTo("division.not-found"))
                .body("detail", equalTo("No division has the code 330281199."));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .header("Accept-Language", "zh-CN")
                .get("/api/v1/divisions/33028110")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation"))
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].code", equalTo("division.code-format"))
                .body("errors[0].message", equalTo("须为 2、4、6、9 或 12 位区划代码"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/divisions/33028110")
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("must be a 2, 4, 6, 9 or 12-digit division code"));
    }

    @Test
    void unknownCodeIsNotFound() {
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/divisions/330281199")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:not-found"));
    }

    @Test
    void withoutATokenTheAnswerIs401Problem() {
        given().get("/api/v1/divisions/330281100")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
