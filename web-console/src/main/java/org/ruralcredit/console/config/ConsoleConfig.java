package org.ruralcredit.console.config;

import java.net.URI;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the console finds the platform's public APIs. The console calls them over HTTP with the
 * signed-in person's own token, like any other client, so every rule (realm permissions, division
 * scope, query rules) applies unchanged. The typed clients (service/api) take their addresses from
 * these ({@code quarkus.rest-client.<key>.url=${ruralcredit.console.*-url}}, application.properties),
 * and a deployment that leaves one out does not start.
 */
@ConfigMapping(prefix = "ruralcredit.console")
public interface ConsoleConfig {

    /** The gateway: lenders' and agencies' API (consents, reports, loans, award checks, register). */
    URI gatewayUrl();

    URI registryUrl();

    URI ratingUrl();

    URI moralityUrl();

    /** sme-archive: no page calls it directly yet (lenders read its lists through the gateway). */
    URI smeUrl();

    /** The county whose credit office the console serves: the administrator's charts and campaigns start there. */
    @WithDefault("330281")
    String county();

    /**
     * The names of the institutions whose staff sign in, by the id their accounts carry
     * ({@code ruralcredit.console.institutions.YYRCB=余姚农村商业银行}); an id without a name is shown as it is.
     */
    Map<String, String> institutions();

    /** The offline field app (入户采集). */
    Field field();

    interface Field {

        /**
         * Days a device keeps a village's households after its last sync before the app wipes them
         * ({@code ruralcredit.console.field.keep-days}; the app reads it from its session answer):
         * a tablet left in a drawer does not hold masked identities for longer.
         */
        @WithDefault("14")
        int keepDays();
    }
}
