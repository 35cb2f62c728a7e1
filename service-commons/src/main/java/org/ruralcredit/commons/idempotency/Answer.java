package org.ruralcredit.commons.idempotency;

/** What a guarded write answers: its status, its body (serialised to JSON) and its Location, if any. */
public record Answer(int status, Object body, String location) {

    public static Answer created(String location, Object body) {
        return new Answer(201, body, location);
    }

    public static Answer ok(Object body) {
        return new Answer(200, body, null);
    }
}
