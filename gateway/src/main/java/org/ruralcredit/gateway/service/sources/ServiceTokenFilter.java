package org.ruralcredit.gateway.service.sources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestFilter;

/**
 * Puts the gateway's RPT for the called service on an internal read. The service is named by the
 * {@code X-Rpt-Audience} header the client interface declares (removed before sending). Fetching a
 * token suspends the request instead of blocking the event loop.
 */
@ApplicationScoped
public class ServiceTokenFilter implements ResteasyReactiveClientRequestFilter {

    static final String AUDIENCE = "X-Rpt-Audience";

    private final ServiceTokens tokens;

    public ServiceTokenFilter(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ResteasyReactiveClientRequestContext context) {
        String audience = context.getHeaderString(AUDIENCE);
        context.getHeaders().remove(AUDIENCE);
        String cached = tokens.cachedValue(audience);
        if (cached != null) {
            context.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + cached);
            return;
        }
        context.suspend();
        tokens.forService(audience).whenComplete((token, failure) -> {
            if (failure != null) {
                context.resume(failure);
            } else {
                context.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                context.resume();
            }
        });
    }
}
