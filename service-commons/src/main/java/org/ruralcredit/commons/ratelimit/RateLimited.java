package org.ruralcredit.commons.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method each user may call only so often: every call takes a token from the user's
 * bucket of this name ({@code ruralcredit.rate-limit.buckets.<name>.capacity} and {@code .period}),
 * and a call that finds the bucket empty is answered 429 with {@code Retry-After}.
 * Methods sharing a name share the user's bucket.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    /** The bucket's name in configuration, e.g. {@code reports}. */
    String value();
}
