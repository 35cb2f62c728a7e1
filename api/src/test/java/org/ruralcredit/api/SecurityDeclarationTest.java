package org.ruralcredit.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bearer scheme each document declares and the realm's path rules (the authorization
 * resources of the service's client in {@code k8s/keycloak/rural-credit-realm.json}) describe the
 * same paths: every operation outside {@code /q/} is protected in the document and covered by a
 * realm resource, and every realm resource (a collection and its members, {@code /x} and
 * {@code /x/*}) covers at least one documented operation.
 */
class SecurityDeclarationTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentsDeclareSecurityExactlyWhereTheRealmProtects() {
        Map<String, Object> realm = Documents.read(
                Documents.dir().resolve("..").resolve(Path.of("k8s", "keycloak", "rural-credit-realm.json")));
        List<String> drift = new ArrayList<>();
        for (String service : Documents.SERVICES) {
            Map<String, Object> client = ((List<Map<String, Object>>) realm.get("clients"))
                    .stream()
                            .filter(c -> service.equals(c.get("clientId")))
                            .findFirst()
                            .orElseThrow();
            Map<String, Object> authz = (Map<String, Object>) client.getOrDefault("authorizationSettings", Map.of());
            List<Map<String, Object>> resources =
                    (List<Map<String, Object>>) authz.getOrDefault("resources", List.of());
            List<String> uris = resources.stream()
                    .flatMap(r -> ((List<String>) r.getOrDefault("uris", List.of())).stream())
                    .toList();
            Map<String, Object> paths =
                    (Map<String, Object>) Documents.read(Documents.of(service)).get("paths");
            paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
                if (!METHODS.contains(method) || path.startsWith("/q/")) {
                    return;
                }
                String where = service + " " + method.toUpperCase(Locale.ROOT) + " " + path;
                Object security = ((Map<String, Object>) op).get("security");
                if (!(security instanceof List<?> list) || list.isEmpty()) {
                    drift.add(where + ": no security declared, but the policy enforcer guards it");
                }
                if (uris.stream().noneMatch(uri -> covers(uri, path))) {
                    drift.add(where + ": no realm resource covers it");
                }
            }));
            for (Map<String, Object> resource : resources) {
                List<String> own = (List<String>) resource.getOrDefault("uris", List.of());
                if (paths.keySet().stream().noneMatch(path -> own.stream().anyMatch(uri -> covers(uri, path)))) {
                    drift.add(service + " realm resource " + resource.get("name") + " " + own
                            + ": covers no documented operation");
                }
            }
        }
        assertEquals(List.of(), drift);
    }

    /** Keycloak's matching of a resource URI: a trailing {@code /*} takes any deeper path; {@code {x}} any one segment. */
    static boolean covers(String uri, String path) {
        String concrete = path.replaceAll("\\{[^}/]+}", "x");
        if (uri.endsWith("/*")) {
            String prefix = uri.substring(0, uri.length() - 1);
            return concrete.startsWith(prefix) && concrete.length() > prefix.length();
        }
        return uri.replaceAll("\\{[^}/]+}", "x").equals(concrete);
    }
}
