package org.ruralcredit.commons.metrics;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;
import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The {@code uri} label of {@code http_server_requests} is the route template
 * ({@code /api/v1/households/{id}/revisions}), never the raw path: a resident ID in a path would
 * otherwise land in the metrics in clear, and junk paths would use up the label values.
 * <p>
 * Quarkus labels a request with its template once the REST layer matched it; a request refused
 * before that (no token: {@code HttpFailureProblems}, the policy enforcer) would carry its raw
 * path. The first route of the application router therefore gives every request the template of
 * the resource method its path matches, from the services' own {@code @Path} declarations, and a
 * request that matches none and is refused or not found the single label {@value #UNMATCHED}.
 * (Quarkus' own template, when the REST layer matches, still comes first.)
 */
@ApplicationScoped
public class RouteTemplates {

    /** The one label of every refused or unknown request whose path matches no route. */
    public static final String UNMATCHED = "/NOT_FOUND";

    private static final Pattern PARAMETER =
            Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})*))?\\}");

    private volatile List<Template> templates;

    /** Before {@code HttpFailureProblems}' first route (same order, installed first). */
    void install(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::label);
    }

    void label(RoutingContext ctx) {
        HttpRequestMetric metric = metricOf(ctx);
        if (metric != null) {
            String template = templateOf(ctx.normalizedPath());
            if (template != null) {
                metric.setTemplatePath(template);
            } else {
                // static files (the console's assets) are answered by path, a bounded set; the rest is refused
                ctx.addHeadersEndHandler(v -> {
                    if (ctx.response().getStatusCode() >= 400) {
                        metric.setTemplatePath(UNMATCHED);
                    }
                });
            }
        }
        ctx.next();
    }

    private static HttpRequestMetric metricOf(RoutingContext ctx) {
        try {
            return HttpRequestMetric.getRequestMetric(ctx);
        } catch (ClassCastException | NullPointerException notMeasured) {
            return null;
        }
    }

    /** The template of the most specific resource path that matches {@code path}, or null. */
    public String templateOf(String path) {
        if (path == null) {
            return null;
        }
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Template t : templates()) {
            if (t.pattern.matcher(normalised).matches()) {
                return t.label;
            }
        }
        return null;
    }

    private List<Template> templates() {
        List<Template> known = templates;
        if (known == null) {
            Set<String> paths = new TreeSet<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                paths.addAll(resourcePaths(bean.getBeanClass()));
            }
            known = compile(paths);
            templates = known;
        }
        return known;
    }

    /** The paths of a JAX-RS resource class's methods (none for REST client interfaces or other beans). */
    static List<String> resourcePaths(Class<?> type) {
        List<String> paths = new ArrayList<>();
        Path root = type.getAnnotation(Path.class);
        if (root == null || type.isInterface()) {
            return paths;
        }
        for (Method m : type.getMethods()) {
            Path sub = m.getAnnotation(Path.class);
            if (sub != null || isHttpMethod(m)) {
                paths.add(join(root.value(), sub == null ? "" : sub.value()));
            }
        }
        return paths;
    }

    private static boolean isHttpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    static String join(String root, String sub) {
        String joined = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** Most literal characters first, as JAX-RS prefers the most specific template. */
    static List<Template> compile(Set<String> paths) {
        List<Template> list = new ArrayList<>();
        for (String p : paths) {
            StringBuilder regex = new StringBuilder();
            StringBuilder label = new StringBuilder();
            Matcher m = PARAMETER.matcher(p);
            int at = 0;
            int literal = 0;
            while (m.find()) {
                String text = p.substring(at, m.start());
                regex.append(Pattern.quote(text));
                label.append(text);
                literal += text.length();
                regex.append(m.group(2) == null ? "[^/]+" : "(?:" + m.group(2).trim() + ")");
                label.append('{').append(m.group(1)).append('}');
                at = m.end();
            }
            String rest = p.substring(at);
            regex.append(Pattern.quote(rest));
            label.append(rest);
            literal += rest.length();
            list.add(new Template(label.toString(), Pattern.compile(regex.toString()), literal));
        }
        list.sort(Comparator.comparingInt((Template t) -> -t.literal).thenComparing(t -> t.label));
        return List.copyOf(list);
    }

    record Template(String label, Pattern pattern, int literal) {}
}
