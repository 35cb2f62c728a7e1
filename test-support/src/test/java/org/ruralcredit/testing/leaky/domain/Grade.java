package org.ruralcredit.testing.leaky.domain;

import jakarta.enterprise.context.ApplicationScoped;

/** Fixture: a domain rule made a CDI bean. */
@ApplicationScoped
public class Grade {

    public String of(int score) {
        return score >= 80 ? "AA" : "A";
    }
}
