package org.ruralcredit.registry.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.ruralcredit.commons.identity.ResidentId;
import org.ruralcredit.commons.problem.Language;
import org.ruralcredit.commons.problem.ProblemCatalogue;
import org.ruralcredit.demo.DemoHouseholds;
import org.ruralcredit.importfile.CsvRows;
import org.ruralcredit.importfile.HouseholdFile;
import org.ruralcredit.importfile.ImportTemplate;
import org.ruralcredit.registry.service.ImportFiles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralcredit.testing.DemoUsers.CLERK_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.LOAN_OFFICER;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_LINSHAN;
import static org.ruralcredit.testing.DemoUsers.OFFICIAL_MAZHU;
import static org.ruralcredit.testing.DemoUsers.bearer;

@QuarkusTest
class ImportResourceTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "ruralcredit.import.chunk-households")
    int chunkHouseholds;

    /**
     * A seed for the demo generator: new each run (the database is kept between runs, so each run
     * needs IDs of its own), written to the test's output so a failing run can be read again, and
     * set with -Dimport.seed=<seed> to replay one (on a fresh database).
     */
    private static long seed(String what) {
        long seed = Long.getLong("import.seed", new Random().nextLong());
        System.out.printf("ImportResourceTest %s: demo households of seed %d%n", what, seed);
        return seed;
    }

    /** Households of 临山镇 with resident IDs of this run only: the database is kept between runs. */
    private static DemoHouseholds linshan(long seed) throws IOException {
        return new DemoHouseholds(DemoHouseholds.villagesOf("330281", List.of("330281100")), seed, AS_OF);
    }

    private static byte[] csv(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvRows writer = new CsvRows(out, ImportTemplate.HEADERS)) {
            for (List<String> row : rows) {
                writer.write(row);
            }
        }
        return out.toByteArray();
    }

    private static List<List<String>> rows(HouseholdFile file) {
        return ImportTemplate.toRows(file);
    }

    private static List<String> set(List<String> row, ImportTemplate.Column column, String value) {
        List<String> copy = new ArrayList<>(row);
        copy.set(column.index(), value);
        return copy;
    }

    private static String upload(String user, String name, byte[] content, String type) {
        return given().header("Authorization", bearer(user))
                .multiPart("file", name, content, type)
                .post(IMPORTS)
                .then()
                .statusCode(202)
                .header("Location", containsString(IMPORTS + "/"))
                .body("status", equalTo("QUEUED"))
                .extract()
                .path("id");
    }

    private static JsonPath awaitDone(String id) throws InterruptedException {
        return awaitDone(id, OFFICIAL_LINSHAN);
    }

    private static JsonPath awaitDone(String id, String user) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = given().header("Authorization", bearer(user))
                    .get(IMPORTS + "/{id}", id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (List.of("DONE", "FAILED").contains(job.getString("status"))) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    @Test
    void goodHouseholdsAreStoredAndEveryBadRowIsReported() throws Exception {
        DemoHouseholds generator = linshan(seed("good and bad rows"));
        HouseholdFile good1 = generator.next();
        HouseholdFile good2 = generator.next();
        List<List<String>> all = new ArrayList<>();
        all.addAll(rows(good1)); // lines 2..
        all.addAll(rows(good2));
        int line = all.size() + 2;

        // a head whose ID has a wrong check digit
        List<List<String>> badCheck = rows(generator.next());
        String id = badCheck.get(0).get(ImportTemplate.Column.RESIDENT_ID.index());
        String broken = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        badCheck.replaceAll(r -> set(r, ImportTemplate.Column.HEAD_ID, broken));
        badCheck.set(0, set(badCheck.get(0), ImportTemplate.Column.RESIDENT_ID, broken));
        int badCheckLine = line;
        all.addAll(badCheck);
        line += badCheck.size();

        // a village code that is no village
        List<List<String>> unknownVillage = rows(generator.next());
        unknownVillage.set(0, set(unknownVillage.get(0), ImportTemplate.Column.VILLAGE_CODE, "330281100999"));
        int unknownVillageLine = line;
        all.addAll(unknownVillage);
        line += unknownVillage.size();

        // a member whose household has no head row
        HouseholdFile headless = generator.next();
        List<String> orphan = set(rows(headless).get(0), ImportTemplate.Column.RELATION, "子女");
        int orphanLine = line;
        all.add(orphan);
        line++;

        // a household of 马渚镇, uploaded by the 临山镇 official
        List<List<String>> mazhu = rows(generator.next());
        mazhu.set(0, set(mazhu.get(0), ImportTemplate.Column.VILLAGE_CODE, "330281106201"));
        int mazhuLine = line;
        all.addAll(mazhu);
        line += mazhu.size();

        // a negative amount
        List<List<String>> negative = rows(generator.next());
        negative.set(0, set(negative.get(0), ImportTemplate.Column.DEPOSITS, "-500"));
        int negativeLine = line;
        all.addAll(negative);

        byte[] file = csv(all);
        long outboxBefore = count("SELECT count(*) FROM outbox_event");
        String jobId = upload(OFFICIAL_LINSHAN, "临山镇-导入.csv", file, "text/csv");
        JsonPath job = awaitDone(jobId);
        assertEquals("DONE", job.getString("status"));
        assertEquals(all.size(), job.getInt("rowsTotal"));
        assertEquals(all.size(), job.getInt("rowsDone"));
        assertEquals(2, job.getInt("householdsCreated"));
        assertEquals(5, job.getInt("householdsRejected"));
        assertEquals(OFFICIAL_LINSHAN, job.getString("uploadedBy"));

        List<Map<String, Object>> errors = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get(IMPORTS + "/{id}/errors", jobId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        Map<Integer, String> fieldByLine = errors.stream()
                .collect(Collectors.toMap(
                        e -> (Integer) e.get("line"), e -> (String) e.get("field"), (a, b) -> a + "," + b));
        assertTrue(fieldByLine.get(badCheckLine).contains("身份证号"), errors.toString());
        assertTrue(fieldByLine.get(unknownVillageLine).contains("村代码"), errors.toString());
        assertTrue(fieldByLine.get(orphanLine).contains("与户主关系"), errors.toString());
        assertTrue(fieldByLine.get(mazhuLine).contains("村代码"), errors.toString());
        assertTrue(fieldByLine.get(negativeLine).contains("存款"), errors.toString());
        assertTrue(
                errors.stream()
                        .anyMatch(e -> e.get("line").equals(mazhuLine)
                                && e.get("reason").toString().contains("not in your township")),
                errors.toString());

        // in Chinese on request: each reason written again from its code and the values kept with it
        List<Map<String, Object>> inChinese = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .header("Accept-Language", "zh-CN")
                .get(IMPORTS + "/{id}/errors", jobId)
                .then()
                .statusCode(200)
                .header("Vary", containsString("Accept-Language"))
                .extract()
                .jsonPath()
                .getList("$");
        Map<String, Object> outside = inChinese.stream()
                .filter(e -> e.get("line").equals(mazhuLine))
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> outsideArgs = (Map<String, Object>) outside.get("args");
        assertFalse(outsideArgs.isEmpty(), "the values the reason names are kept: " + outside);
        assertEquals(
                ProblemCatalogue.message(outside.get("code").toString(), outsideArgs, Language.ZH),
                outside.get("reason"),
                outside.toString());
        assertFalse(outside.get("reason").toString().matches("(?s).*[A-Za-z]{4,}.*"), "a Chinese reason: " + outside);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .header("Accept-Language", "zh-CN")
                .queryParam("format", "csv")
                .get(IMPORTS + "/{id}/errors", jobId)
                .then()
                .statusCode(200)
                .body(containsString(mazhuLine + ",村代码,"))
                .body(containsString(outside.get("reason").toString()));

        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .queryParam("format", "csv")
                .get(IMPORTS + "/{id}/errors", jobId)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .body(containsString("行号,列,原因"))
                .body(containsString(negativeLine + ",存款,"));

        // the good ones are there, one revision each; nothing of the bad ones
        List<String> goodIds = List.of(lookup(good1), lookup(good2));
        for (String householdId : goodIds) {
            assertEquals(1, revisions(householdId));
        }
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("residentId", negative.get(0).get(ImportTemplate.Column.RESIDENT_ID.index())))
                .post("/api/v1/households/lookup")
                .then()
                .statusCode(404);
        assertTrue(count("SELECT count(*) FROM outbox_event") >= outboxBefore + 2);
        long eventsOfGood = eventsOf(goodIds);

        // the same file again: all unchanged, no revision, no event
        String again = upload(OFFICIAL_LINSHAN, "临山镇-导入.csv", file, "text/csv");
        JsonPath second = awaitDone(again);
        assertEquals("DONE", second.getString("status"));
        assertEquals(0, second.getInt("householdsCreated"));
        assertEquals(0, second.getInt("householdsCorrected"));
        assertEquals(2, second.getInt("householdsUnchanged"));
        assertEquals(5, second.getInt("householdsRejected"));
        for (String householdId : goodIds) {
            assertEquals(1, revisions(householdId));
        }
        assertEquals(eventsOfGood, eventsOf(goodIds));

        // only the uploader's township sees the job
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get(IMPORTS + "/{id}", jobId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get(IMPORTS + "/{id}/errors", jobId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aPersonTakenEarlierInTheFileIsRefusedLaterWhileCorrectionsAndNewFilesMix() throws Exception {
        DemoHouseholds generator = linshan(seed("临山镇"));
        HouseholdFile stored = generator.next();
        JsonPath first = awaitDone(upload(OFFICIAL_LINSHAN, "一户.csv", csv(rows(stored)), "text/csv"));
        assertEquals(1, first.getInt("householdsCreated"));
        String storedId = lookup(stored);

        // the stored household with new deposits, a new one, and one that lists the new one's head
        List<List<String>> changed = rows(stored);
        changed.set(0, set(changed.get(0), ImportTemplate.Column.DEPOSITS, "123456"));
        HouseholdFile fresh = generator.next();
        HouseholdFile claiming = generator.next();
        List<List<String>> claimingRows = claimingAlso(claiming, fresh.head().residentId());
        List<List<String>> all = new ArrayList<>(changed);
        all.addAll(rows(fresh));
        int claimLine = all.size() + claimingRows.size() + 1;
        all.addAll(claimingRows);

        JsonPath job = awaitDone(upload(OFFICIAL_LINSHAN, "混合.csv", csv(all), "text/csv"));
        assertEquals("DONE", job.getString("status"));
        assertEquals(1, job.getInt("householdsCorrected"));
        assertEquals(1, job.getInt("householdsCreated"));
        assertEquals(1, job.getInt("householdsRejected"));
        assertOnlyErrorIsAPersonTakenAt(claimLine, job);

        // the correction is a second revision; the new file reads back whole, its IDs decrypted and masked
        assertEquals(2, revisions(storedId));
        String freshId = lookup(fresh);
        assertEquals(1, revisions(freshId));
        JsonPath view = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}", freshId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(fresh.members().size(), view.getList("members").size());
        assertEquals(fresh.head().residentId(), view.getString("members[0].residentId"));
        assertEquals(fresh.villageCode(), view.getString("villageCode"));
        assertEquals(
                fresh.members().size(),
                count("SELECT count(*) FROM active_person WHERE household_id = '" + freshId + "'"));
        assertEquals(1, eventsOf(List.of(freshId)));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("residentId", claiming.head().residentId()))
                .post("/api/v1/households/lookup")
                .then()
                .statusCode(404);
    }

    @Test
    void chunksAreWrittenInFileOrderSoLaterChunksSeeWhatEarlierOnesStored() throws Exception {
        // a file in the first chunk, a household claiming its head in the second, the same head's
        // file again, corrected, in the third
        DemoHouseholds generator = linshan(seed("临山镇"));
        HouseholdFile first = generator.next();
        List<List<String>> all = new ArrayList<>(rows(first));
        for (int i = 0; i < chunkHouseholds + chunkHouseholds / 5; i++) {
            all.addAll(rows(generator.next()));
        }
        all.addAll(claimingAlso(generator.next(), first.head().residentId()));
        int claimLine = all.size() + 1;
        for (int i = 0; i < chunkHouseholds; i++) {
            all.addAll(rows(generator.next()));
        }
        List<List<String>> corrected = rows(first);
        corrected.set(0, set(corrected.get(0), ImportTemplate.Column.DEPOSITS, "654321"));
        all.addAll(corrected);

        JsonPath job = awaitDone(upload(OFFICIAL_LINSHAN, "三块.csv", csv(all), "text/csv"));
        assertEquals("DONE", job.getString("status"));
        assertEquals(1 + 2 * chunkHouseholds + chunkHouseholds / 5, job.getInt("householdsCreated"));
        assertEquals(1, job.getInt("householdsCorrected"));
        assertEquals(1, job.getInt("householdsRejected"));
        assertOnlyErrorIsAPersonTakenAt(claimLine, job);
        String firstId = lookup(first);
        assertEquals(2, revisions(firstId));
        assertEquals(2, eventsOf(List.of(firstId)));
        // the file's last word on the household stands
        assertEquals(
                654321,
                given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                        .get("/api/v1/households/{id}", firstId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getInt("facts.assets.deposits"));
    }

    @Test
    void anXlsxFileIsImportedLikeACsv() throws Exception {
        DemoHouseholds generator = linshan(seed("临山镇"));
        List<HouseholdFile> households = List.of(generator.next(), generator.next(), generator.next());
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ImportFiles.writeXlsx(xlsx, households);
        String jobId = upload(OFFICIAL_LINSHAN, "农户.xlsx", xlsx.toByteArray(), ImportResource.XLSX);
        JsonPath job = awaitDone(jobId);
        assertEquals("DONE", job.getString("status"));
        assertEquals("XLSX", job.getString("format"));
        assertEquals(3, job.getInt("householdsCreated"));
        assertEquals(0, job.getInt("householdsRejected"));
        for (HouseholdFile household : households) {
            assertEquals(1, revisions(lookup(household)));
        }
        // the same content as CSV changes nothing
        List<List<String>> rows = new ArrayList<>();
        households.forEach(h -> rows.addAll(rows(h)));
        JsonPath again = awaitDone(upload(OFFICIAL_LINSHAN, "农户.csv", csv(rows), "text/csv"));
        assertEquals(3, again.getInt("householdsUnchanged"));
        assertEquals(0, again.getInt("householdsCreated") + again.getInt("householdsCorrected"));
    }

    @Test
    void aPersonFiledByAnotherTownshipIsTheSameRowErrorAsInTheFormAndNothingIsStored() throws Exception {
        HouseholdFile linshanFile = linshan(seed("临山镇")).next();
        String filedByLinshan =
                linshanFile.members().get(linshanFile.members().size() - 1).residentId();
        // 马渚镇's official files a household of its own that names the same person
        DemoHouseholds mazhu =
                new DemoHouseholds(DemoHouseholds.villagesOf("330281", List.of("330281106")), seed("马渚镇"), AS_OF);
        HouseholdFile mazhuFile = mazhu.next();
        List<List<String>> claiming = claimingAlso(mazhuFile, filedByLinshan);
        awaitDone(upload(OFFICIAL_LINSHAN, "临山.csv", csv(rows(linshanFile)), "text/csv"));
        String jobId = given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .multiPart("file", "马渚.csv", csv(claiming), "text/csv")
                .post(IMPORTS)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        JsonPath job = awaitDone(jobId, OFFICIAL_MAZHU);
        assertEquals("DONE", job.getString("status"));
        assertEquals(0, job.getInt("householdsCreated"));
        assertEquals(1, job.getInt("householdsRejected"));
        List<Map<String, Object>> errors = given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .get(IMPORTS + "/{id}/errors", jobId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(claiming.size() + 1, errors.get(0).get("line"), errors.toString());
        assertEquals("身份证号", errors.get(0).get("field"));
        assertEquals("person.filed-elsewhere", errors.get(0).get("code"), errors.toString());
        given().header("Authorization", bearer(OFFICIAL_MAZHU))
                .contentType(ContentType.JSON)
                .body(Map.of("residentId", mazhuFile.head().residentId()))
                .post("/api/v1/households/lookup")
                .then()
                .statusCode(404);
    }

    @Test
    void anXlsxWhosePartsDeclareADocumentTypeIsRefusedAsUnsafeAndNothingIsQueued() throws Exception {
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        ImportFiles.writeXlsx(good, List.of(linshan(seed("临山镇")).next()));
        // an entity the DTD declares, used in a row after the header: read only by the worker, after the upload
        String doctype = "<!DOCTYPE x [<!ENTITY e \"临山\"><!ENTITY big \"&e;&e;&e;&e;&e;&e;&e;&e;\">]>";
        for (String part : List.of("xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml")) {
            byte[] unsafe = withDoctype(good.toByteArray(), part, doctype);
            long jobsBefore = count("SELECT count(*) FROM import_job");
            given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                    .header("Accept-Language", "zh-CN")
                    .multiPart("file", "农户.xlsx", unsafe, ImportResource.XLSX)
                    .post(IMPORTS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("import.file-unsafe"))
                    .body("title", equalTo("文件不安全"));
            assertEquals(jobsBefore, count("SELECT count(*) FROM import_job"), part);
        }
        // the same workbook without the DTD is read
        awaitDone(upload(OFFICIAL_LINSHAN, "农户.xlsx", good.toByteArray(), ImportResource.XLSX));
    }

    /** The workbook with a document type declared in one part, right after its XML declaration. */
    private static byte[] withDoctype(byte[] xlsx, String part, String doctype) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        Path original = Files.createTempFile("workbook", ".xlsx");
        Files.write(original, xlsx);
        try (ZipFile in = new ZipFile(original.toFile());
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                String text = new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().equals(part)) {
                    int prolog = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
                    text = text.substring(0, prolog) + doctype + text.substring(prolog);
                    if (part.endsWith("sheet1.xml")) {
                        // a cell of the last row reads the entity
                        int at = text.lastIndexOf("</t>");
                        text = at < 0 ? text : text.substring(0, at) + "&big;" + text.substring(at);
                    }
                    found = true;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } finally {
            Files.delete(original);
        }
        assertTrue(found, part);
        return out.toByteArray();
    }

    @Test
    void onlyTownshipOfficialsMayImport() throws IOException {
        byte[] file = csv(List.of());
        for (String user : List.of(CLERK_LINSHAN, LOAN_OFFICER)) {
            given().header("Authorization", bearer(user))
                    .multiPart("file", "x.csv", file, "text/csv")
                    .post(IMPORTS)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().header("Authorization", bearer(user))
                    .get(IMPORTS + "/template.csv")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().multiPart("file", "x.csv", file, "text/csv")
                .post(IMPORTS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aFileWithoutTheTemplateHeaderIsRefusedUpFront() {
        String csv = "户主身份证号,姓名,备注\n330281197805120031,王建国,x\n";
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .multiPart("file", "wrong.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(IMPORTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ruralcredit:problem:import-headers"))
                .body("errors.field", hasItems("备注", "与户主关系", "存款"))
                .body("errors.find { it.field == '备注' }.message", containsString("not a column"));
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .post(IMPORTS)
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void uploadsMayBeLargerThanJsonBodies() {
        // 2 MB is over the JSON limit (1 MiB) but a multipart upload: it reaches the header check
        String csv = "备注\n" + "很长的备注\n".repeat(140_000);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .multiPart("file", "big.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(IMPORTS)
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:ruralcredit:problem:import-headers"));
    }

    @Test
    void theTemplateHasTheChineseHeadersAndAnExampleThatImports() {
        String body = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get(IMPORTS + "/template.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asString();
        assertTrue(body.replace("\uFEFF", "").startsWith(String.join(",", ImportTemplate.HEADERS)), body);
        assertTrue(body.contains("户主") && body.contains("种植"));
        byte[] xlsx = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get(IMPORTS + "/template.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals('P', xlsx[0]);
        given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get(IMPORTS + "/template")
                .then()
                .statusCode(200)
                .body("header", hasItems("户主身份证号", "信息日期", "信息来源"));
    }

    /** The household's rows and one more that lists a person of another household as its member. */
    private static List<List<String>> claimingAlso(HouseholdFile household, String othersResidentId) {
        List<List<String>> rows = rows(household);
        List<String> extra = new ArrayList<>(Collections.nCopies(ImportTemplate.HEADERS.size(), ""));
        extra.set(ImportTemplate.Column.HEAD_ID.index(), household.head().residentId());
        extra.set(ImportTemplate.Column.RELATION.index(), "其他");
        extra.set(ImportTemplate.Column.NAME.index(), "重复人");
        extra.set(ImportTemplate.Column.RESIDENT_ID.index(), othersResidentId);
        rows.add(extra);
        return rows;
    }

    private static void assertOnlyErrorIsAPersonTakenAt(int line, JsonPath job) {
        List<Map<String, Object>> errors = given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get(IMPORTS + "/{id}/errors", job.getString("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(line, errors.get(0).get("line"), errors.toString());
        assertEquals("身份证号", errors.get(0).get("field"));
        assertEquals("person.filed-elsewhere", errors.get(0).get("code"), errors.toString());
        assertTrue(
                errors.get(0).get("reason").toString().contains("already on file in another household"),
                errors.toString());
    }

    private static String lookup(HouseholdFile file) {
        return given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .contentType(ContentType.JSON)
                .body(Map.of("residentId", file.head().residentId()))
                .post("/api/v1/households/lookup")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private static int revisions(String householdId) {
        return given().header("Authorization", bearer(OFFICIAL_LINSHAN))
                .get("/api/v1/households/{id}/revisions", householdId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
    }

    private long eventsOf(List<String> householdIds) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM outbox_event WHERE aggregate_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("varchar", householdIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @SuppressWarnings("unused")
    private static String check(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }
}
