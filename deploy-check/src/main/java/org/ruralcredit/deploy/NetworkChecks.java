package org.ruralcredit.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Evaluates the rendered NetworkPolicies as Kubernetes does, for connections a caller names: a
 * connection is allowed when the source pod's egress and the destination pod's ingress both let
 * it through. A pod no policy of a direction selects is open in that direction; once one selects
 * it, only what some rule of those policies names gets through. Selectors with matchLabels and
 * matchExpressions, namespaces by their {@code kubernetes.io/metadata.name} label, ports by number
 * (with endPort) or by the destination container's port name, policyTypes with their defaults.
 * ipBlock peers match no pod (the platform uses none).
 */
public final class NetworkChecks {

    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private NetworkChecks() {}

    /** A pod: what it is, its namespace, its labels and its containers' named ports. */
    public record Pod(
            String description, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {

        public Pod(String description, String namespace, Map<String, String> labels) {
            this(description, namespace, labels, Map.of());
        }
    }

    /** A connection from one pod to a port of another. */
    public record Flow(Pod from, Pod to, int port, String protocol) {

        public Flow(Pod from, Pod to, int port) {
            this(from, to, port, "TCP");
        }

        @Override
        public String toString() {
            return from.description() + " -> " + to.description() + ":" + port + "/" + protocol;
        }
    }

    /** The pods of every Deployment, by Deployment name: pod template labels and named container ports. */
    public static Map<String, Pod> deploymentPods(List<ObjectNode> resources) {
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (ObjectNode d : ManifestChecks.ofKind(resources, "Deployment")) {
            String name = d.path("metadata").path("name").asText();
            JsonNode template = d.path("spec").path("template");
            Map<String, String> labels = new LinkedHashMap<>();
            template.path("metadata")
                    .path("labels")
                    .fields()
                    .forEachRemaining(l -> labels.put(l.getKey(), l.getValue().asText()));
            Map<String, Integer> ports = new LinkedHashMap<>();
            template.path("spec")
                    .path("containers")
                    .forEach(c -> c.path("ports").forEach(p -> {
                        if (p.hasNonNull("name")) {
                            ports.put(
                                    p.get("name").asText(),
                                    p.path("containerPort").asInt());
                        }
                    }));
            pods.put(name, new Pod(name, d.path("metadata").path("namespace").asText(), labels, ports));
        }
        return pods;
    }

    /** The flows the platform needs that the policies refuse, and the flows it does not use that they allow. */
    public static List<String> problems(List<ObjectNode> resources, Collection<Flow> needed, Collection<Flow> unused) {
        List<String> problems = new ArrayList<>();
        needed.stream()
                .filter(f -> !allows(resources, f))
                .forEach(f -> problems.add("NetworkPolicies refuse " + f + ", which the platform needs"));
        unused.stream()
                .filter(f -> allows(resources, f))
                .forEach(f -> problems.add("NetworkPolicies allow " + f + ", which the platform does not use"));
        return problems;
    }

    public static boolean allows(List<ObjectNode> resources, Flow flow) {
        return lets(resources, flow, true) && lets(resources, flow, false);
    }

    /** Whether the destination's ingress policies (or the source's egress policies) let the flow through. */
    private static boolean lets(List<ObjectNode> resources, Flow flow, boolean ingress) {
        Pod subject = ingress ? flow.to() : flow.from();
        Pod peer = ingress ? flow.from() : flow.to();
        String type = ingress ? "Ingress" : "Egress";
        List<ObjectNode> policies = ManifestChecks.ofKind(resources, "NetworkPolicy").stream()
                .filter(p -> p.path("metadata").path("namespace").asText().equals(subject.namespace()))
                .filter(p -> selects(p.path("spec").path("podSelector"), subject.labels()))
                .filter(p -> policyTypes(p).contains(type))
                .toList();
        if (policies.isEmpty()) {
            return true;
        }
        for (ObjectNode policy : policies) {
            String namespace = policy.path("metadata").path("namespace").asText();
            for (JsonNode rule : policy.path("spec").path(ingress ? "ingress" : "egress")) {
                JsonNode peers = rule.path(ingress ? "from" : "to");
                JsonNode ports = rule.path("ports");
                boolean peerMatches = peers.isEmpty() || anyMatch(peers, p -> peerMatches(p, namespace, peer));
                boolean portMatches = ports.isEmpty() || anyMatch(ports, p -> portMatches(p, flow));
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> policyTypes(JsonNode policy) {
        JsonNode spec = policy.path("spec");
        if (spec.has("policyTypes")) {
            Set<String> types = new HashSet<>();
            spec.get("policyTypes").forEach(t -> types.add(t.asText()));
            return types;
        }
        return spec.has("egress") ? Set.of("Ingress", "Egress") : Set.of("Ingress");
    }

    private static boolean peerMatches(JsonNode peer, String policyNamespace, Pod pod) {
        if (peer.has("ipBlock")) {
            return false;
        }
        boolean namespaceMatches = peer.has("namespaceSelector")
                ? selects(peer.get("namespaceSelector"), Map.of(NAMESPACE_NAME_LABEL, pod.namespace()))
                : pod.namespace().equals(policyNamespace);
        return namespaceMatches && (!peer.has("podSelector") || selects(peer.get("podSelector"), pod.labels()));
    }

    private static boolean portMatches(JsonNode port, Flow flow) {
        if (!port.path("protocol").asText("TCP").equals(flow.protocol())) {
            return false;
        }
        JsonNode p = port.path("port");
        if (p.isMissingNode() || p.isNull()) {
            return true;
        }
        if (p.isTextual() && !p.asText().chars().allMatch(Character::isDigit)) {
            Integer named = flow.to().namedPorts().get(p.asText());
            return named != null && named == flow.port();
        }
        int from = p.asInt();
        return flow.port() >= from && flow.port() <= port.path("endPort").asInt(from);
    }

    /** A label selector: every matchLabels pair and every matchExpressions term holds (an empty selector selects all). */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        var matchLabels = selector.path("matchLabels").fields();
        while (matchLabels.hasNext()) {
            var l = matchLabels.next();
            if (!l.getValue().asText().equals(labels.get(l.getKey()))) {
                return false;
            }
        }
        for (JsonNode e : selector.path("matchExpressions")) {
            String value = labels.get(e.path("key").asText());
            List<String> values = new ArrayList<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            boolean holds = switch (e.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default ->
                    throw new IllegalArgumentException(
                            "unknown selector operator " + e.path("operator").asText());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatch(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode n : array) {
            if (test.test(n)) {
                return true;
            }
        }
        return false;
    }
}
