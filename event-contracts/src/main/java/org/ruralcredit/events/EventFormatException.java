package org.ruralcredit.events;

/** An event that cannot be read or written: unknown type, missing field, malformed JSON. */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
