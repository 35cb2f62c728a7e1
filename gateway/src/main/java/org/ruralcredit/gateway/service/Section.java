package org.ruralcredit.gateway.service;

/**
 * One section of a report and whether its source answered. {@code AVAILABLE}: data present;
 * {@code NOT_FOUND}: the source answered that it holds nothing (e.g. not rated yet);
 * {@code UNAVAILABLE}: the source did not answer in time or failed — the report is then incomplete
 * and names the section; {@code NOT_OFFERED}: no source provides this yet.
 */
public record Section<T>(String status, String source, String detail, T data) {

    public static final String AVAILABLE = "AVAILABLE";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String UNAVAILABLE = "UNAVAILABLE";
    public static final String NOT_OFFERED = "NOT_OFFERED";

    public static <T> Section<T> available(String source, T data) {
        return new Section<>(AVAILABLE, source, null, data);
    }

    public static <T> Section<T> notFound(String source, String detail) {
        return new Section<>(NOT_FOUND, source, detail, null);
    }

    public static <T> Section<T> unavailable(String source, String detail) {
        return new Section<>(UNAVAILABLE, source, detail, null);
    }

    public static <T> Section<T> notOffered(String source, String detail) {
        return new Section<>(NOT_OFFERED, source, detail, null);
    }

    public boolean missing() {
        return UNAVAILABLE.equals(status);
    }

    public boolean isAvailable() {
        return AVAILABLE.equals(status);
    }
}
