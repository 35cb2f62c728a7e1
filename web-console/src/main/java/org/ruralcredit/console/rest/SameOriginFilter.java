package org.ruralcredit.console.rest;

import java.net.URI;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A post, put or delete sent by a page of another site is refused before anything runs: the
 * browser names the page's site in Origin, and it must be the console's own (host and port as the
 * browser addressed it: the Host header over HTTP/1.1, the :authority of HTTP/2, as the request's
 * URI carries both). Beside the CSRF token, not instead of it: a request without Origin still
 * needs its token.
 */
public class SameOriginFilter {

    @ServerRequestFilter(preMatching = true)
    public void sameOrigin(ContainerRequestContext request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return;
        }
        URI addressed = request.getUriInfo().getRequestUri();
        String authority = addressed.getHost() == null
                ? null
                : addressed.getPort() < 0 ? addressed.getHost() : addressed.getHost() + ":" + addressed.getPort();
        if (!sameSite(origin, authority)) {
            throw new ForbiddenException();
        }
    }

    /** {@code origin} (scheme://host[:port]) names {@code host} (host[:port], as the Host header writes it). */
    static boolean sameSite(String origin, String host) {
        if (host == null || "null".equals(origin)) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort();
            String authority = port < 0 ? uri.getHost() : uri.getHost() + ":" + port;
            String defaultPort = "https".equals(uri.getScheme()) ? ":443" : ":80";
            return authority.equalsIgnoreCase(host)
                    || (authority + defaultPort).equalsIgnoreCase(host)
                    || authority.equalsIgnoreCase(host + defaultPort);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
