package org.ruralcredit.gateway.service;

import java.time.Instant;

/**
 * One section of a report and whether its source answered. {@code AVAILABLE}: data present;
 * {@code NOT_FOUND}: the source answered that it holds nothing (e.g. not rated yet);
 * {@code UNAVAILABLE}: the source did not answer in time or failed, or the read model has not yet
 * caught up with it — the report is then incomplete and names the section; {@code NOT_OFFERED}: no
 * source provides this yet. {@code asOf}: for a section from the read model, when the newest event
 * applied to it was written by its source.
 */
public record Section<T>(String status, String source, String detail, T data, Instant asOf) {

    public static final String AVAILABLE = "AVAILABLE";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String UNAVAILABLE = "UNAVAILABLE";
    public static final String NOT_OFFERED = "NOT_OFFERED";

    public static <T> Section<T> available(String source, T data) {
        return new Section<>(AVAILABLE, source, null, data, null);
    }

    /** Data from the read model, as of the newest event applied to it. */
    public static <T> Section<T> available(String source, T data, Instant asOf) {
        return new Section<>(AVAILABLE, source, null, data, asOf);
    }

    public static <T> Section<T> notFound(String source, String detail) {
        return new Section<>(NOT_FOUND, source, detail, null, null);
    }

    public static <T> Section<T> unavailable(String source, String detail) {
        return new Section<>(UNAVAILABLE, source, detail, null, null);
    }

    public static <T> Section<T> notOffered(String source, String detail) {
        return new Section<>(NOT_OFFERED, source, detail, null, null);
    }

    public boolean missing() {
        return UNAVAILABLE.equals(status);
    }

    public boolean isAvailable() {
        return AVAILABLE.equals(status);
    }
}
