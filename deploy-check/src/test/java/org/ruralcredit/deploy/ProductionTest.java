package org.ruralcredit.deploy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production rules of {@link ProductionChecks}, on every overlay, and the recovery manifest. */
class ProductionTest {

    static final List<String> OVERLAYS = Platform.OVERLAYS;

    private static List<ObjectNode> render(String overlay) {
        return OverlaysTest.render(overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theManagementPortIsProbedAndNeverRoutedByTheIngress(String overlay) {
        assertEquals(List.of(), ProductionChecks.managementProblems(render(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressAdmitsTheBodiesEachBackendAccepts(String overlay) {
        // the console takes import files of up to 32 MiB on their way to the registry; the gateway
        // takes JSON only, within Quarkus' default 10 MiB
        assertEquals(32, Platform.maxBodyMiB().get("web-console"));
        assertEquals(10, Platform.maxBodyMiB().get("gateway"));
        assertEquals(List.of(), ProductionChecks.bodySizeProblems(render(overlay), Platform.maxBodyMiB()));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressRoutesTheApiToTheGatewayAndThePagesToTheConsole(String overlay) {
        Map<String, String> routes = new TreeMap<>();
        for (ObjectNode ingress : ManifestChecks.ofKind(render(overlay), "Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (rule.path("host")
                        .asText()
                        .equals(URI.create(RealmImport.PUBLIC_URL).getHost())) {
                    rule.path("http")
                            .path("paths")
                            .forEach(p -> routes.put(
                                    p.path("pathType").asText() + " "
                                            + p.path("path").asText(),
                                    p.path("backend")
                                                    .path("service")
                                                    .path("name")
                                                    .asText() + ":"
                                            + p.path("backend")
                                                    .path("service")
                                                    .path("port")
                                                    .path("name")
                                                    .asText()));
                }
            }
        }
        assertEquals(
                Map.of(
                        "Prefix /api",
                        "gateway:http",
                        "Prefix " + RealmImport.CONSOLE_PATH,
                        "web-console:http",
                        "Prefix /_static",
                        "web-console:http",
                        "Exact /",
                        "web-console:http"),
                routes);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void autoscaledDeploymentsCarryNoReplicas(String overlay) {
        assertEquals(List.of(), ProductionChecks.autoscalingProblems(render(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyClusterIsBackedUpAndMonitored(String overlay) {
        assertEquals(List.of(), ProductionChecks.backupAndMonitoringProblems(render(overlay), Platform.ALERT_METRICS));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaIsSecuredAndVersionsArePinned(String overlay) {
        assertEquals(List.of(), ProductionChecks.securityProblems(render(overlay)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaAclsAgreeWithTheEventCatalogue(String overlay) {
        assertEquals(
                List.of(),
                ProductionChecks.aclProblems(
                        render(overlay),
                        Platform.producedTopics(),
                        Platform.consumedTopics(),
                        Platform.consumerGroups()));
    }

    @ParameterizedTest
    @FieldSource("KAFKA_SERVICES")
    void kafkaIsOutOfReadinessAndSecuredInTheProdProfileOnly(String service) {
        Properties p = Platform.properties(service);
        // readiness = can serve requests: no Kafka channel reports to it (k8s/README.md, health)
        assertEquals("false", p.getProperty("mp.messaging.connector.smallrye-kafka.health-readiness-enabled"));
        // the cluster's TLS listener with SCRAM in prod; the local and test profiles keep the one-machine PLAINTEXT
        // broker
        assertEquals("SASL_SSL", p.getProperty("%prod.kafka.security.protocol"));
        assertEquals("SCRAM-SHA-512", p.getProperty("%prod.kafka.sasl.mechanism"));
        assertEquals("${KAFKA_SASL_JAAS_CONFIG}", p.getProperty("%prod.kafka.sasl.jaas.config"));
        assertEquals(null, p.getProperty("kafka.security.protocol"));
        assertEquals(null, p.getProperty("%local.kafka.security.protocol"));
        assertEquals(null, p.getProperty("%test.kafka.security.protocol"));
    }

    @Test
    void theWebConsoleKeepsNoDatabaseAndNoKafka() {
        // what the model derives from the configuration: the flows, databases, users and ACLs follow from it
        assertEquals(
                List.of("farmer-registry", "credit-rating", "morality-score", "sme-archive", "gateway"),
                Platform.databaseServices());
        assertEquals(Platform.databaseServices(), Platform.kafkaServices());
        assertFalse(Platform.datasourceUsers().containsKey("web-console"));
        assertFalse(Platform.producedTopics().containsKey("web-console"));
        assertTrue(Platform.SERVICES.contains("web-console"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theManagementInterfaceIsOnInEveryProfileOnPort9000(String service) {
        Properties p = Platform.properties(service);
        // /q/* on the management interface in every profile: a build-time switch, so the jar of the
        // images, the one-machine stack, the system tests and the benchmarks is one jar with it on
        assertEquals("true", p.getProperty("quarkus.management.enabled"));
        for (String profile : List.of("prod", "local", "test", "dev")) {
            assertEquals(
                    null,
                    p.getProperty("%" + profile + ".quarkus.management.enabled"),
                    profile + " must not switch it");
        }
        // the pods' port 9000 (Quarkus' default): nothing moves it outside the one-machine profiles
        assertEquals(null, p.getProperty("quarkus.management.port"));
        assertEquals(null, p.getProperty("%prod.quarkus.management.port"));
        assertEquals("9000", p.getProperty("quarkus.kubernetes.ports.management.container-port"));
    }

    static final List<String> SERVICES = Platform.SERVICES;
    static final List<String> KAFKA_SERVICES = Platform.kafkaServices();

    @Test
    void theCatalogueDerivationFindsEveryProducerAndConsumer() {
        // what the ACL check compares with, read from the sources: each topic of the catalogue has one producer
        Map<String, Set<String>> produced = Platform.producedTopics();
        assertEquals(Set.of("registry.household.v1", "registry.village.v1"), produced.get("farmer-registry"));
        assertEquals(Set.of("lending.loan.v1", "gateway.dead-letter"), produced.get("gateway"));
        assertTrue(Platform.consumedTopics().get("credit-rating").contains("lending.loan.v1"));
        assertEquals(
                Set.of("credit-rating", "credit-rating-loans"),
                Platform.consumerGroups().get("credit-rating"));
        // a channel's own group.id counts too: the report read model reads as a group of its own
        assertEquals(
                Set.of("gateway", "gateway-report-model"),
                Platform.consumerGroups().get("gateway"));
        assertTrue(Platform.consumedTopics().get("gateway").contains("registry.household.v1"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theReportReadModelsTopicsKeepWhatItsRebuildReplays(String overlay) {
        // the gateway's report read model is rebuilt by replaying its group's topics from the start (k8s/README.md)
        Properties gateway = Platform.properties("gateway");
        Set<String> replayed = new TreeSet<>();
        gateway.stringPropertyNames().forEach(key -> {
            if (key.startsWith("mp.messaging.incoming.")
                    && key.endsWith(".group.id")
                    && gateway.getProperty(key).trim().equals("gateway-report-model")) {
                replayed.add(gateway.getProperty(key.substring(0, key.length() - ".group.id".length()) + ".topic")
                        .trim());
            }
        });
        assertEquals(
                Set.of("registry.household.v1", "rating.household.v1", "morality.points.v1", "rating.lender-policy.v1"),
                replayed);
        Map<String, JsonNode> config = new TreeMap<>();
        ManifestChecks.ofKind(render(overlay), "KafkaTopic")
                .forEach(t -> config.put(
                        t.path("spec").path("topicName").asText(),
                        t.path("spec").path("config")));
        // whole files keyed by household, whole policies keyed by institution/policy: the newest of each
        // is what a rebuild needs
        for (String state : List.of("registry.household.v1", "rating.lender-policy.v1")) {
            assertEquals("compact", config.get(state).path("cleanup.policy").asText(), state);
        }
        // histories (a household's ratings, its standing per year): compaction or a time limit would lose them
        for (String history : List.of("rating.household.v1", "morality.points.v1")) {
            JsonNode c = config.get(history);
            assertEquals("delete", c.path("cleanup.policy").asText(), history);
            assertEquals(-1, c.path("retention.ms").asLong(0), history);
            assertEquals(-1, c.path("retention.bytes").asLong(-1), history);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void poolsFitThePoolerAndPostgres(String overlay) {
        ProductionChecks.PoolArithmetic a = ProductionChecks.poolArithmetic(render(overlay));
        assertEquals(List.of(), a.problems(), a.toString());
        assertTrue(a.clientConnections() > 0 && a.serverConnections() > 0, a.toString());
    }

    @Test
    void prodPoolArithmeticFigures() {
        // 36 pods at the HPA maxima x 20 = 720 client connections into PgBouncer (limit 1,000 per
        // instance); 2 instances x 20 x 5 databases + Keycloak 2 x 20 = 240 server connections (max 300)
        ProductionChecks.PoolArithmetic a = ProductionChecks.poolArithmetic(render("prod"));
        assertEquals(720, a.clientConnections());
        assertEquals(1000, a.poolerClientLimit());
        assertEquals(240, a.serverConnections());
        assertEquals(300, a.maxConnections());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsAreRestrictedBoundedAndShutDownGracefully(String overlay) {
        assertEquals(List.of(), ProductionChecks.podProblems(render(overlay), Platform.shutdownSeconds()));
    }

    @Test
    void theRecoveryManifestIsAValidPointInTimeRecovery() {
        List<ObjectNode> resources = Kustomize.render(Platform.root().resolve("k8s/recovery"));
        assertEquals(List.of(), SchemaCheck.problems(resources));
        assertEquals(
                List.of(),
                ManifestChecks.secretProblems(
                                resources,
                                Platform.documentedSecrets(Platform.root().resolve("k8s")))
                        .stream()
                        .filter(p -> !p.contains("but no manifest uses it"))
                        .toList());
        ObjectNode cluster = ManifestChecks.ofKind(resources, "Cluster").get(0);
        JsonNode recovery = cluster.path("spec").path("bootstrap").path("recovery");
        assertFalse(recovery.path("recoveryTarget").path("targetTime").asText().isBlank(), "a point in time");
        JsonNode source = cluster.path("spec").path("externalClusters").path(0);
        assertEquals(recovery.path("source").asText(), source.path("name").asText());
        // reads where the production cluster writes, and never writes there itself
        ObjectNode prod = ManifestChecks.ofKind(render("prod"), "Cluster").get(0);
        String written = prod.path("spec")
                .path("backup")
                .path("barmanObjectStore")
                .path("destinationPath")
                .asText();
        assertEquals(
                written,
                source.path("barmanObjectStore").path("destinationPath").asText());
        assertEquals(
                prod.path("metadata").path("name").asText(),
                source.path("barmanObjectStore").path("serverName").asText());
        assertFalse(written.equals(cluster.path("spec")
                .path("backup")
                .path("barmanObjectStore")
                .path("destinationPath")
                .asText()));
        assertEquals(
                prod.path("spec").path("imageName").asText(),
                cluster.path("spec").path("imageName").asText());
    }

    @Test
    void theProductionRealmHasNoLocalAddressesNoPasswordGrantAndAPasswordPolicy() {
        ObjectNode realmImport =
                RealmImport.fromRealmFile(Platform.root().resolve("k8s/keycloak/rural-credit-realm.json"));
        JsonNode realm = realmImport.path("spec").path("realm");
        String text = realm.toString();
        assertFalse(
                text.contains("localhost") || text.contains("127.0.0.1"), "a local address in the production realm");
        assertEquals(RealmImport.PASSWORD_POLICY, realm.path("passwordPolicy").asText());
        for (JsonNode client : realm.path("clients")) {
            assertFalse(
                    client.path("directAccessGrantsEnabled").asBoolean(false),
                    client.path("clientId") + " takes passwords");
            client.path("redirectUris")
                    .forEach(u -> assertTrue(u.asText().startsWith("https://"), client.path("clientId") + ": " + u));
        }
        // the console's client: its public address, where the Ingress sends /console, and nothing else
        JsonNode console = StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> c.path("clientId").asText().equals("rural-credit-console"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                RealmImport.CONSOLE_URL,
                console.path("rootUrl").asText() + console.path("baseUrl").asText());
        assertEquals(
                List.of(RealmImport.CONSOLE_URL + "/*"),
                Kustomize.YAML.convertValue(console.path("redirectUris"), List.class));
        assertEquals(
                RealmImport.CONSOLE_URL + "/*",
                console.path("attributes").path("post.logout.redirect.uris").asText());
        // the one-machine realm keeps what its tests need
        assertTrue(Platform.root()
                .resolve("k8s/keycloak/rural-credit-realm.json")
                .toFile()
                .exists());
    }
}
