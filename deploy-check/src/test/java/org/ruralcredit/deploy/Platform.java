package org.ruralcredit.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ruralcredit.deploy.ManifestChecks.SecretRef;
import org.ruralcredit.deploy.NetworkChecks.Flow;
import org.ruralcredit.deploy.NetworkChecks.Pod;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventType;

/** What the checks compare the manifests with: the repository's own sources. */
final class Platform {

    /**
     * Every process the base deploys: the five services, each with a database and Kafka, and the
     * web console, which keeps neither (it calls the services' public APIs over HTTP);
     * {@link #databaseServices()} and {@link #kafkaServices()} read which is which from their
     * configuration.
     */
    static final List<String> SERVICES =
            List.of("farmer-registry", "credit-rating", "morality-score", "sme-archive", "gateway", "web-console");
    /** The services the Ingress routes to: the lenders' and agencies' API, and the people's console. */
    static final List<String> PUBLIC_SERVICES = List.of("gateway", "web-console");

    static final List<String> OVERLAYS = List.of("dev", "prod");
    /** Kafka's TLS listener with SCRAM-SHA-512 (k8s/infra/kafka.yaml), the only one. */
    static final int KAFKA_TLS = 9093;

    private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z0-9-]+)(?::\\d+)?(?:/.*)?");

    private Platform() {}

    /** The services with a database of their own: a quarkus.datasource (outside any profile). */
    static List<String> databaseServices() {
        return SERVICES.stream()
                .filter(s ->
                        properties(s).stringPropertyNames().stream().anyMatch(k -> k.startsWith("quarkus.datasource.")))
                .toList();
    }

    /** The services that speak to Kafka: a SmallRye Kafka channel or Kafka client setting (outside any profile). */
    static List<String> kafkaServices() {
        return SERVICES.stream()
                .filter(s -> properties(s).stringPropertyNames().stream()
                        .anyMatch(k -> k.startsWith("mp.messaging.") || k.startsWith("kafka.")))
                .toList();
    }

    static Path root() {
        return Path.of(System.getProperty("deploy-check.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static Set<SecretRef> documentedSecrets(Path k8s) {
        try {
            return Files.readAllLines(k8s.resolve("secrets.tsv")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> new SecretRef(f[0], f[1]))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event type's topic, and every topic the services' configuration needs (dead-letter topics too). */
    static Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        EventCatalog.all().stream().map(EventType::topic).forEach(topics::add);
        SERVICES.forEach(service -> topics.addAll(configuredTopics(properties(service))));
        return topics;
    }

    /**
     * The topics one service's configuration needs as KafkaTopics: every channel's topic, except
     * the outbox channel's. That one is a placeholder (the relay names each record's topic), so
     * nothing needs it, unless the startup health check verifies it: with
     * {@code health-topic-verification-enabled} (or the deprecated
     * {@code health-readiness-topic-verification}) and without
     * {@code health-topic-verification-startup-disabled}, SmallRye's Kafka sink reports
     * /q/health/started DOWN until its configured topic exists, and the cluster does not create
     * topics on demand. The readiness check of a sink only asks for the cluster, never a topic.
     */
    static Set<String> configuredTopics(Properties p) {
        Set<String> topics = new TreeSet<>();
        p.stringPropertyNames().forEach(key -> {
            if (!key.startsWith("%") && key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                String channel = key.substring(0, key.length() - ".topic".length());
                if (!channel.equals("mp.messaging.outgoing.outbox") || startupVerifiesTopic(p, channel)) {
                    topics.add(p.getProperty(key));
                }
            }
        });
        return topics;
    }

    private static boolean startupVerifiesTopic(Properties p, String channel) {
        String verification = p.getProperty(
                channel + ".health-readiness-topic-verification",
                p.getProperty(channel + ".health-topic-verification-enabled", "false"));
        return Boolean.parseBoolean(verification.trim())
                && !Boolean.parseBoolean(p.getProperty(channel + ".health-topic-verification-startup-disabled", "false")
                        .trim());
    }

    /**
     * service → the services it calls over HTTP: the {@code http://<service>} addresses its
     * Deployment gets ({@code quarkus.kubernetes.env.vars.*}, e.g. the gateway's
     * {@code ruralcredit-services-registry-url=http://farmer-registry}, the web console's
     * {@code ruralcredit-console-gateway-url=http://gateway}).
     */
    static Map<String, Set<String>> serviceCalls() {
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Set<String> callees = new TreeSet<>();
            properties(service).forEach((k, v) -> {
                Matcher m = SERVICE_URL.matcher(v.toString().trim());
                if (k.toString().startsWith("quarkus.kubernetes.env.vars.")
                        && m.matches()
                        && SERVICES.contains(m.group(1))) {
                    callees.add(m.group(1));
                }
            });
            calls.put(service, callees);
        }
        return calls;
    }

    /** Connections the NetworkPolicies must let through, and ones they must refuse. */
    record Flows(List<Flow> needed, List<Flow> unused) {}

    /**
     * The connections of a rendered deployment: the services' pods from its Deployments, the
     * operators' pods by the labels the operators give them (CloudNativePG {@code cnpg.io/cluster},
     * Strimzi {@code strimzi.io/cluster} and {@code strimzi.io/kind}; the Keycloak Operator
     * {@code app: keycloak} on the server and {@code app: keycloak-realm-import} on the realm
     * import Job's pods, both {@code app.kubernetes.io/managed-by: keycloak-operator}).
     */
    static Flows flows(List<ObjectNode> resources) {
        String ns = "rural-credit";
        Map<String, Pod> services = NetworkChecks.deploymentPods(resources);
        Pod postgres = new Pod(
                "PostgreSQL",
                ns,
                Map.of(
                        "cnpg.io/cluster",
                        "ruralcredit-db",
                        "cnpg.io/instanceRole",
                        "primary",
                        "cnpg.io/podRole",
                        "instance"),
                Map.of("metrics", 9187));
        Pod pooler = new Pod(
                "PgBouncer",
                ns,
                Map.of(
                        "cnpg.io/cluster",
                        "ruralcredit-db",
                        "cnpg.io/poolerName",
                        "ruralcredit-db-pooler-rw",
                        "cnpg.io/podRole",
                        "pooler"),
                Map.of("metrics", 9127));
        Pod kafka = new Pod(
                "Kafka broker",
                ns,
                Map.of(
                        "strimzi.io/cluster",
                        "ruralcredit",
                        "strimzi.io/kind",
                        "Kafka",
                        "strimzi.io/pool-name",
                        "brokers"));
        Pod keycloak = new Pod(
                "Keycloak",
                ns,
                Map.of(
                        "app",
                        "keycloak",
                        "app.kubernetes.io/managed-by",
                        "keycloak-operator",
                        "app.kubernetes.io/instance",
                        "keycloak"),
                Map.of("http", 8080));
        Pod realmImport = new Pod(
                "Keycloak realm import job",
                ns,
                Map.of("app", "keycloak-realm-import", "app.kubernetes.io/managed-by", "keycloak-operator"));
        Pod ingress = new Pod("ingress controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Pod prometheus = new Pod("Prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Pod dns = new Pod("DNS", "kube-system", Map.of("k8s-app", "kube-dns"));
        Pod stranger = new Pod("a pod of another namespace", "default", Map.of("app", "other"));
        List<Flow> needed = new ArrayList<>(List.of(
                new Flow(ingress, keycloak, 8080),
                new Flow(keycloak, postgres, 5432),
                new Flow(realmImport, postgres, 5432),
                new Flow(pooler, postgres, 5432),
                new Flow(prometheus, postgres, 9187),
                new Flow(prometheus, pooler, 9127)));
        List<Flow> unused = new ArrayList<>();
        Map<String, Set<String>> calls = serviceCalls();
        List<String> withDatabase = databaseServices();
        List<String> withKafka = kafkaServices();
        for (Map.Entry<String, Pod> service : services.entrySet()) {
            Pod pod = service.getValue();
            // /q/metrics on the management port; the API port is not for monitoring
            int metrics = pod.namedPorts().getOrDefault(ProductionChecks.MANAGEMENT_PORT_NAME, http(pod));
            needed.addAll(List.of(
                    new Flow(pod, keycloak, 8080),
                    new Flow(pod, dns, 53, "UDP"),
                    new Flow(pod, dns, 53, "TCP"),
                    new Flow(prometheus, pod, metrics)));
            unused.addAll(List.of(
                    new Flow(prometheus, pod, http(pod)),
                    new Flow(stranger, pod, http(pod)),
                    new Flow(stranger, pod, metrics),
                    new Flow(ingress, pod, metrics),
                    new Flow(pod, postgres, 5432)));
            // a service without a database or Kafka (the web console) reaches neither
            (withDatabase.contains(service.getKey()) ? needed : unused).add(new Flow(pod, pooler, 5432));
            (withKafka.contains(service.getKey()) ? needed : unused).add(new Flow(pod, kafka, KAFKA_TLS));
            (PUBLIC_SERVICES.contains(service.getKey()) ? needed : unused).add(new Flow(ingress, pod, http(pod)));
            for (Map.Entry<String, Pod> other : services.entrySet()) {
                if (!other.getKey().equals(service.getKey())) {
                    Flow call = new Flow(pod, other.getValue(), http(other.getValue()));
                    (calls.get(service.getKey()).contains(other.getKey()) ? needed : unused).add(call);
                }
            }
        }
        return new Flows(needed, unused);
    }

    private static int http(Pod pod) {
        return pod.namedPorts().get("http");
    }

    /** service → its quarkus.datasource.username, the role that must own its database (the services with one). */
    static Map<String, String> datasourceUsers() {
        Map<String, String> users = new LinkedHashMap<>();
        databaseServices().forEach(s -> users.put(s, properties(s).getProperty("quarkus.datasource.username")));
        return users;
    }

    static Properties properties(String service) {
        Properties p = new Properties();
        try (Reader in =
                Files.newBufferedReader(root().resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The metrics the PrometheusRule must alert on (k8s/monitoring/alerts.yaml). */
    static final List<String> ALERT_METRICS = List.of(
            "ruralcredit_outbox_oldest_unpublished_seconds",
            "ruralcredit_dead_letters_total",
            "kafka_consumergroup_lag",
            "http_server_requests_seconds_count{status=~\"5..\"}",
            "http_server_requests_seconds_bucket",
            "cnpg_collector_last_failed_backup_timestamp",
            "ruralcredit_chain_verification_failures_total");

    private static final Pattern OUTBOX_RECORD =
            Pattern.compile("outbox\\.record(?:All)?\\(\\s*EventCatalog\\.([A-Z_]+)");

    /**
     * Kafka service → the topics it writes: the topic of every event type it records in its outbox
     * ({@code outbox.record(EventCatalog.X, ...)} in its sources, the catalogue naming the topic)
     * and the dead-letter topics its consumers use.
     */
    static Map<String, Set<String>> producedTopics() {
        Map<String, Set<String>> produced = new LinkedHashMap<>();
        for (String service : kafkaServices()) {
            Set<String> topics = new TreeSet<>();
            try (var files = Files.walk(root().resolve(service).resolve("src/main/java"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = OUTBOX_RECORD.matcher(Files.readString(f));
                    while (m.find()) {
                        topics.add(eventTopic(m.group(1)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties(service).forEach((k, v) -> {
                if (!k.toString().startsWith("%") && k.toString().endsWith(".dead-letter-queue.topic")) {
                    topics.add(v.toString().trim());
                }
            });
            produced.put(service, topics);
        }
        return produced;
    }

    private static String eventTopic(String constant) {
        try {
            return ((EventType<?>) EventCatalog.class.getField(constant).get(null)).topic();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("EventCatalog." + constant, e);
        }
    }

    /** Kafka service → the topics its incoming channels consume (not the test profile's). */
    static Map<String, Set<String>> consumedTopics() {
        Map<String, Set<String>> consumed = new LinkedHashMap<>();
        for (String service : kafkaServices()) {
            Set<String> topics = new TreeSet<>();
            properties(service).forEach((k, v) -> {
                String key = k.toString();
                if (key.startsWith("mp.messaging.incoming.")
                        && key.endsWith(".topic")
                        && !key.contains("dead-letter")) {
                    topics.add(v.toString().trim());
                }
            });
            consumed.put(service, topics);
        }
        return consumed;
    }

    /** Kafka service → the consumer groups of its incoming channels (the channel's group.id, else kafka.group.id). */
    static Map<String, Set<String>> consumerGroups() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (String service : kafkaServices()) {
            Properties p = properties(service);
            Set<String> names = new TreeSet<>();
            p.stringPropertyNames().forEach(key -> {
                if (key.startsWith("mp.messaging.incoming.")
                        && key.endsWith(".topic")
                        && !key.contains("dead-letter")) {
                    String channel = key.substring(0, key.length() - ".topic".length());
                    String group = p.getProperty(channel + ".group.id", p.getProperty("kafka.group.id"));
                    if (group != null) {
                        names.add(group.trim());
                    }
                }
            });
            groups.put(service, names);
        }
        return groups;
    }

    /** The graceful shutdown timeout of the services' prod profile, in seconds (quarkus.shutdown.timeout). */
    static int shutdownSeconds() {
        int max = 0;
        for (String service : SERVICES) {
            String value = properties(service)
                    .getProperty(
                            "%prod.quarkus.shutdown.timeout",
                            properties(service).getProperty("quarkus.shutdown.timeout", "0s"))
                    .trim()
                    .toLowerCase(Locale.ROOT);
            max = Math.max(max, (int)
                    Duration.parse("PT" + value.toUpperCase(Locale.ROOT)).toSeconds());
        }
        return max;
    }

    /** service → the largest request body it accepts (quarkus.http.limits.max-body-size), in MiB. */
    static Map<String, Integer> maxBodyMiB() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        SERVICES.forEach(s -> sizes.put(
                s, ProductionChecks.mebibytes(properties(s).getProperty("quarkus.http.limits.max-body-size", "10M"))));
        return sizes;
    }
}
