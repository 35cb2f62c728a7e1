package org.ruralcredit.commons.resilience;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A message handler whose transaction is run again while the database is briefly away, instead
 * of the message going to the dead-letter topic. Put it beside {@code @Transactional}: the retry
 * wraps the transaction, so every attempt is a transaction of its own.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetriedWhileTransient {}
