package org.ruralcredit.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Every rendered resource must be of a known kind and parse against its schema: the fabric8
 * Kubernetes model for built-in kinds, Strimzi's API model for Kafka, and the CRD schemas kept in
 * {@code crds/} for CloudNativePG and Keycloak. The Java models accept unknown fields into
 * "additionalProperties"; any such field is reported, as {@code kubectl apply --validate=strict} would.
 */
public final class SchemaCheck {

    private static final ObjectMapper MODEL_MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** apiVersion + kind → Java model. */
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /** apiVersion + kind → CRD file under crds/ on the class path. */
    private static final Map<String, String> CRDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "crds/postgresql.cnpg.io_clusters.yaml",
            "postgresql.cnpg.io/v1/Database", "crds/postgresql.cnpg.io_databases.yaml",
            "postgresql.cnpg.io/v1/Pooler", "crds/postgresql.cnpg.io_poolers.yaml",
            "postgresql.cnpg.io/v1/ScheduledBackup", "crds/postgresql.cnpg.io_scheduledbackups.yaml",
            "monitoring.coreos.com/v1/PodMonitor", "crds/monitoring.coreos.com_podmonitors.yaml",
            "monitoring.coreos.com/v1/ServiceMonitor", "crds/monitoring.coreos.com_servicemonitors.yaml",
            "monitoring.coreos.com/v1/PrometheusRule", "crds/monitoring.coreos.com_prometheusrules.yaml",
            "k8s.keycloak.org/v2alpha1/Keycloak", "crds/k8s.keycloak.org_keycloaks.yaml",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "crds/k8s.keycloak.org_keycloakrealmimports.yaml");

    private SchemaCheck() {}

    public static List<String> problems(List<ObjectNode> resources) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode r : resources) {
            String type = r.path("apiVersion").asText() + "/" + r.path("kind").asText();
            String id = Kustomize.id(r);
            if (r.path("metadata").path("name").asText().isEmpty()) {
                problems.add(id + ": no metadata.name");
            }
            if (MODELS.containsKey(type)) {
                problems.addAll(modelProblems(r, MODELS.get(type), id));
            } else if (CRDS.containsKey(type)) {
                problems.addAll(crdProblems(r, CRDS.get(type), id));
            } else {
                problems.add(id + ": no schema known for " + type);
            }
        }
        return problems;
    }

    private static List<String> modelProblems(ObjectNode r, Class<?> model, String id) {
        Object typed;
        try {
            typed = MODEL_MAPPER.treeToValue(r, model);
        } catch (IOException | IllegalArgumentException e) {
            return List.of(id + ": does not parse as " + model.getSimpleName() + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        unknownFields(typed, id + ":", problems);
        lostText(r, MODEL_MAPPER.valueToTree(typed), id + ":", problems);
        return problems;
    }

    /**
     * A text the model could not hold (an unknown enum constant becomes null) is missing after a
     * round trip through the model; numbers and booleans may be dropped as defaults, texts never.
     */
    private static void lostText(JsonNode in, JsonNode out, String path, List<String> problems) {
        if (in.isTextual()) {
            if (out == null
                    || out.isMissingNode()
                    || out.isNull()
                    || !out.asText().equals(in.asText())) {
                problems.add(path + " value '" + in.asText() + "' is not valid here");
            }
        } else if (in.isObject()) {
            in.fields()
                    .forEachRemaining(f -> lostText(
                            f.getValue(), out == null ? null : out.get(f.getKey()), path + "." + f.getKey(), problems));
        } else if (in.isArray()) {
            for (int i = 0; i < in.size(); i++) {
                lostText(in.get(i), out == null ? null : out.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    /** Walks the typed object; whatever landed in an additionalProperties map is a field the schema does not have. */
    private static void unknownFields(Object o, String path, List<String> problems) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : o.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + " unknown field(s) " + extra.keySet());
                }
            } else if (!getter.getName().equals("getMetadata") || path.endsWith(":")) {
                String name = getter.getName().substring(3);
                unknownFields(value, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), problems);
            }
        }
    }

    private static List<String> crdProblems(ObjectNode r, String crdFile, String id) {
        JsonSchema schema = CrdSchemas.schema(crdFile, r.path("apiVersion").asText());
        ObjectNode copy = r.deepCopy();
        copy.remove("status");
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(copy)) {
            problems.add(id + ": " + m.getMessage());
        }
        return problems;
    }

    /** Loads CRD files and turns their structural OpenAPI schema into a strict JSON Schema (draft 4). */
    static final class CrdSchemas {

        private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
        private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

        static JsonSchema schema(String file, String apiVersion) {
            return CACHE.computeIfAbsent(file + " " + apiVersion, key -> {
                try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing " + file);
                    }
                    JsonNode crd = Kustomize.YAML.readTree(in);
                    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
                    for (JsonNode v : crd.path("spec").path("versions")) {
                        if (v.path("name").asText().equals(version)) {
                            JsonNode openApi =
                                    v.path("schema").path("openAPIV3Schema").deepCopy();
                            return FACTORY.getSchema(strict(openApi, true));
                        }
                    }
                    throw new IllegalStateException(file + " has no version " + version);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /**
         * An API server prunes fields a structural schema does not declare; refusing them here
         * instead makes a typo fail the build. {@code x-kubernetes-preserve-unknown-fields} keeps
         * an object open; {@code x-kubernetes-int-or-string} admits both.
         */
        private static JsonNode strict(JsonNode node, boolean root) {
            if (!(node instanceof ObjectNode s)) {
                return node;
            }
            s.remove("description");
            boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
                s.remove("type");
                var anyOf = s.putArray("anyOf");
                anyOf.addObject().put("type", "integer");
                anyOf.addObject().put("type", "string");
            }
            List<String> extensions = new ArrayList<>();
            s.fieldNames().forEachRemaining(f -> {
                if (f.startsWith("x-kubernetes-") || f.equals("nullable") || f.equals("format")) {
                    extensions.add(f);
                }
            });
            extensions.forEach(s::remove);
            if (s.has("properties")) {
                s.get("properties").fields().forEachRemaining(p -> strict(p.getValue(), false));
                if (!preserve && !s.has("additionalProperties")) {
                    s.put("additionalProperties", false);
                }
            }
            if (s.has("items")) {
                strict(s.get("items"), false);
            }
            if (s.get("additionalProperties") instanceof ObjectNode ap) {
                strict(ap, false);
            }
            if (root && s.path("properties").has("metadata")) {
                ((ObjectNode) s.get("properties")).putObject("metadata").put("type", "object");
            }
            return s;
        }
    }
}
