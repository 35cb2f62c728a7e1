package org.ruralcredit.commons.idempotency;

/**
 * A write sent with an {@code Idempotency-Key}: the key, whose it is (keys are scoped per caller,
 * so one user's key never replays another's answer), the operation and the request's fingerprint.
 */
public record IdempotentRequest(IdempotencyKey key, String caller, String operation, String fingerprint) {}
