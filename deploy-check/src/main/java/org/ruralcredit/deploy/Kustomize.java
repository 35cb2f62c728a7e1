package org.ruralcredit.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.zjsonpatch.JsonPatch;

/**
 * Renders a kustomize directory as {@code kubectl kustomize} does, for the part of kustomize this
 * repository uses, so CI needs no binary: {@code resources} (files and directories with their own
 * kustomization), {@code namespace}, {@code patches} (RFC 6902 or strategic merge, with or without
 * a target) and {@code images}, applied in kustomize's order. Any other kustomization field is
 * refused rather than silently ignored. {@code KubectlParityTest} compares the result with the
 * real kustomize wherever {@code kubectl} is installed.
 */
public final class Kustomize {

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private static final Set<String> SUPPORTED =
            Set.of("apiVersion", "kind", "resources", "namespace", "patches", "images");
    /** Kinds that live outside namespaces (the ones kustomize's namespace transformer skips). */
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace",
            "CustomResourceDefinition",
            "ClusterRole",
            "ClusterRoleBinding",
            "PersistentVolume",
            "StorageClass",
            "PriorityClass",
            "IngressClass",
            "ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration");
    /** Merge keys of the built-in list fields that strategic merge patches merge instead of replace. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers",
            "name",
            "initContainers",
            "name",
            "env",
            "name",
            "volumes",
            "name",
            "volumeMounts",
            "mountPath",
            "imagePullSecrets",
            "name");

    private Kustomize() {}

    /** The resources of the kustomization in {@code dir}, fully transformed. */
    public static List<ObjectNode> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        JsonNode k = readOne(file);
        k.fieldNames().forEachRemaining(f -> {
            if (!SUPPORTED.contains(f)) {
                throw new IllegalArgumentException(file + ": kustomization field '" + f
                        + "' is not supported by this renderer (supported: " + SUPPORTED + ")");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            Path p = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(p)) {
                resources.addAll(render(p));
            } else {
                resources.addAll(readAll(p));
            }
        }
        requireUniqueIds(resources, dir);
        for (JsonNode patch : k.path("patches")) {
            applyPatch(resources, patch, dir);
        }
        if (k.hasNonNull("namespace")) {
            String ns = k.get("namespace").asText();
            for (ObjectNode r : resources) {
                if (!CLUSTER_SCOPED.contains(r.path("kind").asText())) {
                    metadata(r).put("namespace", ns);
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            resources.forEach(r -> setImages(r, image));
        }
        return resources;
    }

    /** All documents of a YAML file, empty ones skipped. */
    public static List<ObjectNode> readAll(Path file) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<ObjectNode> docs = new ArrayList<>();
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc instanceof ObjectNode o && !o.isEmpty()) {
                    docs.add(o);
                } else if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    throw new IllegalArgumentException(file + ": a document is not a mapping");
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static String toYaml(List<ObjectNode> resources) {
        StringBuilder out = new StringBuilder();
        for (ObjectNode r : resources) {
            if (!out.isEmpty()) {
                out.append("---\n");
            }
            try {
                out.append(YAML.writeValueAsString(r));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    /** kind/namespace/name, the identity kustomize uses. */
    public static String id(JsonNode r) {
        String ns = r.path("metadata").path("namespace").asText("");
        return r.path("kind").asText() + "/" + (ns.isEmpty() ? "" : ns + "/")
                + r.path("metadata").path("name").asText();
    }

    private static JsonNode readOne(Path file) {
        List<ObjectNode> docs = readAll(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one document, found " + docs.size());
        }
        return docs.get(0);
    }

    private static void requireUniqueIds(List<ObjectNode> resources, Path dir) {
        Set<String> seen = new LinkedHashSet<>();
        for (ObjectNode r : resources) {
            String id = r.path("apiVersion").asText() + " " + id(r);
            if (!seen.add(id)) {
                throw new IllegalArgumentException(dir + ": resource " + id + " appears twice");
            }
        }
    }

    private static ObjectNode metadata(ObjectNode r) {
        return r.has("metadata") ? (ObjectNode) r.get("metadata") : r.putObject("metadata");
    }

    private static void applyPatch(List<ObjectNode> resources, JsonNode spec, Path dir) {
        JsonNode patch;
        if (spec.hasNonNull("path")) {
            Path p = dir.resolve(spec.get("path").asText());
            patch = p.toString().endsWith(".json") ? readJson(p) : readYamlAnyShape(p);
        } else if (spec.hasNonNull("patch")) {
            patch = parseYaml(spec.get("patch").asText(), dir + " inline patch");
        } else {
            throw new IllegalArgumentException(dir + ": a patch needs 'path' or 'patch'");
        }
        JsonNode target = spec.path("target");
        if (patch.isArray()) {
            if (target.isMissingNode()) {
                throw new IllegalArgumentException(dir + ": an RFC 6902 patch needs a target");
            }
            int matched = 0;
            for (int i = 0; i < resources.size(); i++) {
                if (matches(resources.get(i), target)) {
                    resources.set(i, (ObjectNode) JsonPatch.apply(patch, resources.get(i)));
                    matched++;
                }
            }
            requireMatch(matched, spec, dir);
        } else {
            ObjectNode smp = (ObjectNode) patch;
            if (smp.path("kind").asText().isEmpty()
                    || smp.path("apiVersion").asText().isEmpty()
                    || smp.path("metadata").path("name").asText().isEmpty()) {
                // kustomize refuses these too ("unable to parse SM or JSON patch")
                throw new IllegalArgumentException(
                        dir + ": a strategic merge patch needs apiVersion, kind and metadata.name");
            }
            JsonNode effectiveTarget = target.isMissingNode() ? targetOf(smp) : target;
            int matched = 0;
            for (ObjectNode r : resources) {
                if (matches(r, effectiveTarget)) {
                    ObjectNode p = smp.deepCopy();
                    if (!target.isMissingNode()) {
                        // with an explicit target, the patch's own identity is not applied
                        p.remove("kind");
                        p.remove("apiVersion");
                        if (p.path("metadata") instanceof ObjectNode m) {
                            m.remove("name");
                            m.remove("namespace");
                        }
                    }
                    strategicMerge(r, p, builtIn(r));
                    matched++;
                }
            }
            requireMatch(matched, spec, dir);
        }
    }

    private static void requireMatch(int matched, JsonNode spec, Path dir) {
        if (matched == 0) {
            throw new IllegalArgumentException(dir + ": patch " + spec + " matches no resource");
        }
    }

    private static ObjectNode targetOf(ObjectNode smp) {
        ObjectNode t = YAML.createObjectNode();
        t.put("kind", smp.path("kind").asText());
        t.put("name", smp.path("metadata").path("name").asText());
        return t;
    }

    private static boolean matches(JsonNode r, JsonNode target) {
        String apiVersion = r.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        if (target.has("group") && !target.get("group").asText().equals(group)) {
            return false;
        }
        if (target.has("version") && !target.get("version").asText().equals(version)) {
            return false;
        }
        if (target.has("kind")
                && !target.get("kind").asText().equals(r.path("kind").asText())) {
            return false;
        }
        if (target.has("name")
                && !Pattern.matches(
                        target.get("name").asText(),
                        r.path("metadata").path("name").asText())) {
            return false;
        }
        if (target.has("labelSelector")) {
            for (String term : target.get("labelSelector").asText().split(",")) {
                String[] kv = term.trim().split("=", 2);
                if (!r.path("metadata")
                        .path("labels")
                        .path(kv[0])
                        .asText("\u0000")
                        .equals(kv.length > 1 ? kv[1] : "\u0000")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Built-in API groups have merge keys for their lists; custom resources are merged as JSON merge patches. */
    private static boolean builtIn(JsonNode r) {
        String apiVersion = r.path("apiVersion").asText();
        if (!apiVersion.contains("/")) {
            return true;
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return !group.contains(".") || (group.endsWith(".k8s.io") && !group.startsWith("apiextensions"));
    }

    /** Strategic merge: maps merge, null deletes, lists with a known merge key merge by it, other lists are replaced. */
    static void strategicMerge(ObjectNode base, ObjectNode patch, boolean builtIn) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = f.getKey();
            JsonNode value = f.getValue();
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + name + " is not supported by this renderer");
            }
            JsonNode current = base.get(name);
            if (value.isNull()) {
                base.remove(name);
            } else if (value.isObject() && current instanceof ObjectNode currentObject) {
                strategicMerge(currentObject, (ObjectNode) value, builtIn);
            } else if (value.isArray()
                    && current instanceof ArrayNode currentArray
                    && builtIn
                    && MERGE_KEYS.containsKey(name)) {
                mergeList(currentArray, (ArrayNode) value, MERGE_KEYS.get(name), builtIn);
            } else {
                base.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode base, ArrayNode patch, String key, boolean builtIn) {
        for (JsonNode item : patch) {
            ObjectNode existing = null;
            for (JsonNode b : base) {
                if (b.path(key).equals(item.path(key))) {
                    existing = (ObjectNode) b;
                }
            }
            if (existing != null) {
                strategicMerge(existing, (ObjectNode) item, builtIn);
            } else {
                base.add(item.deepCopy());
            }
        }
    }

    /** kustomize's images transformer: every container image whose name matches gets the new name, tag or digest. */
    private static void setImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if ((f.getKey().equals("containers") || f.getKey().equals("initContainers"))
                        && f.getValue().isArray()) {
                    for (JsonNode c : f.getValue()) {
                        if (c.hasNonNull("image")) {
                            ((ObjectNode) c).put("image", retag(c.get("image").asText(), image));
                        }
                    }
                }
                setImages(f.getValue(), image);
            });
        } else if (node.isArray()) {
            node.forEach(n -> setImages(n, image));
        }
    }

    static String retag(String ref, JsonNode image) {
        String name = ref;
        String suffix = "";
        int at = ref.indexOf('@');
        int colon = ref.lastIndexOf(':');
        if (at >= 0) {
            name = ref.substring(0, at);
            suffix = ref.substring(at);
        } else if (colon > ref.lastIndexOf('/')) {
            name = ref.substring(0, colon);
            suffix = ref.substring(colon);
        }
        if (!name.equals(image.path("name").asText())) {
            return ref;
        }
        String newName = image.hasNonNull("newName") ? image.get("newName").asText() : name;
        if (image.hasNonNull("digest")) {
            suffix = "@" + image.get("digest").asText();
        } else if (image.hasNonNull("newTag")) {
            suffix = ":" + image.get("newTag").asText();
        }
        return newName + suffix;
    }

    private static JsonNode readJson(Path p) {
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private static JsonNode readYamlAnyShape(Path p) {
        try {
            return parseYaml(Files.readString(p), p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private static JsonNode parseYaml(String text, String what) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + ": not YAML: " + e.getOriginalMessage(), e);
        }
    }
}
