package org.ruralcredit.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the report of {@code ./stack images} (.stack/images/report.json, when present) to the
 * facts: it covers every service, once; each image is named as the overlays deploy it, its archive
 * holds that name and the reported manifest, it runs as the numeric non-root user of the Jib
 * configuration with Jib's entrypoint and the service's JVM flags, and it was started: its
 * liveness answered UP (HTTP 200) from a process of that user, and so did the path the manifest's
 * startup probe asks. A report of a partial run ({@code ./stack images SERVICE}, {@code --no-run})
 * or of a failed start fails here. Skipped when ./stack images has not run in this checkout.
 */
class ImageReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;
    private static JsonNode report;

    @BeforeAll
    static void readReport() throws IOException {
        dir = Platform.root().resolve(".stack/images");
        Path file = dir.resolve("report.json");
        Assumptions.assumeTrue(Files.exists(file), "no " + file + " (./stack images has not run here)");
        report = JSON.readTree(file.toFile());
    }

    @Test
    void theReportCoversEveryServiceOnce() {
        List<String> services = new ArrayList<>();
        report.path("images")
                .forEach(image -> services.add(image.path("service").asText()));
        assertEquals(
                Platform.SERVICES.stream().sorted().toList(),
                services.stream().sorted().toList(),
                "report.json must cover each service exactly once (rerun ./stack images with no SERVICE)");
        assertFalse(report.path("base").path("jlinkModules").isEmpty(), "the base's runtime modules");
    }

    @Test
    void eachImageIsNamedAsItsManifestsDeployIt() {
        for (JsonNode image : report.path("images")) {
            String service = image.path("service").asText();
            String ref = image.path("image").asText();
            ImageBuildTest.ImageBuild build = ImageBuildTest.build(service);
            assertTrue(
                    ref.startsWith(build.repository() + ":"),
                    service + ": " + ref + " is not of " + build.repository());
            String tag = ref.substring(ref.lastIndexOf(':') + 1);
            assertEquals(
                    "ruralcredit-" + service + "-" + tag + ".oci.tar",
                    image.path("archive").asText(),
                    service + "'s archive name");
        }
    }

    @Test
    void eachImageIsNamedAsTheOverlaysDeployIt() {
        for (JsonNode image : report.path("images")) {
            String service = image.path("service").asText();
            assertTrue(Platform.SERVICES.contains(service), "unknown service " + service);
            String ref = image.path("image").asText();
            assertTrue(
                    ImageBuildTest.build(service).references().contains(ref),
                    ref + " is not a name the build gives " + service + ": "
                            + ImageBuildTest.build(service).references());
            for (String overlay : Platform.OVERLAYS) {
                List<String> deployed = ImageBuildTest.imagesOf(
                        Kustomize.render(Platform.root().resolve("k8s/overlays").resolve(overlay)), service);
                assertEquals(
                        List.of(ref),
                        deployed,
                        overlay + " deploys another image of " + service + " than the one built");
            }
        }
    }

    @Test
    void eachArchiveHoldsTheReportedImage() throws IOException {
        for (JsonNode image : report.path("images")) {
            Path archive = dir.resolve(image.path("archive").asText());
            assertTrue(Files.exists(archive), archive + " is missing");
            assertEquals(image.path("archiveBytes").asLong(), Files.size(archive), archive + "'s size");
            JsonNode index = JSON.readTree(entry(archive, "index.json"));
            assertEquals(1, index.path("manifests").size(), archive + ": one image per archive");
            JsonNode manifest = index.path("manifests").get(0);
            assertEquals(
                    image.path("image").asText(),
                    manifest.path("annotations")
                            .path("org.opencontainers.image.ref.name")
                            .asText(),
                    archive + "'s image name");
            assertEquals(
                    image.path("manifestDigest").asText(),
                    manifest.path("digest").asText(),
                    archive + "'s manifest");
            JsonNode m = JSON.readTree(entry(
                    archive, "blobs/sha256/" + digestHex(manifest.path("digest").asText())));
            JsonNode config = JSON.readTree(entry(
                    archive,
                    "blobs/sha256/" + digestHex(m.path("config").path("digest").asText())));
            assertEquals(
                    image.path("user").asText(),
                    config.path("config").path("User").asText(),
                    archive + ": USER");
            assertEquals(image.path("entrypoint"), config.path("config").path("Entrypoint"), archive + ": Entrypoint");
            assertTrue(
                    m.path("layers").size() >= 4,
                    archive + ": Debian root, Java runtime, dependencies and application layers");
        }
    }

    @Test
    void eachImageRunsAsTheNumericNonRootUserOfItsBuild() {
        for (JsonNode image : report.path("images")) {
            String service = image.path("service").asText();
            String user = image.path("user").asText();
            assertTrue(user.matches("\\d+"), service + ": USER must be numeric (is '" + user + "')");
            assertNotEquals(0, Integer.parseInt(user), service + ": USER must not be root");
            assertEquals(
                    Platform.properties(service).getProperty("quarkus.jib.user"),
                    user,
                    service + ": USER vs quarkus.jib.user");
        }
    }

    @Test
    void eachEntrypointIsJibsWithTheServicesJvmFlags() {
        for (JsonNode image : report.path("images")) {
            String service = image.path("service").asText();
            Properties p = Platform.properties(service);
            List<String> expected = new ArrayList<>();
            expected.add("java");
            expected.addAll(split(p.getProperty(
                    "quarkus.jib.jvm-arguments", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")));
            expected.addAll(split(p.getProperty("quarkus.jib.jvm-additional-arguments", "")));
            expected.add("-jar");
            expected.add("quarkus-run.jar");
            List<String> actual = new ArrayList<>();
            image.path("entrypoint").forEach(e -> actual.add(e.asText()));
            assertEquals(
                    expected, actual, service + "'s entrypoint (rerun ./stack images after changing quarkus.jib.*)");
            assertEquals("/home/jboss", image.path("workingDir").asText(), service + ": Jib's working directory");
        }
    }

    @Test
    void eachImageWasStartedAndAnsweredLiveFromItsUser() {
        for (JsonNode image : report.path("images")) {
            String service = image.path("service").asText();
            JsonNode run = image.path("run");
            assertTrue(run.isObject(), service + " was not started (--no-run); ./stack images must start every image");
            assertEquals(200, run.path("liveHttpStatus").asInt(), service + ": /q/health/live's status");
            assertEquals("UP", run.path("live").path("status").asText(), service + ": /q/health/live");
            assertTrue(run.path("secondsToLive").asDouble() > 0, service + ": seconds from start to live");
            assertTrue(
                    List.of("podman", "unshare + chroot")
                            .contains(run.path("runner").asText()),
                    service + ": ran under " + run.path("runner"));
            assertFalse(run.path("how").asText().isBlank(), service + ": how it ran");
            JsonNode uid = run.path("processUid");
            assertTrue(uid.isIntegralNumber(), service + ": the uid of its process was not seen");
            assertEquals(
                    image.path("user").asInt(), uid.asInt(), service + ": the process ran as another user than USER");
            assertTrue(
                    run.path("processCommand").asText().contains("-jar quarkus-run.jar"),
                    service + ": the process's command");
            assertTrue(image.path("secondsToBuild").asDouble() > 0, service + ": seconds to build");
        }
    }

    @Test
    void eachStartedImagePassedItsManifestsStartupProbe() {
        for (JsonNode image : report.path("images")) {
            String service = image.path("service").asText();
            JsonNode run = image.path("run");
            assertTrue(run.isObject(), service + " was not started");
            List<String> paths = new ArrayList<>();
            for (JsonNode pod : ImageBuildTest.podSpecs(
                    Kustomize.readAll(
                            Platform.root().resolve("k8s/base/services").resolve(service + ".yml")),
                    service)) {
                pod.path("containers")
                        .forEach(c -> paths.add(c.path("startupProbe")
                                .path("httpGet")
                                .path("path")
                                .asText()));
            }
            assertEquals(List.of(run.path("startupProbePath").asText()), paths, service + ": the startup probe's path");
            assertEquals(
                    "UP",
                    run.path("startup").path("status").asText(),
                    service + ": " + run.path("startupProbePath").asText());
            assertEquals(200, run.path("readyHttpStatus").asInt(), service + ": /q/health/ready's status");
            assertEquals("UP", run.path("ready").path("status").asText(), service + ": /q/health/ready");
        }
    }

    private static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String digestHex(String digest) {
        assertTrue(digest.startsWith("sha256:"), "not a sha256 digest: " + digest);
        return digest.substring("sha256:".length());
    }

    /** One file of an (uncompressed, ustar) tar archive. */
    static byte[] entry(Path tar, String name) throws IOException {
        try (InputStream in = Files.newInputStream(tar)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String entryName = cString(header, 0, 100);
                if (entryName.isEmpty()) {
                    break;
                }
                String prefix = cString(header, 345, 155);
                if (!prefix.isEmpty()) {
                    entryName = prefix + "/" + entryName;
                }
                long size = Long.parseLong(cString(header, 124, 12).strip(), 8);
                if (entryName.replaceFirst("^\\./", "").equals(name)) {
                    return in.readNBytes((int) size);
                }
                long skip = (size + 511) / 512 * 512;
                in.skipNBytes(skip);
            }
        }
        throw new AssertionError(tar + " has no " + name);
    }

    private static String cString(byte[] b, int from, int length) {
        int end = from;
        while (end < from + length && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.US_ASCII);
    }
}
