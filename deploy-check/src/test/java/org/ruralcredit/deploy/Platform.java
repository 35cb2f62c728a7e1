package org.ruralcredit.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.ruralcredit.deploy.ManifestChecks.SecretRef;
import org.ruralcredit.events.EventCatalog;
import org.ruralcredit.events.EventType;

/** What the checks compare the manifests with: the repository's own sources. */
final class Platform {

    static final List<String> SERVICES = List.of("farmer-registry", "credit-rating", "morality-score", "sme-archive", "gateway");
    static final List<String> OVERLAYS = List.of("dev", "prod");

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

    /** Every event type's topic, and every topic the services name in their configuration (dead-letter topics too). */
    static Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        EventCatalog.all().stream().map(EventType::topic).forEach(topics::add);
        for (String service : SERVICES) {
            properties(service).forEach((k, v) -> {
                String key = k.toString();
                if (!key.startsWith("%") && key.startsWith("mp.messaging.") && key.endsWith(".topic")
                        && !key.startsWith("mp.messaging.outgoing.outbox.")) {
                    topics.add(v.toString());
                }
            });
        }
        return topics;
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
