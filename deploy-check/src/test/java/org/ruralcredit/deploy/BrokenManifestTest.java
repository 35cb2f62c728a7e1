package org.ruralcredit.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deliberately broken copy of k8s/ for each rule: the check must report exactly that breakage. */
class BrokenManifestTest {

    @TempDir
    Path copy;

    private Path k8s() throws IOException {
        Path source = Platform.root().resolve("k8s");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return copy;
    }

    private List<ObjectNode> renderProd(Path k8s) {
        return Kustomize.render(k8s.resolve("overlays/prod"));
    }

    private static void edit(Path file, UnaryOperator<String> change) throws IOException {
        String before = Files.readString(file);
        String after = change.apply(before);
        assertTrue(!after.equals(before), "the edit changed " + file);
        Files.writeString(file, after);
    }

    @Test
    void aDeploymentWithoutReadinessProbeFails() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("base/services/credit-rating.yml"),
                s -> s.replaceFirst("readinessProbe:", "readinessProbeX:"));
        List<String> problems = ManifestChecks.deploymentProblems(renderProd(k8s));
        assertEquals(
                List.of("Deployment/rural-credit/credit-rating container credit-rating: no readinessProbe"), problems);
        // the misspelt field is also an unknown field for the schema check
        assertTrue(SchemaCheck.problems(renderProd(k8s)).stream().anyMatch(p -> p.contains("readinessProbeX")));
    }

    @Test
    void aDeploymentWithoutLivenessProbeOrResourcesOrWithTheWrongProbeFails() throws IOException {
        Path k8s = k8s();
        edit(k8s.resolve("base/services/gateway.yml"), s -> s.replaceFirst("livenessProbe:", "startupProbeX:"));
        edit(k8s.resolve("overlays/prod/services/sme-archive.yaml"), s -> s.replace("              cpu: 250m\n", ""));
        // the base still has a CPU request, so the overlay must drop it as well
        edit(k8s.resolve("base/services/sme-archive.yml"), s -> s.replace("              cpu: 250m\n", ""));
        List<String> problems = ManifestChecks.deploymentProblems(renderProd(k8s));
        assertTrue(
                problems.contains("Deployment/rural-credit/gateway container gateway: no livenessProbe"),
                problems.toString());
        edit(
                k8s.resolve("base/services/morality-score.yml"),
                s -> s.replace("path: /q/health/ready", "path: /q/health/live"));
        assertTrue(
                ManifestChecks.deploymentProblems(renderProd(k8s))
                        .contains(
                                "Deployment/rural-credit/morality-score container morality-score: readinessProbe on '/q/health/live' instead of /q/health/ready"));
        assertTrue(
                problems.stream()
                        .anyMatch(p -> p.startsWith("Deployment/rural-credit/sme-archive")
                                && p.endsWith("no resources.requests.cpu")),
                problems.toString());
    }

    @Test
    void aLatestOrUntaggedImageFails() throws IOException {
        Path k8s = k8s();
        edit(k8s.resolve("overlays/prod/kustomization.yaml"), s -> s.replaceFirst("newTag: \\S+", "newTag: latest"));
        List<String> problems = ManifestChecks.deploymentProblems(renderProd(k8s));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("uses the tag latest"), problems.toString());
        assertTrue(ManifestChecks.imageProblem("ruralcredit/gateway").isPresent());
        assertTrue(
                ManifestChecks.imageProblem("registry:5000/ruralcredit/gateway").isPresent());
        assertTrue(ManifestChecks.imageProblem("registry:5000/ruralcredit/gateway:0.1.0")
                .isEmpty());
        assertTrue(ManifestChecks.imageProblem("ruralcredit/gateway:0.1.0-SNAPSHOT")
                .isPresent());
    }

    @Test
    void aSnapshotImageFails() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("overlays/dev/kustomization.yaml"),
                s -> s.replaceFirst("newTag: \\S+", "newTag: 0.1.0-SNAPSHOT"));
        List<String> problems = ManifestChecks.deploymentProblems(Kustomize.render(k8s.resolve("overlays/dev")));
        assertEquals(
                List.of(
                        "Deployment/rural-credit/farmer-registry container farmer-registry: image "
                                + "docker.io/ruralcredit/farmer-registry:0.1.0-SNAPSHOT uses a SNAPSHOT tag, which moves with every build"),
                problems);
    }

    @Test
    void aMissingTopicFails() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("infra/topics.yaml"),
                s -> s.replace("topicName: morality.points.v1", "topicName: morality.points.v2"));
        assertEquals(
                List.of("topic morality.points.v1 has no KafkaTopic"),
                ManifestChecks.topicProblems(renderProd(k8s), Platform.topics()));
    }

    @Test
    void aStartupCheckOnTheOutboxPlaceholderTopicFails() throws IOException {
        Properties gateway = Platform.properties("gateway");
        assertTrue(Platform.configuredTopics(gateway).stream().noneMatch(t -> t.equals("unrouted")));
        gateway.remove("mp.messaging.outgoing.outbox.health-topic-verification-startup-disabled");
        Set<String> topics = new TreeSet<>(Platform.topics());
        topics.addAll(Platform.configuredTopics(gateway));
        assertEquals(
                List.of("topic unrouted has no KafkaTopic"), ManifestChecks.topicProblems(renderProd(k8s()), topics));
    }

    @Test
    void moreTopicReplicasThanBrokersFails() throws IOException {
        Path k8s = k8s();
        edit(k8s.resolve("infra/topics.yaml"), s -> s.replaceFirst("replicas: 3", "replicas: 4"));
        List<String> problems = ManifestChecks.topicProblems(renderProd(k8s), Platform.topics());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("4 replicas but only 3 brokers"), problems.toString());
    }

    @Test
    void anUndocumentedSecretFails() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("base/services/sme-archive.yml"),
                s -> s.replaceFirst("name: sme-personal-data-keys", "name: sme-keys"));
        List<String> problems = ManifestChecks.secretProblems(renderProd(k8s), Platform.documentedSecrets(k8s));
        assertTrue(
                problems.contains(
                        "Deployment/rural-credit/sme-archive: refers to secret sme-keys/encryption-key, not in k8s/secrets.tsv"),
                problems.toString());
    }

    @Test
    void aSecretWithValuesInTheManifestsFails() throws IOException {
        Path k8s = k8s();
        Files.writeString(
                k8s.resolve("base/leak.yaml"),
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: gateway-oidc\nstringData:\n  client-secret: x\n");
        edit(
                k8s.resolve("base/kustomization.yaml"),
                s -> s.replace("  - ingress.yaml", "  - ingress.yaml\n  - leak.yaml"));
        List<ObjectNode> resources = renderProd(k8s);
        assertTrue(ManifestChecks.secretProblems(resources, Platform.documentedSecrets(k8s)).stream()
                .anyMatch(p -> p.startsWith("Secret/rural-credit/gateway-oidc: a Secret with values")));
    }

    @Test
    void aMissingServiceDatabaseFails() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("infra/postgres.yaml"),
                s -> s.replace("  name: morality\n  owner: morality", "  name: moral\n  owner: morality"));
        assertEquals(
                List.of("morality-score: no Database 'morality' owned by 'morality' in cluster ruralcredit-db"),
                ManifestChecks.databaseProblems(renderProd(k8s), Platform.datasourceUsers()));
    }

    @Test
    void aRoleWithAnotherPasswordSecretFails() throws IOException {
        Path k8s = k8s();
        edit(k8s.resolve("infra/postgres.yaml"), s -> s.replace("name: rating-db", "name: rating-credentials"));
        assertEquals(
                List.of(
                        "credit-rating: reads its password from secret 'rating-db' but role 'rating' takes it from 'rating-credentials'"),
                ManifestChecks.databaseProblems(renderProd(k8s), Platform.datasourceUsers()));
    }

    private List<String> networkProblems(Path k8s) {
        List<ObjectNode> resources = renderProd(k8s);
        Platform.Flows flows = Platform.flows(resources);
        return NetworkChecks.problems(resources, flows.needed(), flows.unused());
    }

    @Test
    void aDatabasePolicyThatLeavesOutTheRealmImportJobFails() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("base/network-policies.yaml"),
                s -> s.replace("app.kubernetes.io/managed-by: keycloak-operator", "app: keycloak"));
        assertEquals(
                List.of(
                        "NetworkPolicies refuse Keycloak realm import job -> PostgreSQL:5432/TCP, which the platform needs"),
                networkProblems(k8s));
    }

    @Test
    void callsBetweenBackendsFail() throws IOException {
        Path k8s = k8s();
        // every service may call every backend, as if the policies were not narrowed to the gateway
        edit(
                k8s.resolve("base/network-policies.yaml"),
                s -> s.replace(
                                "  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: gateway\n  policyTypes:\n    - Egress",
                                "  podSelector:\n    matchLabels:\n      ruralcredit.org/layer: services\n  policyTypes:\n    - Egress")
                        .replace(
                                """
                            - from:
                                - podSelector:
                                    matchExpressions:
                                      - key: app.kubernetes.io/name
                                        operator: In
                                        values: [gateway, web-console]
                        """,
                                "    - from:\n        - podSelector:\n            matchLabels:\n              ruralcredit.org/layer: services\n"));
        List<String> problems = networkProblems(k8s);
        assertTrue(
                problems.contains(
                        "NetworkPolicies allow credit-rating -> farmer-registry:8081/TCP, which the platform does not use"),
                problems.toString());
        assertEquals(12, problems.size(), problems.toString());
    }

    @Test
    void theWebConsoleReachingTheDatabaseOrKafkaFails() throws IOException {
        Path k8s = k8s();
        // the data egress for every service, the console included
        edit(k8s.resolve("base/network-policies.yaml"), s -> s.replace("""
                    matchExpressions:
                      - key: app.kubernetes.io/name
                        operator: In
                        values: [farmer-registry, credit-rating, morality-score, sme-archive, gateway]
                """, ""));
        assertEquals(
                List.of(
                        "NetworkPolicies allow web-console -> PgBouncer:5432/TCP, which the platform does not use",
                        "NetworkPolicies allow web-console -> Kafka broker:9093/TCP, which the platform does not use"),
                networkProblems(k8s));
    }

    @Test
    void servicesThatRefuseTheWebConsoleFail() throws IOException {
        Path k8s = k8s();
        // the backends admit the gateway only, as before the console moved out of it, and the gateway admits no service
        edit(
                k8s.resolve("base/network-policies.yaml"),
                s -> s.replace("values: [gateway, web-console]", "values: [gateway]")
                        .replace(
                                "              app.kubernetes.io/name: web-console\n      ports:",
                                "              app.kubernetes.io/name: nobody\n      ports:"));
        assertEquals(
                List.of(
                        "NetworkPolicies refuse web-console -> farmer-registry:8081/TCP, which the platform needs",
                        "NetworkPolicies refuse web-console -> credit-rating:8082/TCP, which the platform needs",
                        "NetworkPolicies refuse web-console -> morality-score:8083/TCP, which the platform needs",
                        "NetworkPolicies refuse web-console -> sme-archive:8084/TCP, which the platform needs",
                        "NetworkPolicies refuse web-console -> gateway:8080/TCP, which the platform needs"),
                networkProblems(k8s));
    }

    @Test
    void monitoringOnEveryPortOrIntoTheApiFails() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("base/network-policies.yaml"),
                s -> s.replace(
                        "              kubernetes.io/metadata.name: monitoring\n      ports:\n        - protocol: TCP\n          port: management\n",
                        "              kubernetes.io/metadata.name: monitoring\n"));
        List<String> problems = networkProblems(k8s);
        assertTrue(
                problems.contains(
                        "NetworkPolicies allow Prometheus -> gateway:8080/TCP, which the platform does not use"),
                problems.toString());
        assertTrue(
                problems.contains(
                        "NetworkPolicies allow Prometheus -> web-console:8085/TCP, which the platform does not use"),
                problems.toString());
        assertEquals(Platform.SERVICES.size(), problems.size(), problems.toString());
    }

    @Test
    void schemaViolationsFailForEveryKindOfModel() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("infra/postgres.yaml"),
                s -> s.replace("primaryUpdateStrategy: unsupervised", "primaryUpdateStrategy: sometimes")
                        .replaceFirst("instances: 3", "instance: 3"));
        edit(k8s.resolve("infra/keycloak.yaml"), s -> s.replace("httpEnabled: true", "httpEnabled: yes-please"));
        edit(k8s.resolve("infra/kafka.yaml"), s -> s.replaceFirst("type: internal", "type: intern"));
        edit(k8s.resolve("base/ingress.yaml"), s -> s.replace("pathType: Prefix", "pathTyp: Prefix"));
        List<String> problems = SchemaCheck.problems(renderProd(k8s));
        assertTrue(
                problems.stream()
                        .anyMatch(p -> (p.startsWith("Cluster/") && p.contains("sometimes"))
                                || (p.startsWith("Cluster/") && p.contains("primaryUpdateStrategy"))),
                problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("Cluster/") && p.contains("instance")),
                problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("Keycloak/") && p.contains("httpEnabled")),
                problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("Kafka/") && p.contains("intern")), problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("Ingress/") && p.contains("pathTyp")),
                problems.toString());
    }

    @Test
    void anIngressPathToTheManagementPortOrACatchAllFails() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("base/ingress.yaml"),
                s -> s.replaceFirst(
                        "path: /api\n            pathType: Prefix\n            backend:\n"
                                + "              service:\n                name: gateway\n                port:\n                  name: http",
                        "path: /\n            pathType: Prefix\n            backend:\n"
                                + "              service:\n                name: gateway\n                port:\n                  name: management"));
        List<String> problems = ProductionChecks.managementProblems(renderProd(k8s));
        assertEquals(
                List.of(
                        "Ingress/rural-credit/rural-credit ruralcredit.example.org/: a catch-all path routes everything, /q/* and /admin included",
                        "Ingress/rural-credit/rural-credit ruralcredit.example.org/: routes to the management port"),
                problems);
        edit(
                k8s.resolve("base/services/sme-archive.yml"),
                s -> s.replace(
                        "path: /q/health/ready\n              port: 9000",
                        "path: /q/health/ready\n              port: 8084"));
        assertTrue(ProductionChecks.managementProblems(renderProd(k8s))
                .contains("Deployment/rural-credit/sme-archive: readinessProbe on port 8084, not the management port"));
    }

    @Test
    void replicasOnAnAutoscaledDeploymentFail() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("overlays/prod/services/gateway.yaml"),
                s -> s.replace("spec:\n  template:", "spec:\n  replicas: 3\n  template:"));
        assertEquals(
                List.of(
                        "Deployment/rural-credit/gateway: sets replicas although HorizontalPodAutoscaler/rural-credit/gateway scales it"),
                ProductionChecks.autoscalingProblems(renderProd(k8s)));
    }

    @Test
    void aClusterWithoutBackupsOrMonitorsFails() throws IOException {
        Path k8s = k8s();
        edit(k8s.resolve("infra/kustomization.yaml"), s -> s.replace("  - postgres-backup.yaml\n", ""));
        edit(
                k8s.resolve("monitoring/pod-monitors.yaml"),
                s -> s.replace(
                        "    - port: management\n      path: /q/metrics\n      interval: 30s\n" + "---\n# brokers",
                        "    - port: http\n      path: /q/metrics\n      interval: 30s\n---\n# brokers"));
        edit(
                k8s.resolve("monitoring/alerts.yaml"),
                s -> s.replace("ruralcredit_chain_verification_failures_total", "chain_failures"));
        assertEquals(
                List.of(
                        "Cluster/rural-credit/ruralcredit-db: no ScheduledBackup",
                        "Deployment/rural-credit/web-console: no PodMonitor scrapes /q/metrics on port management",
                        "no PrometheusRule alert uses ruralcredit_chain_verification_failures_total"),
                ProductionChecks.backupAndMonitoringProblems(renderProd(k8s), Platform.ALERT_METRICS));
    }

    @Test
    void aclsThatDisagreeWithTheCatalogueFail() throws IOException {
        Path k8s = k8s();
        // morality-score may also write the household stream, and loses its read of it
        edit(k8s.resolve("infra/kafka-users.yaml"), s -> {
            int user = s.indexOf("  name: morality-score\n");
            int end = s.indexOf("---", user);
            return s.substring(0, user)
                    + s.substring(user, end).replace("operations: [Read, Describe]", "operations: [Write, Describe]")
                    + s.substring(end);
        });
        List<String> problems = ProductionChecks.aclProblems(
                renderProd(k8s), Platform.producedTopics(), Platform.consumedTopics(), Platform.consumerGroups());
        assertEquals(
                List.of(
                        "KafkaUser/rural-credit/morality-score: ACL lets it write [registry.household.v1], which it does not use",
                        "KafkaUser/rural-credit/morality-score: no ACL for what the service reads: [registry.household.v1]",
                        "topic registry.household.v1 is writable by [farmer-registry, morality-score]: one producer per topic"),
                problems);
    }

    @Test
    void aChannelsOwnConsumerGroupWithoutAnAclFails() throws IOException {
        Path k8s = k8s();
        // the gateway keeps the group of its warnings (kafka.group.id) but loses the report read
        // model's, which only its channels name (mp.messaging.incoming.report-*.group.id)
        edit(k8s.resolve("infra/kafka-users.yaml"), s -> s.replace("""
                              - resource:
                                  type: group
                                  name: gateway-report-model
                                operations: [Read]
                        """, ""));
        assertEquals(
                List.of(
                        "KafkaUser/rural-credit/gateway: no ACL for what the service reads as consumer group: [gateway-report-model]"),
                ProductionChecks.aclProblems(
                        renderProd(k8s),
                        Platform.producedTopics(),
                        Platform.consumedTopics(),
                        Platform.consumerGroups()));
    }

    @Test
    void poolsBeyondWhatPostgresTakesFail() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("infra/postgres-pooler.yaml"),
                s -> s.replace("max_client_conn: \"1000\"", "max_client_conn: \"500\"")
                        .replace("default_pool_size: \"20\"", "default_pool_size: \"30\""));
        List<String> problems = ProductionChecks.poolArithmetic(renderProd(k8s)).problems();
        assertEquals(
                List.of(
                        "Pooler/rural-credit/ruralcredit-db-pooler-rw: the services may open 720 connections (HPA maximum x pool), "
                                + "more than max_client_conn 500 of one instance",
                        "PostgreSQL ruralcredit-db: 340 server connections (poolers, Keycloak, direct clients) + 13 reserved exceed max_connections 300"),
                problems);
    }

    @Test
    void unknownFieldsInTheNewResourcesFail() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("monitoring/pod-monitors.yaml"),
                s -> s.replaceFirst("podMetricsEndpoints:", "podMetricEndpoints:"));
        edit(k8s.resolve("monitoring/alerts.yaml"), s -> s.replaceFirst("for: 5m", "during: 5m"));
        edit(
                k8s.resolve("infra/postgres-pooler.yaml"),
                s -> s.replace("poolMode: transaction", "poolMode: statementwise"));
        edit(k8s.resolve("infra/postgres-backup.yaml"), s -> s.replace("immediate: true", "immediately: true"));
        edit(
                k8s.resolve("infra/kafka-users.yaml"),
                s -> s.replaceFirst("operations: \\[Write, Describe\\]", "operations: [Scribble]"));
        List<String> problems = SchemaCheck.problems(renderProd(k8s));
        for (String kind : List.of("PodMonitor/", "PrometheusRule/", "Pooler/", "ScheduledBackup/", "KafkaUser/")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(kind)), kind + " " + problems);
        }
    }

    @Test
    void ingressNginxsDefaultBodyLimitFails() throws IOException {
        Path k8s = k8s();
        edit(
                k8s.resolve("base/ingress.yaml"),
                s -> s.replace("    nginx.ingress.kubernetes.io/proxy-body-size: 32m\n", ""));
        assertEquals(
                List.of(
                        "Ingress/rural-credit/web-console: proxy-body-size 1m is below the 32 MiB that web-console accepts"),
                ProductionChecks.bodySizeProblems(renderProd(k8s), Platform.maxBodyMiB()));
    }

    @Test
    void anIngressThatAdmitsMoreThanItsBackendTakesFails() throws IOException {
        Path k8s = k8s();
        // the console's 32 MiB on the gateway's API, as when one Ingress served both
        edit(
                k8s.resolve("base/ingress.yaml"),
                s -> s.replace(
                        "nginx.ingress.kubernetes.io/proxy-body-size: 10m",
                        "nginx.ingress.kubernetes.io/proxy-body-size: 32m"));
        assertEquals(
                List.of(
                        "Ingress/rural-credit/rural-credit: proxy-body-size 32m is above the 10 MiB that gateway accepts"),
                ProductionChecks.bodySizeProblems(renderProd(k8s), Platform.maxBodyMiB()));
    }

    @Test
    void oneIngressForBackendsOfDifferentLimitsFails() throws IOException {
        Path k8s = k8s();
        // a console path in the gateway's Ingress (its 10m): nginx cannot give it the console's 32m there
        edit(
                k8s.resolve("base/ingress.yaml"),
                s -> s.replaceFirst(
                        "(?s)(  name: rural-credit\n.*?                  name: http\n)",
                        "$1"
                                + "          - path: /console\n            pathType: Prefix\n            backend:\n              service:\n"
                                + "                name: web-console\n                port:\n                  name: http\n"));
        assertEquals(
                List.of(
                        "Ingress/rural-credit/rural-credit: proxy-body-size 10m is below the 32 MiB that web-console accepts"),
                ProductionChecks.bodySizeProblems(renderProd(k8s), Platform.maxBodyMiB()));
    }
}
