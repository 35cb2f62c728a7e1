package org.ruralcredit.gateway.domain;

import java.util.Optional;

/** An identifier after its check: the normalised value, or why it was refused. */
public record Checked(Optional<String> value, String refusal) {

    static Checked refused(String reason) {
        return new Checked(Optional.empty(), reason);
    }

    public boolean valid() {
        return value.isPresent();
    }
}
