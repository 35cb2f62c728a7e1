package org.ruralcredit.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ruralcredit.deploy.ManifestChecks.SecretRef;
import org.ruralcredit.deploy.NetworkChecks.Flow;
import org.ruralcredit.deploy.NetworkChecks.Pod;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the checks compare the manifests with: the repository's own sources. */
final class Platform {

    static final List<String> SERVICES = List.of("farmer-registry", "credit-rating", "morality-score", "sme-archive", "gateway");
    static final List<String> OVERLAYS = List.of("dev", "prod");
    private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z0-9-]+)(?::\\d+)?(?:/.*)?");

    private Platform() {
    }

    static Path root() {
        return Path.of(System.getProperty("deploy-check.root", "..")).toAbsolutePath().normalize();
    }

    static Set<SecretRef> documentedSecrets(Path k8s) {
        try {
            return Files.readAllLines(k8s.resolve("secrets.tsv")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> new SecretRef(f[0], f[1]))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
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
        String verification = p.getProperty(channel + ".health-readiness-topic-verification",
                p.getProperty(channel + ".health-topic-verification-enabled", "false"));
        return Boolean.parseBoolean(verification.trim())
                && !Boolean.parseBoolean(p.getProperty(channel + ".health-topic-verification-startup-disabled", "false").trim());
    }

    /**
     * service → the services it calls over HTTP: the {@code http://<service>} addresses its
     * Deployment gets ({@code quarkus.kubernetes.env.vars.*}, e.g. the gateway's
     * {@code ruralcredit-services-registry-url=http://farmer-registry}).
     */
    static Map<String, Set<String>> serviceCalls() {
        Map<String, Set<String>> calls = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Set<String> callees = new TreeSet<>();
            properties(service).forEach((k, v) -> {
                Matcher m = SERVICE_URL.matcher(v.toString().trim());
                if (k.toString().startsWith("quarkus.kubernetes.env.vars.") && m.matches() && SERVICES.contains(m.group(1))) {
                    callees.add(m.group(1));
                }
            });
            calls.put(service, callees);
        }
        return calls;
    }

    /** Connections the NetworkPolicies must let through, and ones they must refuse. */
    record Flows(List<Flow> needed, List<Flow> unused) {
    }

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
        Pod postgres = new Pod("PostgreSQL", ns, Map.of("cnpg.io/cluster", "ruralcredit-db", "cnpg.io/instanceRole", "primary"));
        Pod kafka = new Pod("Kafka broker", ns, Map.of("strimzi.io/cluster", "ruralcredit", "strimzi.io/kind", "Kafka",
                "strimzi.io/pool-name", "brokers"));
        Pod keycloak = new Pod("Keycloak", ns, Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                "app.kubernetes.io/instance", "keycloak"), Map.of("http", 8080));
        Pod realmImport = new Pod("Keycloak realm import job", ns, Map.of("app", "keycloak-realm-import",
                "app.kubernetes.io/managed-by", "keycloak-operator"));
        Pod ingress = new Pod("ingress controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Pod prometheus = new Pod("Prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Pod dns = new Pod("DNS", "kube-system", Map.of("k8s-app", "kube-dns"));
        Pod stranger = new Pod("a pod of another namespace", "default", Map.of("app", "other"));
        List<Flow> needed = new ArrayList<>(List.of(new Flow(ingress, services.get("gateway"), http(services.get("gateway"))),
                new Flow(ingress, keycloak, 8080), new Flow(keycloak, postgres, 5432), new Flow(realmImport, postgres, 5432)));
        List<Flow> unused = new ArrayList<>();
        Map<String, Set<String>> calls = serviceCalls();
        for (Map.Entry<String, Pod> service : services.entrySet()) {
            Pod pod = service.getValue();
            int metrics = Integer.parseInt(deployment(resources, service.getKey()).path("spec").path("template").path("metadata")
                    .path("annotations").path("prometheus.io/port").asText(String.valueOf(http(pod))));
            needed.addAll(List.of(new Flow(pod, postgres, 5432), new Flow(pod, kafka, 9092), new Flow(pod, keycloak, 8080),
                    new Flow(pod, dns, 53, "UDP"), new Flow(pod, dns, 53, "TCP"), new Flow(prometheus, pod, metrics)));
            unused.addAll(List.of(new Flow(prometheus, pod, metrics + 1), new Flow(stranger, pod, http(pod))));
            if (!service.getKey().equals("gateway")) {
                unused.add(new Flow(ingress, pod, http(pod)));
            }
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

    private static JsonNode deployment(List<ObjectNode> resources, String name) {
        return ManifestChecks.ofKind(resources, "Deployment").stream()
                .filter(d -> d.path("metadata").path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    /** service → its quarkus.datasource.username, the role that must own its database. */
    static Map<String, String> datasourceUsers() {
        Map<String, String> users = new LinkedHashMap<>();
        SERVICES.forEach(s -> users.put(s, properties(s).getProperty("quarkus.datasource.username")));
        return users;
    }

    static Properties properties(String service) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(root().resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
