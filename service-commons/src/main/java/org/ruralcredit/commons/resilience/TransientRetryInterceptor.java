package org.ruralcredit.commons.resilience;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs a {@link RetriedWhileTransient} handler again, with a growing pause, while its failure is
 * transient. Its priority puts it outside {@code @Transactional} (platform-before + 200), so the
 * failed transaction is rolled back before the next attempt opens its own. Past the limit the
 * failure goes on to the channel's failure strategy as before.
 */
@RetriedWhileTransient
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransientRetryInterceptor {

    private static final Logger LOG = Logger.getLogger(TransientRetryInterceptor.class);
    private static final long FIRST_PAUSE_MS = 200;
    private static final long LONGEST_PAUSE_MS = 5_000;

    private final Duration limit;

    public TransientRetryInterceptor(
            @ConfigProperty(name = "ruralcredit.messaging.transient-retry-limit", defaultValue = "10m")
                    Duration limit) {
        this.limit = limit;
    }

    @AroundInvoke
    Object retry(InvocationContext context) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        long pause = FIRST_PAUSE_MS;
        int attempt = 1;
        while (true) {
            try {
                return context.proceed();
            } catch (Exception e) {
                var cause = TransientFailures.transientCause(e);
                if (cause.isEmpty() || Instant.now().plusMillis(pause).isAfter(deadline)) {
                    throw e;
                }
                LOG.warnf(
                        "%s failed on a transient cause (%s), attempt %d; again in %d ms",
                        context.getMethod().getName(), cause.get(), attempt, pause);
                Thread.sleep(pause);
                pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
                attempt++;
            }
        }
    }
}
