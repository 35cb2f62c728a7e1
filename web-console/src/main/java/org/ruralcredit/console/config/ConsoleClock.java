package org.ruralcredit.console.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.ruralcredit.console.view.Formats;

/**
 * The console's one source of "now", in China Standard Time, as the services' ServiceClock (the console does
 * not carry service-commons: no database, no Kafka). Pages read it through {@code ConsolePage.today()}.
 */
@ApplicationScoped
public class ConsoleClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(Formats.CHINA);
    }
}
