package org.ruralcredit.console.service;

/** The platform's APIs the console calls, each at its own base address. */
public enum Api {
    GATEWAY, REGISTRY, RATING, MORALITY, SME
}
