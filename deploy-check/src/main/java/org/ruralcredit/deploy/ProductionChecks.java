package org.ruralcredit.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rules of a production install beyond the basic ones of {@link ManifestChecks}: the management
 * interface kept off the Ingress, autoscaled Deployments without replicas, backups and monitors
 * for every cluster, Kafka secured with one user per service whose ACLs match what the service
 * produces and consumes, and the connection arithmetic of pools, pooler and PostgreSQL. Each
 * method returns the problems it found (empty when the rule holds).
 */
public final class ProductionChecks {

    /** Quarkus' management interface: /q/* on this port, named so in every service's pod. */
    public static final String MANAGEMENT_PORT_NAME = "management";

    public static final int MANAGEMENT_PORT = 9000;
    /** Quarkus' default JDBC pool size (Agroal), when a Deployment does not set one. */
    static final int DEFAULT_POOL = 20;
    /** Connections PostgreSQL keeps for superusers, and a margin for the operator's own (status, replication). */
    static final int RESERVED_CONNECTIONS = 3 + 10;

    private ProductionChecks() {}

    /**
     * The management port stays inside the cluster: every service container declares port
     * {@value #MANAGEMENT_PORT} named {@value #MANAGEMENT_PORT_NAME} and probes it, and the Ingress
     * routes named paths only (no catch-all "/" prefix, nothing under /q or /admin) to Service
     * ports whose target is not the management port (the generated Services leave it out; the
     * NetworkPolicies let only namespace monitoring reach it on the pods).
     */
    public static List<String> managementProblems(List<ObjectNode> resources) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode d : ManifestChecks.ofKind(resources, "Deployment")) {
            JsonNode c = d.path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .path(0);
            Map<String, Integer> ports = new LinkedHashMap<>();
            c.path("ports")
                    .forEach(p -> ports.put(
                            p.path("name").asText(), p.path("containerPort").asInt()));
            if (!Integer.valueOf(MANAGEMENT_PORT).equals(ports.get(MANAGEMENT_PORT_NAME))) {
                problems.add(Kustomize.id(d) + ": no container port " + MANAGEMENT_PORT_NAME + " = " + MANAGEMENT_PORT);
            }
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                JsonNode port = c.path(probe).path("httpGet").path("port");
                if (!port.asText().equals(MANAGEMENT_PORT_NAME) && port.asInt() != MANAGEMENT_PORT) {
                    problems.add(
                            Kustomize.id(d) + ": " + probe + " on port " + port.asText() + ", not the management port");
                }
            }
        }
        Map<String, ObjectNode> services = new LinkedHashMap<>();
        for (ObjectNode s : ManifestChecks.ofKind(resources, "Service")) {
            String name = s.path("metadata").path("name").asText();
            services.put(name, s);
        }
        for (ObjectNode ingress : ManifestChecks.ofKind(resources, "Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String where = Kustomize.id(ingress) + " "
                            + rule.path("host").asText() + path.path("path").asText();
                    String p = path.path("path").asText("/");
                    String type = path.path("pathType").asText();
                    if (p.equals("/") && !type.equals("Exact")) {
                        problems.add(where + ": a catch-all path routes everything, /q/* and /admin included");
                    }
                    if (p.equals("/q") || p.startsWith("/q/") || p.equals("/admin") || p.startsWith("/admin/")) {
                        problems.add(where + ": routes a management or admin path");
                    }
                    JsonNode backend = path.path("backend").path("service");
                    ObjectNode service = services.get(backend.path("name").asText());
                    JsonNode port = backend.path("port");
                    if (service == null) {
                        if (port.path("number").asInt() == MANAGEMENT_PORT) {
                            problems.add(where + ": routes to port " + MANAGEMENT_PORT + " of "
                                    + backend.path("name").asText());
                        }
                        continue;
                    }
                    // by the name or number alone: the generated Services leave the management port out,
                    // and a path to a port the Service does not list must not pass for that reason
                    boolean toManagement = port.path("name").asText().equals(MANAGEMENT_PORT_NAME)
                            || port.path("number").asInt() == MANAGEMENT_PORT;
                    for (JsonNode sp : service.path("spec").path("ports")) {
                        boolean selected = port.has("name")
                                ? sp.path("name")
                                        .asText()
                                        .equals(port.path("name").asText())
                                : sp.path("port").asInt() == port.path("number").asInt();
                        toManagement |= selected && isManagement(sp.path("targetPort"));
                    }
                    if (toManagement) {
                        problems.add(where + ": routes to the management port");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean isManagement(JsonNode targetPort) {
        if (targetPort.isTextual() && !targetPort.asText().matches("\\d+")) {
            return targetPort.asText().equals(MANAGEMENT_PORT_NAME);
        }
        return !targetPort.isMissingNode() && targetPort.asInt() == MANAGEMENT_PORT;
    }

    /** A Deployment an HPA scales must not set replicas: every apply would reset what the HPA chose. */
    public static List<String> autoscalingProblems(List<ObjectNode> resources) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode hpa : ManifestChecks.ofKind(resources, "HorizontalPodAutoscaler")) {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            ManifestChecks.ofKind(resources, target.path("kind").asText()).stream()
                    .filter(d -> d.path("metadata")
                            .path("name")
                            .asText()
                            .equals(target.path("name").asText()))
                    .filter(d -> d.path("spec").has("replicas"))
                    .forEach(d -> problems.add(
                            Kustomize.id(d) + ": sets replicas although " + Kustomize.id(hpa) + " scales it"));
        }
        return problems;
    }

    /**
     * Every CloudNativePG cluster backs up to an object store with WAL archiving and a retention
     * policy, has a ScheduledBackup and a PodMonitor; every Kafka cluster exports metrics (metricsConfig),
     * consumer lag (kafkaExporter) and has a PodMonitor; every service's pods have a PodMonitor or
     * ServiceMonitor scraping /q/metrics on the management port; a PrometheusRule alerts on each
     * of {@code alertMetrics}.
     */
    public static List<String> backupAndMonitoringProblems(List<ObjectNode> resources, List<String> alertMetrics) {
        List<String> problems = new ArrayList<>();
        List<ObjectNode> podMonitors = ManifestChecks.ofKind(resources, "PodMonitor");
        for (ObjectNode cluster : ManifestChecks.ofKind(resources, "Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            JsonNode backup = cluster.path("spec").path("backup");
            JsonNode store = backup.path("barmanObjectStore");
            if (store.path("destinationPath").asText().isBlank()) {
                problems.add(Kustomize.id(cluster)
                        + ": no backup.barmanObjectStore.destinationPath (base backups and WAL archiving)");
            }
            if (backup.path("retentionPolicy").asText().isBlank()) {
                problems.add(Kustomize.id(cluster) + ": no backup.retentionPolicy");
            }
            if (ManifestChecks.ofKind(resources, "ScheduledBackup").stream()
                    .noneMatch(b ->
                            b.path("spec").path("cluster").path("name").asText().equals(name))) {
                problems.add(Kustomize.id(cluster) + ": no ScheduledBackup");
            }
            if (podMonitors.stream()
                    .noneMatch(m -> selects(m, Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance")))) {
                problems.add(Kustomize.id(cluster) + ": no PodMonitor for its instances");
            }
        }
        for (ObjectNode kafka : ManifestChecks.ofKind(resources, "Kafka")) {
            String name = kafka.path("metadata").path("name").asText();
            if (!kafka.path("spec").path("kafka").has("metricsConfig")) {
                problems.add(Kustomize.id(kafka) + ": no spec.kafka.metricsConfig");
            }
            if (!kafka.path("spec").has("kafkaExporter")) {
                problems.add(Kustomize.id(kafka) + ": no spec.kafkaExporter (consumer lag)");
            }
            Map<String, String> broker =
                    Map.of("strimzi.io/cluster", name, "strimzi.io/kind", "Kafka", "strimzi.io/name", name + "-kafka");
            Map<String, String> exporter = Map.of(
                    "strimzi.io/cluster",
                    name,
                    "strimzi.io/kind",
                    "Kafka",
                    "strimzi.io/name",
                    name + "-kafka-exporter");
            if (podMonitors.stream().noneMatch(m -> selects(m, broker))) {
                problems.add(Kustomize.id(kafka) + ": no PodMonitor for its brokers");
            }
            if (podMonitors.stream().noneMatch(m -> selects(m, exporter))) {
                problems.add(Kustomize.id(kafka) + ": no PodMonitor for its Kafka exporter");
            }
        }
        for (ObjectNode d : ManifestChecks.ofKind(resources, "Deployment")) {
            Map<String, String> labels =
                    labels(d.path("spec").path("template").path("metadata").path("labels"));
            boolean scraped = podMonitors.stream()
                    .anyMatch(m -> selects(m, labels)
                            && stream(m.path("spec").path("podMetricsEndpoints"))
                                    .anyMatch(e -> e.path("port").asText().equals(MANAGEMENT_PORT_NAME)
                                            && e.path("path").asText().equals("/q/metrics")));
            if (!scraped) {
                problems.add(Kustomize.id(d) + ": no PodMonitor scrapes /q/metrics on port " + MANAGEMENT_PORT_NAME);
            }
        }
        StringBuilder rules = new StringBuilder();
        ManifestChecks.ofKind(resources, "PrometheusRule")
                .forEach(r -> r.path("spec")
                        .path("groups")
                        .forEach(g -> g.path("rules")
                                .forEach(rule ->
                                        rules.append(rule.path("expr").asText()).append('\n'))));
        for (String metric : alertMetrics) {
            if (!rules.toString().contains(metric)) {
                problems.add("no PrometheusRule alert uses " + metric);
            }
        }
        return problems;
    }

    /** Whether a monitor's selector (matchLabels and matchExpressions In/Exists) selects pods with these labels. */
    static boolean selects(JsonNode monitor, Map<String, String> labels) {
        JsonNode selector = monitor.path("spec").path("selector");
        for (Map.Entry<String, String> l : labels(selector.path("matchLabels")).entrySet()) {
            if (!l.getValue().equals(labels.get(l.getKey()))) {
                return false;
            }
        }
        for (JsonNode e : selector.path("matchExpressions")) {
            String value = labels.get(e.path("key").asText());
            Set<String> values = new TreeSet<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (e.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return !selector.path("matchLabels").isEmpty()
                || !selector.path("matchExpressions").isEmpty();
    }

    /**
     * Kafka is secured: every listener encrypts (tls) and authenticates, authorization is
     * simple (ACLs); versions are pinned (Kafka's spec.kafka.version, Keycloak's image).
     */
    public static List<String> securityProblems(List<ObjectNode> resources) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode kafka : ManifestChecks.ofKind(resources, "Kafka")) {
            JsonNode spec = kafka.path("spec").path("kafka");
            for (JsonNode l : spec.path("listeners")) {
                if (!l.path("tls").asBoolean(false)
                        || l.path("authentication").path("type").asText().isBlank()) {
                    problems.add(Kustomize.id(kafka) + ": listener "
                            + l.path("name").asText() + " without TLS and authentication");
                }
            }
            if (!spec.path("authorization").path("type").asText().equals("simple")) {
                problems.add(Kustomize.id(kafka) + ": authorization is not simple (ACLs)");
            }
            if (spec.path("version").asText().isBlank()) {
                problems.add(Kustomize.id(kafka)
                        + ": no spec.kafka.version: the operator's default would change with the operator");
            }
        }
        for (ObjectNode kc : ManifestChecks.ofKind(resources, "Keycloak")) {
            ManifestChecks.imageProblem(kc.path("spec").path("image").asText(""))
                    .ifPresent(p -> problems.add(Kustomize.id(kc) + ": " + p));
        }
        return problems;
    }

    /**
     * The ACLs of every service's KafkaUser agree with what the service does: a Write ACL on
     * exactly the topics it produces (and nobody else writes them), a Read ACL on exactly the
     * topics it consumes and on its consumer groups, literal names only, and each service reads
     * its credentials from its own user's Secret.
     */
    public static List<String> aclProblems(
            List<ObjectNode> resources,
            Map<String, Set<String>> produces,
            Map<String, Set<String>> consumes,
            Map<String, Set<String>> groups) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> writersByTopic = new TreeMap<>();
        for (String service : produces.keySet()) {
            ObjectNode user = ManifestChecks.ofKind(resources, "KafkaUser").stream()
                    .filter(u -> u.path("metadata").path("name").asText().equals(service))
                    .findFirst()
                    .orElse(null);
            if (user == null) {
                problems.add("service " + service + " has no KafkaUser");
                continue;
            }
            Set<String> write = new TreeSet<>();
            Set<String> read = new TreeSet<>();
            Set<String> groupRead = new TreeSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode res = acl.path("resource");
                String name = res.path("name").asText();
                if (!res.path("patternType").asText("literal").equals("literal") || name.contains("*")) {
                    problems.add(Kustomize.id(user) + ": ACL on "
                            + res.path("type").asText() + " '" + name + "' is not a literal name");
                }
                Set<String> ops = new TreeSet<>();
                acl.path("operations").forEach(o -> ops.add(o.asText()));
                if (ops.contains("All")) {
                    problems.add(Kustomize.id(user) + ": ACL with operation All on " + name);
                }
                switch (res.path("type").asText()) {
                    case "topic" -> {
                        if (ops.contains("Write") || ops.contains("All")) {
                            write.add(name);
                            writersByTopic
                                    .computeIfAbsent(name, t -> new TreeSet<>())
                                    .add(service);
                        }
                        if (ops.contains("Read") || ops.contains("All")) {
                            read.add(name);
                        }
                    }
                    case "group" -> groupRead.add(name);
                    default ->
                        problems.add(Kustomize.id(user) + ": ACL on a "
                                + res.path("type").asText() + ", which no service needs");
                }
            }
            compare(problems, Kustomize.id(user), "writes", write, produces.get(service));
            compare(problems, Kustomize.id(user), "reads", read, consumes.getOrDefault(service, Set.of()));
            compare(
                    problems,
                    Kustomize.id(user),
                    "reads as consumer group",
                    groupRead,
                    groups.getOrDefault(service, Set.of()));
            ManifestChecks.ofKind(resources, "Deployment").stream()
                    .filter(d -> d.path("metadata").path("name").asText().equals(service))
                    .findFirst()
                    .ifPresent(d -> {
                        JsonNode jaas = env(d, "KAFKA_SASL_JAAS_CONFIG")
                                .path("valueFrom")
                                .path("secretKeyRef");
                        if (!jaas.path("name").asText().equals(service)
                                || !jaas.path("key").asText().equals("sasl.jaas.config")) {
                            problems.add(Kustomize.id(d)
                                    + ": KAFKA_SASL_JAAS_CONFIG is not key sasl.jaas.config of its KafkaUser's Secret "
                                    + service);
                        }
                    });
        }
        writersByTopic.forEach((topic, writers) -> {
            if (writers.size() > 1) {
                problems.add("topic " + topic + " is writable by " + writers + ": one producer per topic");
            }
        });
        return problems;
    }

    private static void compare(List<String> problems, String user, String what, Set<String> acl, Set<String> needed) {
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(acl);
        Set<String> extra = new TreeSet<>(acl);
        extra.removeAll(needed);
        if (!missing.isEmpty()) {
            problems.add(user + ": no ACL for what the service " + what + ": " + missing);
        }
        if (!extra.isEmpty()) {
            problems.add(user + ": ACL lets it " + what.replace("reads", "read").replace("writes", "write") + " "
                    + extra + ", which it does not use");
        }
    }

    /** What the connection arithmetic found: each figure, for a report, and the problems. */
    public record PoolArithmetic(
            int clientConnections,
            int poolerClientLimit,
            int serverConnections,
            int maxConnections,
            List<String> problems) {}

    /**
     * The services' pools through the pooler, and the pooler and Keycloak into PostgreSQL:
     * sum(HPA maximum (or replicas) x JDBC pool) of the services behind a Pooler must fit into
     * one pooler instance's max_client_conn (the Service may send every client to one instance);
     * pooler instances x default_pool_size x the databases it serves, plus Keycloak's instances x
     * poolMaxSize, plus whatever connects to the cluster directly, plus reserved connections,
     * must fit into max_connections.
     */
    public static PoolArithmetic poolArithmetic(List<ObjectNode> resources) {
        List<String> problems = new ArrayList<>();
        ObjectNode cluster =
                ManifestChecks.ofKind(resources, "Cluster").stream().findFirst().orElse(null);
        if (cluster == null) {
            return new PoolArithmetic(0, 0, 0, 0, List.of("no PostgreSQL Cluster"));
        }
        String clusterName = cluster.path("metadata").path("name").asText();
        int maxConnections = cluster.path("spec")
                .path("postgresql")
                .path("parameters")
                .path("max_connections")
                .asInt(100);
        Map<String, ObjectNode> poolers = new LinkedHashMap<>();
        ManifestChecks.ofKind(resources, "Pooler")
                .forEach(p -> poolers.put(p.path("metadata").path("name").asText(), p));
        Map<String, Integer> clientsByPooler = new LinkedHashMap<>();
        Map<String, Set<String>> databasesByPooler = new LinkedHashMap<>();
        int direct = 0;
        for (ObjectNode d : ManifestChecks.ofKind(resources, "Deployment")) {
            JsonNode url = env(d, "QUARKUS_DATASOURCE_JDBC_URL").path("value");
            if (url.isMissingNode()) {
                continue;
            }
            String host = url.asText().replaceFirst("^jdbc:postgresql://([^:/]+).*$", "$1");
            String db = url.asText().replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
            int pool = env(d, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE").path("value").asInt(DEFAULT_POOL);
            int pods = maxPods(resources, d);
            String pooler = host.equals(clusterName + "-rw") ? null : host;
            if (pooler != null && poolers.containsKey(pooler)) {
                clientsByPooler.merge(pooler, pods * pool, Integer::sum);
                databasesByPooler.computeIfAbsent(pooler, p -> new TreeSet<>()).add(db);
            } else if (pooler == null) {
                direct += pods * pool;
            } else {
                problems.add(Kustomize.id(d) + ": database host " + host + " is neither a Pooler nor " + clusterName
                        + "-rw");
            }
        }
        int clients = 0;
        int limit = Integer.MAX_VALUE;
        int server = direct;
        for (Map.Entry<String, ObjectNode> p : poolers.entrySet()) {
            JsonNode spec = p.getValue().path("spec");
            if (!spec.path("cluster").path("name").asText().equals(clusterName)) {
                problems.add(Kustomize.id(p.getValue()) + ": pools for another cluster");
                continue;
            }
            JsonNode params = spec.path("pgbouncer").path("parameters");
            int maxClient = params.path("max_client_conn").asInt(100);
            int poolSize = params.path("default_pool_size").asInt(20);
            int instances = spec.path("instances").asInt(1);
            int c = clientsByPooler.getOrDefault(p.getKey(), 0);
            clients += c;
            limit = Math.min(limit, maxClient);
            if (c > maxClient) {
                problems.add(Kustomize.id(p.getValue()) + ": the services may open " + c
                        + " connections (HPA maximum x pool), more than max_client_conn " + maxClient
                        + " of one instance");
            }
            server += instances
                    * poolSize
                    * databasesByPooler.getOrDefault(p.getKey(), Set.of()).size();
        }
        for (ObjectNode kc : ManifestChecks.ofKind(resources, "Keycloak")) {
            server += kc.path("spec").path("instances").asInt(1)
                    * kc.path("spec").path("db").path("poolMaxSize").asInt(100);
        }
        if (server + RESERVED_CONNECTIONS > maxConnections) {
            problems.add("PostgreSQL " + clusterName + ": " + server
                    + " server connections (poolers, Keycloak, direct clients) + " + RESERVED_CONNECTIONS
                    + " reserved exceed max_connections " + maxConnections);
        }
        return new PoolArithmetic(clients, limit == Integer.MAX_VALUE ? 0 : limit, server, maxConnections, problems);
    }

    /** The most pods a Deployment can have: its HPA's maxReplicas, else its replicas (default 1). */
    static int maxPods(List<ObjectNode> resources, ObjectNode deployment) {
        Optional<ObjectNode> hpa = ManifestChecks.ofKind(resources, "HorizontalPodAutoscaler").stream()
                .filter(h -> h.path("spec")
                        .path("scaleTargetRef")
                        .path("name")
                        .asText()
                        .equals(deployment.path("metadata").path("name").asText()))
                .findFirst();
        return hpa.map(h -> h.path("spec").path("maxReplicas").asInt(1))
                .orElse(deployment.path("spec").path("replicas").asInt(1));
    }

    /**
     * Pod-level production settings: the namespace enforces Pod Security "restricted"; every
     * emptyDir has a sizeLimit; the grace period covers the preStop pause plus Quarkus' shutdown
     * timeout ({@code shutdownSeconds}).
     */
    public static List<String> podProblems(List<ObjectNode> resources, int shutdownSeconds) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode ns : ManifestChecks.ofKind(resources, "Namespace")) {
            if (!ns.path("metadata")
                    .path("labels")
                    .path("pod-security.kubernetes.io/enforce")
                    .asText()
                    .equals("restricted")) {
                problems.add(Kustomize.id(ns) + ": Pod Security Admission does not enforce restricted");
            }
        }
        for (ObjectNode d : ManifestChecks.ofKind(resources, "Deployment")) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            pod.path("volumes").forEach(v -> {
                if (v.has("emptyDir")
                        && v.path("emptyDir").path("sizeLimit").asText().isBlank()) {
                    problems.add(
                            Kustomize.id(d) + ": emptyDir " + v.path("name").asText() + " has no sizeLimit");
                }
            });
            int preStop = pod.path("containers")
                    .path(0)
                    .path("lifecycle")
                    .path("preStop")
                    .path("sleep")
                    .path("seconds")
                    .asInt(0);
            int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
            if (grace < preStop + shutdownSeconds) {
                problems.add(Kustomize.id(d) + ": terminationGracePeriodSeconds " + grace + " < preStop " + preStop
                        + " s + shutdown " + shutdownSeconds + " s");
            }
            if (preStop == 0) {
                problems.add(
                        Kustomize.id(d) + ": no preStop pause (endpoints are removed while requests still arrive)");
            }
        }
        return problems;
    }

    /**
     * Every Ingress path to a service admits exactly the bodies that service accepts
     * ({@code maxBodyMiB}: service → its quarkus.http.limits.max-body-size in MiB). ingress-nginx
     * takes the limit from its Ingress's {@code nginx.ingress.kubernetes.io/proxy-body-size} (1 MiB
     * without it) for each path of that Ingress, so services with different limits need Ingresses
     * of their own. Below the service's limit the controller refuses uploads the service takes;
     * above it (or 0, unlimited) the controller accepts and forwards bodies the service refuses
     * anyway, which only spends the controller's buffers and the network on them.
     */
    public static List<String> bodySizeProblems(List<ObjectNode> resources, Map<String, Integer> maxBodyMiB) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode ingress : ManifestChecks.ofKind(resources, "Ingress")) {
            String annotation = ingress.path("metadata")
                    .path("annotations")
                    .path("nginx.ingress.kubernetes.io/proxy-body-size")
                    .asText("1m");
            int allowed = mebibytes(annotation);
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String service =
                            path.path("backend").path("service").path("name").asText();
                    Integer accepted = maxBodyMiB.get(service);
                    if (accepted != null && allowed < accepted) {
                        problems.add(Kustomize.id(ingress) + ": proxy-body-size " + annotation + " is below the "
                                + accepted + " MiB that " + service + " accepts");
                    } else if (accepted != null && allowed > accepted) {
                        problems.add(Kustomize.id(ingress) + ": proxy-body-size " + annotation + " is above the "
                                + accepted + " MiB that " + service + " accepts");
                    }
                }
            }
        }
        return problems.stream().distinct().toList();
    }

    /** nginx sizes (1m, 32M, 512k, 0 = unlimited) and Quarkus' (32M, 1G) in MiB. */
    static int mebibytes(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        if (s.equals("0")) {
            return Integer.MAX_VALUE;
        }
        long n = Long.parseLong(s.replaceAll("[^0-9]", ""));
        return (int)
                (s.endsWith("g")
                        ? n * 1024
                        : s.endsWith("k") ? Math.max(1, n / 1024) : s.endsWith("m") ? n : Math.max(1, n >> 20));
    }

    static JsonNode env(JsonNode deployment, String name) {
        for (JsonNode e : deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .path(0)
                .path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        return MissingNode.getInstance();
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        return labels;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }
}
