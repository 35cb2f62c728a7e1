package org.ruralcredit.console.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.ruralcredit.console.service.ApiStub;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Before anyone signs in: the browser fetches the field app's worker script, manifest and library
 * without credentials; the app and its JSON still need the sign-in; signing out wipes the device's
 * store.
 */
@QuarkusTest
@WithTestResource(ApiStub.class)
class FieldAppFilesTest {

    @Test
    void theIndexedDbLibraryIsServedWithoutSignInAndGzipped() {
        given().redirects()
                .follow(false)
                .header("Accept-Encoding", "gzip")
                .get("/webjars/idb/7.0.1/build/index.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .header("Content-Encoding", "gzip")
                .body(containsString("openDB"));
    }

    @Test
    void theWorkerScriptNeedsNoSignInAndIsAlwaysRevalidated() {
        given().redirects()
                .follow(false)
                .get("/console/field/sw.js")
                .then()
                .statusCode(not(equalTo(302)))
                .header("Cache-Control", "no-cache");
        given().redirects()
                .follow(false)
                .get("/console/field/manifest.webmanifest")
                .then()
                .statusCode(not(equalTo(302)));
    }

    @Test
    void theAppAndItsJsonNeedTheSignIn() {
        for (String path : new String[] {"/console/field/app", "/console/field/api/session"}) {
            given().redirects()
                    .follow(false)
                    .get(path)
                    .then()
                    .statusCode(302)
                    .header("Location", containsString("/protocol/openid-connect/auth"));
        }
    }

    @Test
    void signingOutWipesTheDevicesStore() {
        given().redirects()
                .follow(false)
                .get("/console/logout")
                .then()
                .header("Clear-Site-Data", equalTo("\"storage\""));
        given().redirects()
                .follow(false)
                .get("/console")
                .then()
                .header("Clear-Site-Data", nullValue())
                .header("Location", startsWith("http"));
    }
}
