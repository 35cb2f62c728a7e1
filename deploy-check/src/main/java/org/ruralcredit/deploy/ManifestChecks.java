package org.ruralcredit.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules a rendered deployment must keep. Each method returns the problems it found (empty when
 * the rule holds), so a test can show that each rule catches its own kind of breakage.
 */
public final class ManifestChecks {

    /** SmallRye Health's endpoints: liveness without dependencies, readiness with database and Kafka. */
    private static final String LIVENESS = "/q/health/live";

    private static final String READINESS = "/q/health/ready";
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/([^?]+).*");

    private ManifestChecks() {}

    /** Every container of every Deployment: liveness and readiness probes on the health endpoints, CPU and memory requests, a memory limit, a pinned image (a digest, or a tag other than latest and *SNAPSHOT). */
    public static List<String> deploymentProblems(List<ObjectNode> resources) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode d : ofKind(resources, "Deployment")) {
            JsonNode podSpec = d.path("spec").path("template").path("spec");
            stream(podSpec.path("containers")).forEach(c -> {
                String where = Kustomize.id(d) + " container " + c.path("name").asText();
                probeProblem(c, "livenessProbe", LIVENESS).ifPresent(p -> problems.add(where + ": " + p));
                probeProblem(c, "readinessProbe", READINESS).ifPresent(p -> problems.add(where + ": " + p));
            });
            Stream.concat(stream(podSpec.path("containers")), stream(podSpec.path("initContainers")))
                    .forEach(c -> {
                        String where =
                                Kustomize.id(d) + " container " + c.path("name").asText();
                        JsonNode res = c.path("resources");
                        for (String need : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                            String[] p = need.split("\\.");
                            if (res.path(p[0]).path(p[1]).asText("").isBlank()) {
                                problems.add(where + ": no resources." + need);
                            }
                        }
                        imageProblem(c.path("image").asText("")).ifPresent(p -> problems.add(where + ": " + p));
                    });
        }
        return problems;
    }

    private static Optional<String> probeProblem(JsonNode container, String probe, String path) {
        if (!container.hasNonNull(probe)) {
            return Optional.of("no " + probe);
        }
        String actual = container.path(probe).path("httpGet").path("path").asText("");
        return actual.equals(path) ? Optional.empty() : Optional.of(probe + " on '" + actual + "' instead of " + path);
    }

    static Optional<String> imageProblem(String image) {
        if (image.isBlank()) {
            return Optional.of("no image");
        }
        if (image.contains("@sha256:")) {
            return Optional.empty();
        }
        int colon = image.lastIndexOf(':');
        if (colon < 0 || colon < image.lastIndexOf('/')) {
            return Optional.of("image " + image + " has no tag (means latest)");
        }
        String tag = image.substring(colon + 1);
        if (tag.equals("latest")) {
            return Optional.of("image " + image + " uses the tag latest");
        }
        if (tag.toUpperCase(Locale.ROOT).endsWith("SNAPSHOT")) {
            return Optional.of("image " + image + " uses a SNAPSHOT tag, which moves with every build");
        }
        return Optional.empty();
    }

    /**
     * Every reference to a Secret (env, envFrom, volumes, TLS, operator fields such as
     * passwordSecret or placeholders) names a secret and key of the documented list, every
     * documented secret is used, and no Secret itself (a value) is part of the manifests.
     */
    public static List<String> secretProblems(List<ObjectNode> resources, Set<SecretRef> documented) {
        List<String> problems = new ArrayList<>();
        Set<SecretRef> used = new LinkedHashSet<>();
        for (ObjectNode r : resources) {
            if (r.path("kind").asText().equals("Secret")) {
                problems.add(Kustomize.id(r)
                        + ": a Secret with values in the manifests; secrets are created at deploy time");
            }
            secretRefs(r, ref -> {
                used.add(ref);
                boolean known = ref.key() == null
                        ? documented.stream().anyMatch(d -> d.name().equals(ref.name()))
                        : documented.contains(ref);
                if (!known) {
                    problems.add(Kustomize.id(r) + ": refers to secret " + ref + ", not in k8s/secrets.tsv");
                }
            });
        }
        for (SecretRef d : documented) {
            if (used.stream()
                    .noneMatch(u -> u.name().equals(d.name())
                            && (u.key() == null || u.key().equals(d.key())))) {
                problems.add("k8s/secrets.tsv lists " + d + " but no manifest uses it");
            }
        }
        return problems;
    }

    /** Finds secret references by their shapes: {@code secretName: x}, or an object under a key containing "secret" with a name (and key). */
    static void secretRefs(JsonNode node, Consumer<SecretRef> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String key = f.getKey().toLowerCase(Locale.ROOT);
                JsonNode v = f.getValue();
                if (key.equals("secretname") && v.isTextual()) {
                    found.accept(new SecretRef(v.asText(), null));
                } else if (key.contains("secret")
                        && v.isObject()
                        && v.path("name").isTextual()) {
                    found.accept(new SecretRef(
                            v.get("name").asText(),
                            v.hasNonNull("key") ? v.get("key").asText() : null));
                } else if (key.endsWith("credentials") && v.isObject()) {
                    // object store credentials (CloudNativePG's s3Credentials: accessKeyId, secretAccessKey, ...)
                    v.fields().forEachRemaining(c -> {
                        if (c.getValue().path("name").isTextual()) {
                            found.accept(new SecretRef(
                                    c.getValue().get("name").asText(),
                                    c.getValue().hasNonNull("key")
                                            ? c.getValue().get("key").asText()
                                            : null));
                        } else {
                            secretRefs(c.getValue(), found);
                        }
                    });
                } else {
                    secretRefs(v, found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> secretRefs(n, found));
        }
    }

    /** Every topic exists as a KafkaTopic of an existing Kafka cluster, with no more replicas than that cluster has brokers. */
    public static List<String> topicProblems(List<ObjectNode> resources, Collection<String> topics) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> brokers = new HashMap<>();
        for (ObjectNode kafka : ofKind(resources, "Kafka")) {
            brokers.put(kafka.path("metadata").path("name").asText(), 0);
        }
        for (ObjectNode pool : ofKind(resources, "KafkaNodePool")) {
            if (stream(pool.path("spec").path("roles")).anyMatch(r -> r.asText().equals("broker"))) {
                brokers.merge(
                        pool.path("metadata")
                                .path("labels")
                                .path("strimzi.io/cluster")
                                .asText(),
                        pool.path("spec").path("replicas").asInt(),
                        Integer::sum);
            }
        }
        Map<String, ObjectNode> byTopic = new HashMap<>();
        for (ObjectNode t : ofKind(resources, "KafkaTopic")) {
            String name = t.path("spec")
                    .path("topicName")
                    .asText(t.path("metadata").path("name").asText());
            byTopic.put(name, t);
            String cluster =
                    t.path("metadata").path("labels").path("strimzi.io/cluster").asText();
            if (!brokers.containsKey(cluster)) {
                problems.add(Kustomize.id(t) + ": strimzi.io/cluster '" + cluster + "' is no Kafka of this deployment");
            } else if (t.path("spec").path("replicas").asInt() > brokers.get(cluster)) {
                problems.add(
                        Kustomize.id(t) + ": " + t.path("spec").path("replicas").asInt() + " replicas but only "
                                + brokers.get(cluster) + " brokers");
            }
        }
        for (String topic : new TreeSet<>(topics)) {
            if (!byTopic.containsKey(topic)) {
                problems.add("topic " + topic + " has no KafkaTopic");
            }
        }
        return problems;
    }

    /**
     * Every service has a Deployment whose database (from QUARKUS_DATASOURCE_JDBC_URL) is a
     * Database of the CNPG cluster behind the URL's host, owned by the service's user, a managed
     * login role whose password Secret is the one the service reads.
     */
    public static List<String> databaseProblems(
            List<ObjectNode> resources, Map<String, String> datasourceUserByService) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> service : datasourceUserByService.entrySet()) {
            ObjectNode deployment = ofKind(resources, "Deployment").stream()
                    .filter(d -> d.path("metadata").path("name").asText().equals(service.getKey()))
                    .findFirst()
                    .orElse(null);
            if (deployment == null) {
                problems.add("service " + service.getKey() + " has no Deployment");
                continue;
            }
            JsonNode container = deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .path(0);
            JsonNode url = env(container, "QUARKUS_DATASOURCE_JDBC_URL");
            JsonNode password = env(container, "QUARKUS_DATASOURCE_PASSWORD")
                    .path("valueFrom")
                    .path("secretKeyRef");
            Matcher m = JDBC_URL.matcher(url.path("value").asText(""));
            if (!m.matches()) {
                problems.add(
                        service.getKey() + ": no QUARKUS_DATASOURCE_JDBC_URL of the form jdbc:postgresql://host/db");
                continue;
            }
            String host = m.group(1);
            String dbName = m.group(2);
            String user = service.getValue();
            // the cluster's -rw service, or a Pooler (PgBouncer) of type rw in front of the cluster
            String viaPooler = ofKind(resources, "Pooler").stream()
                    .filter(p -> p.path("metadata").path("name").asText().equals(host)
                            && p.path("spec").path("type").asText("rw").equals("rw"))
                    .map(p -> p.path("spec").path("cluster").path("name").asText())
                    .findFirst()
                    .orElse(null);
            ObjectNode cluster = ofKind(resources, "Cluster").stream()
                    .filter(c -> host.equals(c.path("metadata").path("name").asText() + "-rw")
                            || c.path("metadata").path("name").asText().equals(viaPooler))
                    .findFirst()
                    .orElse(null);
            if (cluster == null) {
                problems.add(service.getKey() + ": database host " + host
                        + " is no CNPG cluster's -rw service nor an rw Pooler of one");
                continue;
            }
            String clusterName = cluster.path("metadata").path("name").asText();
            boolean databaseExists = ofKind(resources, "Database").stream()
                    .anyMatch(db -> db.path("spec")
                                    .path("cluster")
                                    .path("name")
                                    .asText()
                                    .equals(clusterName)
                            && db.path("spec").path("name").asText().equals(dbName)
                            && db.path("spec").path("owner").asText().equals(user)
                            && !db.path("spec").path("ensure").asText("present").equals("absent"));
            if (!databaseExists) {
                problems.add(service.getKey() + ": no Database '" + dbName + "' owned by '" + user + "' in cluster "
                        + clusterName);
            }
            JsonNode role = stream(cluster.path("spec").path("managed").path("roles"))
                    .filter(r -> r.path("name").asText().equals(user))
                    .findFirst()
                    .orElse(null);
            if (role == null
                    || !role.path("login").asBoolean(false)
                    || role.path("ensure").asText("present").equals("absent")) {
                problems.add(service.getKey() + ": no managed login role '" + user + "' in cluster " + clusterName);
            } else if (!role.path("passwordSecret")
                    .path("name")
                    .asText()
                    .equals(password.path("name").asText())) {
                problems.add(service.getKey() + ": reads its password from secret '"
                        + password.path("name").asText() + "' but role '" + user + "' takes it from '"
                        + role.path("passwordSecret").path("name").asText() + "'");
            }
        }
        return problems;
    }

    private static JsonNode env(JsonNode container, String name) {
        return stream(container.path("env"))
                .filter(e -> e.path("name").asText().equals(name))
                .findFirst()
                .orElse(MissingNode.getInstance());
    }

    public static List<ObjectNode> ofKind(List<ObjectNode> resources, String kind) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind))
                .toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    /** A secret and, where the reference names one, its key. */
    public record SecretRef(String name, String key) {
        @Override
        public String toString() {
            return key == null ? name : name + "/" + key;
        }
    }
}
