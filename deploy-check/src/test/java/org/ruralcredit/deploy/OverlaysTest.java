package org.ruralcredit.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every overlay renders to a complete deployment that keeps every rule. */
class OverlaysTest {

    static final List<String> OVERLAYS = Platform.OVERLAYS;

    static List<ObjectNode> render(String overlay) {
        return Kustomize.render(Platform.root().resolve("k8s/overlays").resolve(overlay));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void rendersEverything(String overlay) {
        List<ObjectNode> resources = render(overlay);
        Set<String> kinds = resources.stream().map(r -> r.path("kind").asText()).collect(Collectors.toSet());
        assertTrue(
                kinds.containsAll(Set.of(
                        "Namespace",
                        "ConfigMap",
                        "Deployment",
                        "Service",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "NetworkPolicy",
                        "Ingress",
                        "Kafka",
                        "KafkaNodePool",
                        "KafkaTopic",
                        "Cluster",
                        "Database",
                        "Keycloak",
                        "KeycloakRealmImport",
                        "KafkaUser",
                        "Pooler",
                        "ScheduledBackup",
                        "PodMonitor",
                        "PrometheusRule")),
                "kinds rendered: " + kinds);
        assertEquals(
                Set.copyOf(Platform.SERVICES),
                ManifestChecks.ofKind(resources, "Deployment").stream()
                        .map(d -> d.path("metadata").path("name").asText())
                        .collect(Collectors.toSet()));
        assertTrue(
                resources.stream()
                        .filter(r -> !r.path("kind").asText().equals("Namespace"))
                        .allMatch(r ->
                                r.path("metadata").path("namespace").asText().equals("rural-credit")),
                "one namespace");
        assertFalse(Kustomize.toYaml(resources).isBlank());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyResourceParsesAgainstItsSchema(String overlay) {
        assertEquals(List.of(), SchemaCheck.problems(render(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDeploymentHasProbesResourcesAndAPinnedImage(String overlay) {
        assertEquals(List.of(), ManifestChecks.deploymentProblems(render(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySecretReferenceIsDocumented(String overlay) {
        Path k8s = Platform.root().resolve("k8s");
        assertEquals(List.of(), ManifestChecks.secretProblems(render(overlay), Platform.documentedSecrets(k8s)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicExistsAsKafkaTopic(String overlay) {
        assertEquals(List.of(), ManifestChecks.topicProblems(render(overlay), Platform.topics()));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceDatabaseExistsInTheCluster(String overlay) {
        assertEquals(List.of(), ManifestChecks.databaseProblems(render(overlay), Platform.datasourceUsers()));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void networkPoliciesLetThroughWhatThePlatformUsesAndNothingElse(String overlay) {
        // the calls are read from the services' configuration: the gateway reads the four backends,
        // the web console calls all five APIs, nobody calls the console, and no backend calls another
        Set<String> backends = Set.of("farmer-registry", "credit-rating", "morality-score", "sme-archive");
        assertEquals(backends, Platform.serviceCalls().get("gateway"));
        assertEquals(
                Set.of("gateway", "farmer-registry", "credit-rating", "morality-score", "sme-archive"),
                Platform.serviceCalls().get("web-console"));
        backends.forEach(b -> assertEquals(Set.of(), Platform.serviceCalls().get(b), b));
        List<ObjectNode> resources = render(overlay);
        Platform.Flows flows = Platform.flows(resources);
        assertEquals(List.of(), NetworkChecks.problems(resources, flows.needed(), flows.unused()));
    }
}
