package org.ruralcredit.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every image a Deployment names is one the services' build produces: the name and the tags
 * {@code quarkus-container-image-jib} gives the image (registry, group, name, tag and additional
 * tags, from the service's pom.xml and application.properties) against the images of the
 * rendered overlays and of the generated base manifests. The image runs as a numeric non-root
 * user (the pods set {@code runAsNonRoot}, which the kubelet can only verify for a numeric USER),
 * on a Java runtime at least as new as the compiled release, with its heap sized from the
 * container's memory limit.
 */
class ImageBuildTest {

    static final List<String> SERVICES = Platform.SERVICES;
    private static final Pattern JAVA_MAJOR = Pattern.compile(":(\\d+)(?:[.-]|$)");

    /** What {@code mvn package -Dquarkus.container-image.build=true} would name the image. */
    record ImageBuild(String service, String repository, Set<String> tags, Properties properties) {

        Set<String> references() {
            Set<String> refs = new LinkedHashSet<>();
            tags.forEach(t -> refs.add(repository + ":" + t));
            return refs;
        }
    }

    static ImageBuild build(String service) {
        Properties p = Platform.properties(service);
        String pom = read(Platform.root().resolve(service).resolve("pom.xml"));
        String registry = firstNonBlank(
                p.getProperty("quarkus.container-image.registry"),
                pomProperty(pom, "quarkus.container-image.registry"),
                "docker.io");
        String group = firstNonBlank(
                p.getProperty("quarkus.container-image.group"),
                pomProperty(pom, "quarkus.container-image.group"),
                null);
        String name = firstNonBlank(
                p.getProperty("quarkus.container-image.name"),
                pomProperty(pom, "quarkus.container-image.name"),
                service);
        String tag = firstNonBlank(
                        p.getProperty("quarkus.container-image.tag"),
                        pomProperty(pom, "quarkus.container-image.tag"),
                        "${project.version}")
                .replace("${project.version}", projectVersion());
        Set<String> tags = new LinkedHashSet<>();
        tags.add(tag);
        String additional = p.getProperty("quarkus.container-image.additional-tags", "");
        for (String t : additional.split(",")) {
            if (!t.isBlank()) {
                tags.add(t.strip());
            }
        }
        String repository = registry + "/" + (group == null || group.isBlank() ? "" : group + "/") + name;
        return new ImageBuild(service, repository, tags, p);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theBuildUsesJibAndOnlyJib(String service) {
        String pom = read(Platform.root().resolve(service).resolve("pom.xml"));
        List<String> extensions = new ArrayList<>();
        Matcher m = Pattern.compile("<artifactId>(quarkus-container-image-[a-z-]+)</artifactId>")
                .matcher(pom);
        while (m.find()) {
            extensions.add(m.group(1));
        }
        // Quarkus refuses to build when two container-image extensions are present
        assertEquals(
                List.of("quarkus-container-image-jib"), extensions, service + "'s pom.xml: container-image extensions");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyOverlayDeploysAnImageTheBuildProduces(String service) {
        ImageBuild build = build(service);
        for (String overlay : Platform.OVERLAYS) {
            List<ObjectNode> resources =
                    Kustomize.render(Platform.root().resolve("k8s/overlays").resolve(overlay));
            List<String> images = imagesOf(resources, service);
            assertFalse(images.isEmpty(), overlay + ": no Deployment " + service);
            for (String image : images) {
                int at = image.indexOf('@');
                if (at >= 0) { // a digest: the repository must be the build's, the digest is the registry's word
                    assertEquals(build.repository(), image.substring(0, at), overlay + ": " + service + "'s image");
                    continue;
                }
                assertTrue(
                        build.references().contains(image),
                        overlay + ": " + service + " deploys " + image
                                + " but its build produces " + build.references()
                                + " (quarkus.container-image.* in " + service
                                + "/src/main/resources/application.properties"
                                + " and pom.xml; a new release tag goes into both the overlays' images: and additional-tags)");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theGeneratedManifestNamesTheBuildsImage(String service) {
        List<ObjectNode> generated =
                Kustomize.readAll(Platform.root().resolve("k8s/base/services").resolve(service + ".yml"));
        ImageBuild build = build(service);
        for (String image : imagesOf(generated, service)) {
            assertTrue(
                    build.references().contains(image),
                    "k8s/base/services/" + service + ".yml names " + image + "; the build produces "
                            + build.references());
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theImageRunsAsANumericNonRootUser(String service) {
        String user = build(service).properties().getProperty("quarkus.jib.user");
        assertTrue(
                user != null && user.matches("\\d+"),
                service + ": quarkus.jib.user must be a numeric uid (is " + user + ")");
        assertNotEquals(0, Integer.parseInt(user), service + ": the image must not run as root");
        for (String overlay : Platform.OVERLAYS) {
            for (JsonNode pod : podSpecs(
                    Kustomize.render(Platform.root().resolve("k8s/overlays").resolve(overlay)), service)) {
                JsonNode runAs = pod.path("securityContext").path("runAsUser");
                if (!runAs.isMissingNode()) {
                    assertEquals(
                            Integer.parseInt(user),
                            runAs.asInt(),
                            overlay + ": " + service + "'s runAsUser vs the image's USER");
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theRuntimeAndItsFlagsFitTheContainer(String service) {
        Properties p = build(service).properties();
        String base = p.getProperty("quarkus.jib.base-jvm-image");
        if (base != null) {
            Matcher m = JAVA_MAJOR.matcher(base.substring(base.lastIndexOf('/') + 1));
            assertTrue(m.find(), service + ": the base image's tag names no Java version: " + base);
            int release = Integer.parseInt(rootPomProperty("maven.compiler.release"));
            int runtime = Integer.parseInt(m.group(1));
            assertTrue(runtime >= release, service + ": base image Java " + runtime + " < compiled release " + release);
            if (p.getProperty("quarkus.jib.jvm-additional-arguments", "").contains("UseCompactObjectHeaders")) {
                assertTrue(
                        runtime >= 25,
                        service + ": -XX:+UseCompactObjectHeaders needs Java 25 (base has " + runtime + ")");
            }
        }
        String args = p.getProperty("quarkus.jib.jvm-additional-arguments", "");
        assertTrue(
                args.contains("-XX:MaxRAMPercentage="),
                service + ": the heap must follow the container's memory limit");
        assertFalse(args.matches(".*-Xmx\\d.*"), service + ": a fixed -Xmx ignores the container's memory limit");
    }

    @Test
    void everyServiceHasItsOwnRepository() {
        Set<String> repositories = new LinkedHashSet<>();
        SERVICES.forEach(s ->
                assertTrue(repositories.add(build(s).repository()), "two services share " + build(s).repository()));
    }

    // ---------------------------------------------------------------------------------------

    static List<String> imagesOf(List<ObjectNode> resources, String service) {
        List<String> images = new ArrayList<>();
        for (JsonNode pod : podSpecs(resources, service)) {
            pod.path("containers").forEach(c -> {
                if (c.path("name").asText().equals(service)) {
                    images.add(c.path("image").asText());
                }
            });
        }
        return images;
    }

    static List<JsonNode> podSpecs(List<ObjectNode> resources, String service) {
        List<JsonNode> pods = new ArrayList<>();
        for (ObjectNode r : resources) {
            if (r.path("kind").asText().equals("Deployment")
                    && r.path("metadata").path("name").asText().equals(service)) {
                pods.add(r.path("spec").path("template").path("spec"));
            }
        }
        return pods;
    }

    private static String projectVersion() {
        Matcher m = Pattern.compile("<artifactId>rural-credit-platform</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read(Platform.root().resolve("pom.xml")));
        if (!m.find()) {
            fail("no project version in the root pom.xml");
        }
        return m.group(1).strip();
    }

    private static String rootPomProperty(String name) {
        String value = pomProperty(read(Platform.root().resolve("pom.xml")), name);
        if (value == null) {
            fail("no <" + name + "> in the root pom.xml");
        }
        return value;
    }

    private static String pomProperty(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">")
                .matcher(pom);
        return m.find() ? m.group(1).strip() : null;
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        if (b != null && !b.isBlank()) {
            return b.strip();
        }
        return fallback;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
